package dev.flarescope;

import dev.flarescope.cli.Cli;
import dev.flarescope.ui.FlarescopeApp;

/**
 * The jar's entry point. A plain class rather than the JavaFX {@code Application}, so the headless
 * commands run without JavaFX starting (and the shaded jar runs on a classpath without modules).
 *
 * <p>{@code flarescope report|merge|export-png|record|demo-server|help|--help|--version ...} runs the
 * command line and exits with its code; anything else opens the app, with the arguments as paths to
 * load.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args));
        }
        try {
            FlarescopeApp.launchApp(args);
        } catch (RuntimeException e) {
            // typically no display: say so in one line and point at what works without one
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
            System.err.println("flarescope: cannot open the window: " + why
                    + " (the report and merge commands need no display; see flarescope --help)");
            System.exit(Cli.USAGE);
        }
    }

    /** The version in the jar manifest ({@code Implementation-Version}), or "dev" when run from classes. */
    public static String version() {
        String v = Launcher.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
