package dev.flarescope.format.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of llama-bench's markdown table: cells of a {@code | a | b |} row, the separator row,
 * the {@code t/s} cell ({@code 21.32 ± 0.05}), the test label ({@code pp512}, {@code tg128},
 * {@code pp512+tg128}, {@code pp512 @ d4096}; older builds wrote {@code pp 512}) and the footer line
 * {@code build: 8cf427ff (5163)}.
 */
final class MarkdownRow {
    private static final Pattern TEST = Pattern.compile(
            "(?:pp\\s*(\\d+))?\\s*\\+?\\s*(?:tg\\s*(\\d+))?(?:\\s*@\\s*d\\s*(\\d+))?");
    private static final Pattern SPEED = Pattern.compile(
            "([0-9.eE+-]+)\\s*(?:±|\\+/-)\\s*([0-9.eE+-]+)");
    private static final Pattern FOOTER = Pattern.compile("build:\\s*(\\S+)\\s*\\((\\d+)\\)\\s*");

    /** Counts parsed from a test label. */
    record Test(long nPrompt, long nGen, long nDepth) {
    }

    /** Mean and standard deviation from a {@code t/s} cell. */
    record Speed(String avg, String stddev) {
    }

    /** Build commit and number from the footer. */
    record Build(String commit, String number) {
    }

    private MarkdownRow() {
    }

    /** True for a line that is a table row. */
    static boolean isRow(String line) {
        String t = line.trim();
        return t.startsWith("|") && t.endsWith("|") && t.length() > 1;
    }

    /** The trimmed cells of a table row. */
    static List<String> cells(String line) {
        String t = line.trim();
        String[] parts = t.substring(1, t.length() - 1).split("\\|", -1);
        List<String> out = new ArrayList<>(parts.length);
        for (String p : parts) {
            out.add(p.trim());
        }
        return out;
    }

    /** True for the {@code | --- | ---: |} row under the header. */
    static boolean isSeparator(List<String> cells) {
        for (String c : cells) {
            if (!c.matches(":?-+:?")) {
                return false;
            }
        }
        return !cells.isEmpty();
    }

    static Test test(String label) {
        Matcher m = TEST.matcher(label.trim());
        if (!m.matches() || m.group(1) == null && m.group(2) == null) {
            return null;
        }
        return new Test(count(m.group(1)), count(m.group(2)), count(m.group(3)));
    }

    static Speed speed(String cell) {
        Matcher m = SPEED.matcher(cell.trim());
        return m.matches() ? new Speed(m.group(1), m.group(2)) : null;
    }

    static Build footer(String line) {
        Matcher m = FOOTER.matcher(line.trim());
        return m.matches() ? new Build(m.group(1), m.group(2)) : null;
    }

    private static long count(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
