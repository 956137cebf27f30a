package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Help, version and usage errors of every command, as users see them. */
class CliUsageTest {
    private static final List<String> COMMANDS = List.of("report", "merge", "export-png", "record", "demo-server", "help");

    @Test
    void everyCommandAnswersHelpWithinEightyColumns() {
        for (String c : COMMANDS) {
            CliRun longForm = CliRun.run(c, "--help");
            assertEquals(0, longForm.code(), c);
            assertTrue(longForm.out().startsWith("Usage: flarescope " + c + " [-hV] [--debug]"), longForm.out());
            assertTrue(longForm.out().contains("  -h, --help ") && longForm.out().contains("  -V, --version ")
                    && longForm.out().contains("      --debug "), longForm.out());
            assertTrue(longForm.out().lines().allMatch(l -> l.length() <= 80), longForm.out());
            assertEquals("", longForm.err());
            assertEquals(longForm.out(), CliRun.run(c, "-h").out(), c);
            assertEquals(longForm.out(), CliRun.run("help", c).out(), c);
        }
    }

    @Test
    void everyCommandAnswersVersion() {
        for (String c : COMMANDS) {
            for (String v : new String[] {"--version", "-V"}) {
                CliRun r = CliRun.run(c, v);
                assertEquals(0, r.code(), c);
                assertEquals("flarescope dev", r.out().trim(), c + " " + v);
            }
        }
        assertEquals("flarescope dev", CliRun.run("-V").out().trim());
    }

    @Test
    void theTopLevelHelpListsTheCommandsAndTheExitStatus() {
        CliRun r = CliRun.run("--help");
        assertEquals(0, r.code());
        for (String c : COMMANDS) {
            assertTrue(r.out().contains("\n  " + c + " "), c + "\n" + r.out());
        }
        assertTrue(r.out().contains("\nExit status:\n".replace("\n", System.lineSeparator()))
                && r.out().contains("  3  internal error"), r.out());
        assertEquals(r.out(), CliRun.run("help").out());
        assertEquals(r.out(), CliRun.run("--debug").out());
        assertEquals(r.out(), CliRun.run("-h").out());
    }

    @Test
    void debugIsAcceptedOnEveryCommandAndBeforeIt() {
        // each gets as far as its own first check, not an unknown option
        assertEquals("flarescope merge: Missing required option: '--output=OUT.json' (see 'flarescope merge --help')",
                CliRun.run("merge", "--debug", "a.json").err().trim());
        assertEquals("flarescope report: Missing required parameter: 'PATH' (see 'flarescope report --help')",
                CliRun.run("--debug", "report").err().trim());
        assertEquals("flarescope demo-server: --port 70000 is out of range (0-65535) (see 'flarescope demo-server --help')",
                CliRun.run("demo-server", "--debug", "--port", "70000").err().trim());
    }

    @Test
    void usageErrorsAreOneLineNamingTheCommand() {
        String[][] cases = {
                {"flarescope report: Unknown option: '--bogus' (see 'flarescope report --help')", "report", "--bogus", "a"},
                {"flarescope report: Missing required parameter for option '--top' (N) (see 'flarescope report --help')",
                        "report", "a", "--top"},
                {"flarescope report: Invalid value for option '--top': 'x' is not an int (see 'flarescope report --help')",
                        "report", "--top=x", "a"},
                {"flarescope export-png: Invalid value for option '--width': 'wide' is not an int"
                        + " (see 'flarescope export-png --help')", "export-png", "--width", "wide", "-o", "x.png", "a"},
                {"flarescope record: Missing required option, one of: (--follow=PATH | --connect=URL | --listen=HOST:PORT"
                        + " | --proxy=LISTEN) (see 'flarescope record --help')", "record", "-o", "x.json"},
                {"flarescope: Unknown command: 'frobnicate' (see 'flarescope --help')", "frobnicate"},
                {"flarescope: Unknown option: '--bogus' (see 'flarescope --help')", "--bogus"},
                {"flarescope help: Unknown command: 'frobnicate' (see 'flarescope help --help')", "help", "frobnicate"},
        };
        for (String[] c : cases) {
            CliRun r = CliRun.run(List.of(c).subList(1, c.length).toArray(new String[0]));
            assertEquals(Cli.USAGE, r.code(), c[0]);
            assertEquals(List.of(c[0]), List.of(r.errLines()));
            assertEquals("", r.out());
        }
    }

    @Test
    void doubleDashMakesAnOptionLikeNameAPath() {
        CliRun r = CliRun.run("report", "--", "--json");
        assertEquals(Cli.USAGE, r.code());
        assertEquals(List.of("flarescope: --json: no such file or folder"), List.of(r.errLines()));
    }
}
