package dev.flarescope.format.chrome;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random Chrome trace events that stress a decoder: every field with values of every JSON type,
 * strings with escapes, surrogate pairs, raw multi-byte UTF-8 and text that looks like event
 * boundaries, numbers with exponents, negative zero and integers beyond 64 bits, nested args,
 * duplicate and escaped member names, and whitespace anywhere between tokens.
 */
final class NastyEvents {
    private static final List<String> FIELDS = List.of("ph", "name", "cat", "ts", "dur", "pid", "tid", "id", "id2",
            "scope", "s", "bp", "bind_id", "flow_in", "flow_out", "cname", "sf", "args", "tts", "unknown",
            "na\\u006De", "\u043a\u043b\u044e\u0447");
    private static final List<String> STRING_PIECES = List.of("req-1", "X", "B", "e", "gpu", "0x1f", "12", "-7",
            " 15.5 ", "1.0005", "2e3", "true", "TRUE", "t", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\r", "\\b", "\\f",
            "\\u0041", "\\u00e9", "\\u0001", "\\u001f", "\\u2028", "\\ud83d\\ude00", "\\uD834\\uDD1E", "\u00e9",
            "\u65e5\u672c", "\ud83d\ude00", "\u007f", "},{", "\\\"}, {\\\"", "[", "]", ":", ",", "", " ");
    private static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "42", "1000000", "123456789012",
            "9007199254740993", "-9007199254740993", "9223372036854775807", "-9223372036854775808",
            "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "1.5", "-0.0", "0.0",
            "1e3", "1E-7", "2.5e+10", "1.001", "0.1", "3.14159265358979323846", "1e400", "-1e400", "1e-400",
            "123.4567", "1.0005", "-2.5", "1e22", "1e23", "4.35", "9.2e18", "1000000.000001", "5e-324");

    private final SplittableRandom random;

    NastyEvents(long seed) {
        random = new SplittableRandom(seed);
    }

    /** A document of {@code n} events: an array, or an object with more members around traceEvents. */
    String document(int n) {
        StringBuilder b = new StringBuilder();
        boolean objectForm = random.nextBoolean();
        b.append(objectForm ? "{\"otherData\":{\"v\":1},\"traceEvents\":[" : "[");
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                b.append(',');
            }
            blank(b);
            event(b);
        }
        blank(b);
        b.append(objectForm ? "],\"displayTimeUnit\":\"ns\"}" : "]");
        return b.toString();
    }

    /** Events one per line, as JSONL. */
    String lines(int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            event(b);
            b.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return b.toString();
    }

    void event(StringBuilder b) {
        b.append('{');
        int members = random.nextInt(10);
        for (int k = 0; k < members; k++) {
            if (k > 0) {
                b.append(',');
                blank(b);
            }
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            b.append('"').append(field).append('"');
            blank(b);
            b.append(':');
            blank(b);
            if (field.equals("args")) {
                args(b);
            } else if (random.nextInt(3) > 0) {
                typical(b, field);
            } else {
                value(b, 0);
            }
            blank(b);
        }
        b.append('}');
    }

    private void typical(StringBuilder b, String field) {
        switch (field) {
            case "ts", "dur", "pid", "tid", "flow_in", "flow_out" -> {
                if (random.nextBoolean()) {
                    b.append(NUMBERS.get(random.nextInt(NUMBERS.size())));
                } else {
                    string(b);
                }
            }
            case "id2" -> {
                b.append("{\"").append(random.nextBoolean() ? "local" : "global").append("\":");
                value(b, 3);
                b.append('}');
            }
            default -> string(b);
        }
    }

    private void args(StringBuilder b) {
        int kind = random.nextInt(12);
        if (kind == 0) {
            b.append("null");
            return;
        }
        if (kind == 1) {
            value(b, 0);
            return;
        }
        b.append('{');
        int members = random.nextInt(6);
        for (int k = 0; k < members; k++) {
            if (k > 0) {
                b.append(',');
            }
            blank(b);
            b.append('"').append(random.nextInt(8) == 0 ? "k\\u00e9y" : "k" + random.nextInt(5)).append("\":");
            blank(b);
            if (random.nextInt(4) == 0) {
                b.append('[');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    blank(b);
                    value(b, 2);
                }
                b.append(']');
            } else {
                value(b, 1);
            }
        }
        blank(b);
        b.append('}');
    }

    private void value(StringBuilder b, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        switch (kind) {
            case 0, 1 -> string(b);
            case 2, 3 -> b.append(NUMBERS.get(random.nextInt(NUMBERS.size())));
            case 4 -> b.append(random.nextBoolean() ? "true" : "false");
            case 5 -> b.append("null");
            case 6 -> {
                b.append('{');
                int n = random.nextInt(3);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        b.append(',');
                    }
                    b.append("\"n").append(random.nextInt(3)).append(random.nextInt(6) == 0 ? "\\n\\ud83d\\ude00" : "").append("\":");
                    blank(b);
                    value(b, depth + 1);
                }
                b.append('}');
            }
            default -> {
                b.append('[');
                int n = random.nextInt(3);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        b.append(',');
                    }
                    blank(b);
                    value(b, depth + 1);
                }
                b.append(']');
            }
        }
    }

    private void string(StringBuilder b) {
        b.append('"');
        int length = random.nextInt(20) == 0 ? 250 + random.nextInt(10) : random.nextInt(4);
        for (int k = 0; k < length; k++) {
            b.append(length > 200 ? "x" : STRING_PIECES.get(random.nextInt(STRING_PIECES.size())));
        }
        b.append('"');
    }

    private void blank(StringBuilder b) {
        int kind = random.nextInt(16);
        switch (kind) {
            case 0 -> b.append(' ');
            case 1 -> b.append('\n');
            case 2 -> b.append("\r\n");
            case 3 -> b.append("\t \r");
            default -> {
                // most tokens are not separated
            }
        }
    }
}
