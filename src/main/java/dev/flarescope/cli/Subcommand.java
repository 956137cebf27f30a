package dev.flarescope.cli;

import java.io.PrintWriter;

/**
 * A command run by {@link Cli}: what it accepts, and what it does with what it was given. Cli parses
 * the command line against {@link #spec()}, answers {@code --help} and {@code --version} itself and
 * turns a {@link UsageException} or any other exception from {@link #run} into one line on stderr.
 *
 * <p>Public for the bench tools, which run through {@link Cli#runStandalone}.
 */
public interface Subcommand {
    CommandSpec spec();

    /**
     * Does the work.
     *
     * @return the exit code ({@link Cli#OK}, {@link Cli#FINDINGS}, {@link Cli#USAGE})
     * @throws UsageException when the options do not go together or a value is unusable
     */
    int run(Arguments args, PrintWriter out, PrintWriter err) throws Exception;
}
