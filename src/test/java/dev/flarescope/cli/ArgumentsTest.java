package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private static final Option JSON = Option.flag("--json", "Print JSON.");
    private static final Option TOP = Option.value("--top", "N", "Rows.");
    private static final Option OFFSET = Option.value("--offset", "PATH=TIME", "Shift.").repeatable();
    private static final Option OUTPUT = Option.value("--output", "OUT", "File to write.").shortName("-o").required();
    private static final CommandSpec TOOL = new CommandSpec("tool", "Does a thing.")
            .options(JSON, TOP, OFFSET, OUTPUT)
            .parameter(Parameter.oneOrMore("PATH", "Inputs."));

    private static Arguments parse(CommandSpec spec, String... args) {
        return Arguments.parse(spec, args, 0);
    }

    private static String error(CommandSpec spec, String... args) {
        return assertThrows(UsageException.class, () -> parse(spec, args)).getMessage();
    }

    @Test
    void valuesComeSeparateOrAttached() {
        for (String[] args : new String[][] {
                {"--top", "5", "-o", "x.json", "a"},
                {"--top=5", "-ox.json", "a"},
                {"a", "--top=5", "-o=x.json"}}) {
            Arguments a = parse(TOOL, args);
            assertEquals("5", a.value(TOP), String.join(" ", args));
            assertEquals(5, a.value(TOP, Converters.INT));
            assertEquals("x.json", a.value(OUTPUT));
            assertEquals(List.of("a"), a.parameters());
            assertFalse(a.has(JSON));
        }
    }

    @Test
    void anEqualsSignAfterTheFirstBelongsToTheValue() {
        Arguments a = parse(TOOL, "--offset=runs/a=b.json=+1ms", "-o", "x", "a");
        assertEquals(List.of("runs/a=b.json=+1ms"), a.values(OFFSET, new ValueConverter<String>() {
            @Override
            public String convert(String text) {
                return text;
            }
        }));
    }

    @Test
    void repeatableOptionsKeepEveryValueInOrder() {
        Arguments a = parse(TOOL, "--offset", "b=1s", "-o", "x", "p1", "--offset=a=2ms", "p2");
        List<TimeOffset> offsets = a.values(OFFSET, new TimeOffset.Converter());
        assertEquals(List.of(new TimeOffset("b", 1_000_000_000L), new TimeOffset("a", 2_000_000L)), offsets);
        assertEquals(List.of("p1", "p2"), a.parameters());
        assertEquals(List.of(Path.of("p1"), Path.of("p2")), a.parameters(Converters.PATH));
    }

    @Test
    void optionsAndParametersMayBeInterleaved() {
        Arguments a = parse(TOOL, "one", "--json", "two", "-o", "x", "three");
        assertTrue(a.has(JSON));
        assertEquals(List.of("one", "two", "three"), a.parameters());
    }

    @Test
    void doubleDashEndsTheOptionsAndSingleDashIsAParameter() {
        Arguments a = parse(TOOL, "-o", "x", "-", "--", "--json", "-top");
        assertFalse(a.has(JSON));
        assertEquals(List.of("-", "--json", "-top"), a.parameters());
    }

    @Test
    void aValueMayLookLikeANegativeNumber() {
        Arguments a = parse(TOOL, "--top", "-1", "-o", "x", "a");
        assertEquals(-1, a.value(TOP, Converters.INT));
    }

    @Test
    void absentOptionsHaveNoValueOrTheirDefault() {
        Arguments a = parse(TOOL, "-o", "x", "a");
        assertNull(a.value(TOP));
        assertNull(a.value(TOP, Converters.INT));
        assertEquals(30, a.value(TOP, Converters.INT, 30));
        assertEquals(List.of(), a.values(OFFSET, new TimeOffset.Converter()));
    }

    @Test
    void unknownOptionsAreNamed() {
        assertEquals("Unknown option: '--bogus'", error(TOOL, "--bogus", "-o", "x", "a"));
        assertEquals("Unknown option: '--bogus=1'", error(TOOL, "-o", "x", "--bogus=1", "a"));
        assertEquals("Unknown option: '-x'", error(TOOL, "-x", "a"));
    }

    @Test
    void aMissingValueIsNamedWithItsLabel() {
        assertEquals("Missing required parameter for option '--top' (N)", error(TOOL, "-o", "x", "a", "--top"));
        // the next argument is an option, not the value
        assertEquals("Missing required parameter for option '--top' (N)", error(TOOL, "--top", "--json", "a"));
        assertEquals("Missing required parameter for option '--output' (OUT)", error(TOOL, "a", "-o", "--"));
        // an '=' with nothing after it gives no value either
        assertEquals("Missing required parameter for option '--output' (OUT)", error(TOOL, "--output=", "a"));
        assertEquals("Missing required parameter for option '--output' (OUT)", error(TOOL, "-o=", "a"));
    }

    @Test
    void missingRequiredOptionsAndParametersAreNamed() {
        assertEquals("Missing required option: '--output=OUT'", error(TOOL, "a"));
        assertEquals("Missing required parameter: 'PATH'", error(TOOL, "-o", "x"));
        assertEquals("Missing required parameter: 'PATH'", error(TOOL, "-o", "x", "--json"));
    }

    @Test
    void singleOptionsMayBeGivenOnce() {
        assertEquals("option '--top' (N) should be specified only once", error(TOOL, "--top", "1", "--top=2", "a"));
        assertEquals("option '--json' should be specified only once", error(TOOL, "--json", "--json", "a"));
    }

    @Test
    void flagsTakeNoValue() {
        assertEquals("option '--json' takes no value, found 'true'", error(TOOL, "--json=true", "a"));
    }

    @Test
    void unusableValuesNameTheOption() {
        Arguments a = parse(TOOL, "--top", "many", "-o", "x", "a");
        UsageException e = assertThrows(UsageException.class, () -> a.value(TOP, Converters.INT));
        assertEquals("Invalid value for option '--top': 'many' is not an int", e.getMessage());
        Arguments b = parse(TOOL, "--offset", "nowhere", "-o", "x", "a");
        e = assertThrows(UsageException.class, () -> b.values(OFFSET, new TimeOffset.Converter()));
        assertEquals("Invalid value for option '--offset': 'nowhere': expected PATH=TIME, such as trace.json=+12.5ms",
                e.getMessage());
    }

    @Test
    void helpEndsParsingBeforeAnythingIsChecked() {
        assertTrue(parse(TOOL, "--help").helpRequested());
        assertTrue(parse(TOOL, "a", "-h", "--bogus").helpRequested());
        // without --version on the spec, -V is unknown
        assertEquals("Unknown option: '-V'", error(TOOL, "-V"));
        CommandSpec versioned = FlarescopeCommand.subcommand("tool", "Does a thing.").options(JSON);
        Arguments both = parse(versioned, "-hV");
        assertTrue(both.helpRequested() && both.versionRequested());
        assertTrue(parse(versioned, "--version").versionRequested());
        assertTrue(parse(versioned, "--debug").has(FlarescopeCommand.DEBUG));
    }

    @Test
    void exactlyOneOfAGroup() {
        Option follow = Option.value("--follow", "PATH", "Follow.");
        Option connect = Option.value("--connect", "URL", "Connect.");
        CommandSpec spec = new CommandSpec("rec", "Records.").oneOf("Source (one of):", follow, connect);
        assertEquals("f", parse(spec, "--follow", "f").value(follow));
        assertEquals("Missing required option, one of: (--follow=PATH | --connect=URL)", error(spec));
        assertEquals("--follow and --connect cannot be used together (specify only one)",
                error(spec, "--connect=u", "--follow", "f"));
    }

    @Test
    void parametersBeyondThoseDeclaredAreErrors() {
        CommandSpec one = new CommandSpec("gen", "Writes.").parameter(Parameter.optional("DIR", "Where."));
        assertEquals(List.of(), parse(one).parameters());
        assertEquals(List.of("d"), parse(one, "d").parameters());
        assertEquals("Unexpected argument: 'e'", error(one, "d", "e"));
        CommandSpec none = new CommandSpec("ping", "Pings.");
        assertEquals("Unexpected argument: 'x'", error(none, "x"));
    }

    @Test
    void parsingForACommandStopsAtItsName() {
        Arguments a = parse(FlarescopeCommand.SPEC, "--debug", "report", "--json", "x");
        assertEquals(1, a.commandIndex());
        assertTrue(a.has(FlarescopeCommand.DEBUG));
        assertEquals(-1, parse(FlarescopeCommand.SPEC, "--debug").commandIndex());
        assertEquals("Unknown option: '--json'", error(FlarescopeCommand.SPEC, "--json", "report"));
    }
}
