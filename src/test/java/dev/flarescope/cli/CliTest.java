package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.chrome.JsonFields;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliTest {

    /** A command with a bug, to see what the user gets. */
    static final class Broken implements Subcommand {
        @Override
        public CommandSpec spec() {
            return FlarescopeCommand.subcommand("broken", "Fails.");
        }

        @Override
        public int run(Arguments args, PrintWriter out, PrintWriter err) {
            throw new IllegalStateException("index 7 out of bounds");
        }
    }

    /** The command line with one command, {@code broken}. */
    private static final CommandTable WITH_BROKEN = new CommandTable() {
        @Override
        public List<String> names() {
            return List.of("broken");
        }

        @Override
        public Subcommand create(String name) {
            return name.equals("broken") ? new Broken() : null;
        }
    };

    private static CliRun runWithBroken(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(WITH_BROKEN, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void internalErrorsAreOneLineWithoutDebug() {
        CliRun r = runWithBroken("broken");
        assertEquals(Cli.INTERNAL, r.code());
        assertEquals("flarescope: internal error: index 7 out of bounds (run with --debug for the stack trace)",
                r.err().trim());
    }

    @Test
    void debugPrintsTheStackTrace() {
        CliRun r = runWithBroken("broken", "--debug");
        assertEquals(Cli.INTERNAL, r.code());
        assertTrue(r.err().contains("java.lang.IllegalStateException: index 7 out of bounds"), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("run with --debug"), r.err());
    }

    @Test
    void commandsAreToldFromPaths() {
        for (String c : new String[] {"report", "merge", "help", "--help", "-h", "--version", "-V"}) {
            assertTrue(Cli.isCommand(c), c);
        }
        for (String c : new String[] {"-hV", "--debug", "export-png", "record", "demo-server"}) {
            assertTrue(Cli.isCommand(c), c);
        }
        assertFalse(Cli.isCommand("trace.json"));
        assertFalse(Cli.isCommand("sample-traces/serving-run"));
    }

    @Test
    void offsetsAcceptSignsAndUnits() {
        assertEquals(12_500_000L, TimeOffset.parseDuration("+12.5ms"));
        assertEquals(-3_000_000_000L, TimeOffset.parseDuration("-3s"));
        assertEquals(1_500L, TimeOffset.parseDuration("1.5us"));
        assertEquals(42L, TimeOffset.parseDuration("42ns"));
        assertEquals(250_000_000L, TimeOffset.parseDuration(".25 s"));
        TimeOffset o = new TimeOffset.Converter().convert("runs/a=b.json=-0.001ms");
        assertEquals("runs/a=b.json", o.path());
        assertEquals(-1_000L, o.ns());
    }

    @Test
    void microsAreExactDecimals() {
        assertEquals("0", JsonFields.micros(0));
        assertEquals("1", JsonFields.micros(1_000));
        assertEquals("1.5", JsonFields.micros(1_500));
        assertEquals("0.001", JsonFields.micros(1));
        assertEquals("-0.25", JsonFields.micros(-250));
        assertEquals("-2.125", JsonFields.micros(-2_125));
        assertEquals("1700000000000000.123", JsonFields.micros(1_700_000_000_000_000_123L));
    }
}
