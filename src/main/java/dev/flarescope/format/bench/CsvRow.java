package dev.flarescope.format.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line as llama-bench writes it: comma separated, every value in double quotes with a
 * quote inside doubled; unquoted values (the header) are taken as they are.
 */
final class CsvRow {
    private CsvRow() {
    }

    /** The line's values, or null when a quoted value is not closed on this line. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    value.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(value.toString());
        return out;
    }
}
