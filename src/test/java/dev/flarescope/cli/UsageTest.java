package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageTest {

    private static String help(CommandSpec spec, List<Usage.Row> commands) {
        StringWriter text = new StringWriter();
        Usage.write(spec, commands, new PrintWriter(text));
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void wrapBreaksBetweenWords() {
        assertEquals(List.of("aa bb", "cc"), Usage.wrap("aa bb cc", 5, 5));
        assertEquals(List.of("aa", "bb cc", "dd"), Usage.wrap("aa bb cc dd", 2, 5));
        assertEquals(List.of("aa bb"), Usage.wrap("aa  bb", 5, 5));
        assertEquals(List.of(""), Usage.wrap("", 5, 5));
    }

    @Test
    void wrapCutsWordsWiderThanALine() {
        assertEquals(List.of("abcd", "efgh", "ij"), Usage.wrap("abcdefghij", 4, 4));
        assertEquals(List.of("x", "abcd", "efgh"), Usage.wrap("x abcdefgh", 4, 4));
        // before the last '|' that fits, as lists of choices read best
        assertEquals(List.of("ab|cd", "|ef"), Usage.wrap("ab|cd|ef", 6, 6));
    }

    @Test
    void optionsAreTwoColumnsWithWrappedIndentedDescriptions() {
        String word = "abcdefghi";
        StringBuilder twelve = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            twelve.append(i == 0 ? "" : " ").append(word).append((char) ('a' + i));
        }
        CommandSpec spec = new CommandSpec("tool", "Does a thing.", "Second paragraph.")
                .options(Option.flag("--all", "Everything."),
                        Option.value("--name", "N", twelve.toString()).repeatable(),
                        Option.value("--a-very-long-option-name", "VALUE", "Long."),
                        Option.value("--output", "F", "Where.").shortName("-o").required())
                .parameter(Parameter.oneOrMore("PATH", "Inputs."))
                .footer("Notes:", "  kept as they are");
        // names column: "  -o, --output=F" is the widest that fits (16), plus a gap of 2: descriptions at 18,
        // 62 columns wide on the first line (5 words of 10 and 4 spaces: 54), 60 on the others (5 again)
        String expected = """
                Usage: tool [-h] [--all] [--name=N]... [--a-very-long-option-name=VALUE]
                            --output=F PATH...
                Does a thing.
                Second paragraph.
                      PATH...     Inputs.
                      --all       Everything.
                      --name=N    abcdefghia abcdefghib abcdefghic abcdefghid abcdefghie
                                    abcdefghif abcdefghig abcdefghih abcdefghii abcdefghij
                                    abcdefghik abcdefghil
                      --a-very-long-option-name=VALUE
                                  Long.
                  -o, --output=F  Where.
                  -h, --help      Show this help message and exit.

                Notes:
                  kept as they are
                """;
        assertEquals(expected, help(spec, List.of()));
    }

    @Test
    void commandsAndGroupsAreListedUnderTheirHeadings() {
        CommandSpec spec = new CommandSpec("prog", "Top.").versioned().takesCommand()
                .oneOf("Source (one of):", Option.value("--follow", "PATH", "Follow."), Option.value("--connect", "URL", "Read."));
        String expected = """
                Usage: prog [-hV] (--follow=PATH | --connect=URL) [COMMAND]
                Top.
                  -h, --help         Show this help message and exit.
                  -V, --version      Print version information and exit.
                Source (one of):
                      --follow=PATH  Follow.
                      --connect=URL  Read.
                Commands:
                  run   Runs.
                  help  Helps.
                """;
        assertEquals(expected, help(spec, List.of(new Usage.Row("  run", "Runs."), new Usage.Row("  help", "Helps."))));
    }
}
