package dev.flarescope.cli;

import dev.flarescope.io.TraceTooLargeException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the headless command line. Whatever happens, the user sees one clear line, never a stack trace:
 * a bad option gives a usage line (exit {@value #USAGE}), an unexpected exception gives
 * "flarescope: internal error: ..." (exit {@value #INTERNAL}) and the stack trace only with {@code --debug};
 * inputs too large for the heap give "flarescope: ...: too large for N MB of heap; run with -Xmx..." (exit
 * {@value #USAGE}).
 */
public final class Cli {
    /** Exit code: everything was read and no finding reached the threshold. */
    public static final int OK = 0;
    /** Exit code: a finding reached {@code --fail-on}. */
    public static final int FINDINGS = 1;
    /** Exit code: an input could not be read, an output not written, or the command line was wrong. */
    public static final int USAGE = 2;
    /** Exit code: a bug; the message asks for {@code --debug}. */
    public static final int INTERNAL = 3;

    private Cli() {
    }

    /**
     * True when {@code firstArg} starts a command-line run rather than naming a file to open in the app:
     * a command's name or an option (help, version, joined flags such as {@code -hV}).
     */
    public static boolean isCommand(String firstArg) {
        return firstArg.startsWith("-") || firstArg.equals(HelpCommand.NAME)
                || CommandTable.STANDARD.names().contains(firstArg);
    }

    /** Runs with the process's stdout and stderr; returns the exit code. */
    public static int run(String... args) {
        Charset cs = Charset.defaultCharset();
        return run(new PrintWriter(new OutputStreamWriter(System.out, cs), true),
                new PrintWriter(new OutputStreamWriter(System.err, cs), true), args);
    }

    /** Runs with the given streams (tests capture them); returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CommandTable.STANDARD, out, err, args);
    }

    /** Runs {@code flarescope} with the commands of {@code table}; returns the exit code. */
    static int run(CommandTable table, PrintWriter out, PrintWriter err, String... args) {
        // made while memory is free; no local keeps the command (and the trace it holds) once it throws
        TraceTooLargeException outOfMemory = TraceTooLargeException.forHeap(inputPaths(args));
        try {
            return dispatch(table, out, err, args);
        } catch (OutOfMemoryError e) {
            // outside loading (which reports its own): the analysis or the output of a large trace
            return tooLarge(err, outOfMemory);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Runs a program that is one command, such as a bench tool, with the process's stdout and stderr:
     * help, usage errors and internal errors as for the commands of {@code flarescope}.
     */
    public static int runStandalone(Subcommand command, String... args) {
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, cs), true);
        try {
            return execute(command, args, 0, false, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The options before the command name, then the command. */
    private static int dispatch(CommandTable table, PrintWriter out, PrintWriter err, String... args) {
        CommandSpec top = FlarescopeCommand.SPEC;
        Arguments global;
        try {
            global = Arguments.parse(top, args, 0);
        } catch (UsageException e) {
            return usageError(err, top, e);
        }
        if (global.versionRequested()) {
            out.println(FlarescopeCommand.version());
            return OK;
        }
        int at = global.commandIndex();
        if (global.helpRequested() || at < 0) {
            FlarescopeCommand.usage(table, out);
            return OK;
        }
        String name = args[at];
        Subcommand command = name.equals(HelpCommand.NAME) ? new HelpCommand(table) : table.create(name);
        if (command == null) {
            return usageError(err, top, new UsageException("Unknown command: '" + name + "'"));
        }
        return execute(command, args, at + 1, global.has(FlarescopeCommand.DEBUG), out, err);
    }

    /** Parses {@code args} from {@code from} on for {@code command} and runs it, or answers help or version. */
    private static int execute(Subcommand command, String[] args, int from, boolean debug, PrintWriter out,
            PrintWriter err) {
        CommandSpec spec = command.spec();
        Arguments parsed = null;
        try {
            parsed = Arguments.parse(spec, args, from);
            if (parsed.helpRequested()) {
                Usage.write(spec, List.of(), out);
                return OK;
            }
            if (parsed.versionRequested()) {
                out.println(FlarescopeCommand.version());
                return OK;
            }
            return command.run(parsed, out, err);
        } catch (UsageException e) {
            return usageError(err, spec, e);
        } catch (TraceTooLargeException e) {
            return tooLarge(err, e);
        } catch (Exception e) {
            return internalError(err, spec, e, debug || parsed != null && parsed.has(FlarescopeCommand.DEBUG));
        }
    }

    /** "flarescope report: what is wrong (see 'flarescope report --help')". */
    private static int usageError(PrintWriter err, CommandSpec spec, UsageException e) {
        err.println(spec.name() + ": " + e.getMessage() + " (see '" + spec.name() + " --help')");
        return USAGE;
    }

    /** One line that asks for {@code --debug}, or with it the stack trace and the line. */
    private static int internalError(PrintWriter err, CommandSpec spec, Exception e, boolean debug) {
        if (debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        String name = spec.name();
        String program = name.indexOf(' ') < 0 ? name : name.substring(0, name.indexOf(' '));
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        boolean askForDebug = !debug && spec.option(FlarescopeCommand.DEBUG.name()) != null;
        err.println(program + ": internal error: " + message + (askForDebug ? " (run with --debug for the stack trace)" : ""));
        return INTERNAL;
    }

    /**
     * The arguments that name existing files or folders, for a message that must be ready before the heap
     * runs out: the inputs (an existing output or mapping file given as an option value is named too).
     */
    private static List<Path> inputPaths(String... args) {
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("-")) {
                try {
                    Path p = Path.of(a);
                    if (Files.exists(p)) {
                        paths.add(p);
                    }
                } catch (InvalidPathException e) {
                    // not a path
                }
            }
        }
        return paths;
    }

    /** Not a bug and not worth a stack trace: one line that says how to give Java more memory. */
    private static int tooLarge(PrintWriter err, TraceTooLargeException e) {
        err.println("flarescope: " + e.getMessage());
        return USAGE;
    }
}
