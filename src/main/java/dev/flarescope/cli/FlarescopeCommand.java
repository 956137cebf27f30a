package dev.flarescope.cli;

import dev.flarescope.Launcher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level {@code flarescope} command: only subcommands and the options every command takes
 * ({@code --help}, {@code --version}, {@code --debug}).
 */
final class FlarescopeCommand {
    /** Taken by every command; {@link Cli} prints stack traces of internal errors when it was given. */
    static final Option DEBUG = Option.flag("--debug", "Print stack traces of internal errors.");

    static final CommandSpec SPEC = new CommandSpec("flarescope",
            "Profiling viewer for LLM-serving stacks. Without arguments (or with trace paths) the app opens; "
                    + "these commands run without a window.")
            .versioned()
            .common(DEBUG)
            .takesCommand()
            .footer("Exit status:",
                    "  0  everything was read and no finding reached --fail-on",
                    "  1  a finding reached --fail-on",
                    "  2  an input could not be read, the output not written, or a usage error",
                    "  3  internal error");

    private FlarescopeCommand() {
    }

    /** The spec of {@code flarescope NAME}, with the options every command takes. */
    static CommandSpec subcommand(String name, String... description) {
        return new CommandSpec("flarescope " + name, description).versioned().common(DEBUG);
    }

    /** "flarescope VERSION" from the jar manifest; "flarescope dev" when run from classes. */
    static String version() {
        return "flarescope " + Launcher.version();
    }

    /** The top-level help, listing the commands of {@code table} and {@code help}. */
    static void usage(CommandTable table, PrintWriter out) {
        List<Usage.Row> commands = new ArrayList<>();
        for (String name : table.names()) {
            commands.add(new Usage.Row("  " + name, table.create(name).spec().summary()));
        }
        commands.add(new Usage.Row("  " + HelpCommand.NAME, HelpCommand.SPEC.summary()));
        Usage.write(SPEC, commands, out);
    }
}
