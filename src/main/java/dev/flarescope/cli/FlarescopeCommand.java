package dev.flarescope.cli;

import dev.flarescope.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code flarescope} command: only subcommands and the common options. {@link Cli} adds
 * the subcommands, so that a run builds the model of the one it needs only.
 */
@Command(name = "flarescope", mixinStandardHelpOptions = true, versionProvider = FlarescopeCommand.Version.class,
        description = "Profiling viewer for LLM-serving stacks. Without arguments (or with trace paths) the "
                + "app opens; these commands run without a window.",
        footerHeading = "%nExit status:%n",
        footer = {"  0  everything was read and no finding reached --fail-on",
                "  1  a finding reached --fail-on",
                "  2  an input could not be read, the output not written, or a usage error",
                "  3  internal error"})
public final class FlarescopeCommand implements Runnable {

    /** Declared for every subcommand; {@link Cli} reads it from the parse result when something fails. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of internal errors.")
    boolean debug;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** "flarescope <version>" from the jar manifest; "dev" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"flarescope " + version()};
        }

        static String version() {
            return Launcher.version();
        }
    }
}
