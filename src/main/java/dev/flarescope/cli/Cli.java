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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

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

    /** The subcommands in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();
    private static final Set<String> COMMANDS = Set.of("report", "merge", "export-png", "record", "demo-server", "help", "--help", "-h", "--version",
            "-V", "--debug");

    private Cli() {
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("report", ReportCommand::new);
        m.put("merge", MergeCommand::new);
        m.put("export-png", ExportPngCommand::new);
        m.put("record", RecordCommand::new);
        m.put("demo-server", DemoServerCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /** True when {@code firstArg} starts a command-line run rather than naming a file to open in the app. */
    public static boolean isCommand(String firstArg) {
        return COMMANDS.contains(firstArg);
    }

    /** Runs with the process's stdout and stderr; returns the exit code. */
    public static int run(String... args) {
        Charset cs = Charset.defaultCharset();
        return run(new PrintWriter(new OutputStreamWriter(System.out, cs), true),
                new PrintWriter(new OutputStreamWriter(System.err, cs), true), args);
    }

    /** Runs with the given streams (tests capture them); returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // made while memory is free; no local keeps the command (and the trace it holds) once it throws
        TraceTooLargeException outOfMemory = TraceTooLargeException.forHeap(inputPaths(args));
        try {
            return commandLine(out, err, args).execute(args);
        } catch (OutOfMemoryError e) {
            // outside loading (which reports its own): the analysis or the output of a large trace
            return tooLarge(err, outOfMemory);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The command line for {@code args}. Picocli builds each command's model from its annotations by
     * reflection; a run that names its command gets that one alone, help and everything else get all,
     * in the order help lists them.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new FlarescopeCommand());
        String first = args.length > 0 ? args[0] : "";
        boolean one = SUBCOMMANDS.containsKey(first) && !first.equals("help");
        for (Map.Entry<String, Supplier<Object>> c : SUBCOMMANDS.entrySet()) {
            if (!one || c.getKey().equals(first)) {
                cl.addSubcommand(c.getKey(), c.getValue().get());
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(usageError(err));
        cl.setExecutionExceptionHandler(internalError(err));
        return cl;
    }

    private static IParameterExceptionHandler usageError(PrintWriter err) {
        return (ParameterException e, String[] args) -> {
            CommandLine cmd = e.getCommandLine();
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                    + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return USAGE;
        };
    }

    private static IExecutionExceptionHandler internalError(PrintWriter err) {
        return (Exception e, CommandLine cmd, ParseResult parsed) -> {
            if (e instanceof TraceTooLargeException tooLarge) {
                return tooLarge(err, tooLarge);
            }
            if (debug(parsed)) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.print(trace);
            }
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
            err.println("flarescope: internal error: " + message + (debug(parsed) ? ""
                    : " (run with --debug for the stack trace)"));
            return INTERNAL;
        };
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

    private static boolean debug(ParseResult parsed) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
