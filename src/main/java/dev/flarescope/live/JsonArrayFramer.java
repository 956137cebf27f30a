package dev.flarescope.live;

/**
 * Finds the complete elements of a JSON array that is still being written, as Chromium and many
 * tracing libraries write their traces: {@code [} first, then each event followed by a comma, and the
 * closing {@code ]} only when (and if) the writer ends cleanly.
 *
 * <p>The scan knows only what it needs to cut between elements: strings (with their escapes) and the
 * nesting of brackets. It does not check the elements themselves; the reader that decodes them reports
 * a malformed one and goes on. Because a scan starts where the previous one stopped, just after a
 * complete element, no state is carried between scans but whether the opening bracket was read.
 */
final class JsonArrayFramer {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * What one scan found.
     *
     * @param first    index of the first complete element, or -1 when there is none
     * @param end      index just past the last complete element
     * @param consumed how many bytes are done with: the next scan starts there
     * @param opened   the array's opening bracket has been read (in this scan or before)
     * @param closed   the array's closing bracket was read; nothing after it belongs to the array
     * @param elements how many complete elements lie between {@code first} and {@code end}
     */
    record Frame(int first, int end, int consumed, boolean opened, boolean closed, int elements) {
    }

    private JsonArrayFramer() {
    }

    /**
     * Whether a file that starts with {@code head} is a growing array rather than lines: TRUE when its
     * first content is {@code [} and the array is still open at the first line break, or when there is
     * no line break yet and the array is open with a comma after a complete element (a one-line array
     * being written); FALSE when the content starts otherwise or the array closes on its first line (an
     * array per line); null when it cannot tell yet.
     */
    static Boolean isGrowingArray(byte[] head) {
        int i = skipSpace(head, startsWithBom(head) ? BOM.length : 0);
        if (i >= head.length) {
            return null;
        }
        if (head[i] != '[') {
            return Boolean.FALSE;
        }
        Frame f = scan(head, false);
        int newline = indexOf(head, (byte) '\n', i);
        if (f.closed()) {
            return newline >= 0 && newline < f.consumed() ? Boolean.TRUE : Boolean.FALSE;
        }
        if (newline >= 0) {
            return Boolean.TRUE;
        }
        return f.elements() > 0 && nextNonSpace(head, f.end()) == ',' ? Boolean.TRUE : null;
    }

    /** Scans {@code b} from its start; {@code opened} tells whether the opening bracket was read before. */
    static Frame scan(byte[] b, boolean opened) {
        int i = 0;
        int consumed = 0;
        if (!opened) {
            i = skipSpace(b, startsWithBom(b) ? BOM.length : 0);
            if (i >= b.length || b[i] != '[') {
                return new Frame(-1, -1, 0, false, false, 0);
            }
            consumed = ++i;
        }
        int first = -1;
        int end = -1;
        int elements = 0;
        while (true) {
            while (i < b.length && (isSpace(b[i]) || b[i] == ',')) {
                i++;
            }
            if (i >= b.length) {
                return new Frame(first, end, consumed, true, false, elements);
            }
            if (b[i] == ']') {
                return new Frame(first, end, i + 1, true, true, elements);
            }
            int stop = valueEnd(b, i);
            if (stop < 0) {
                return new Frame(first, end, consumed, true, false, elements);
            }
            if (first < 0) {
                first = i;
            }
            end = stop;
            consumed = stop;
            elements++;
            i = stop;
        }
    }

    /** Index just past the value starting at {@code i}, or -1 when it is not complete yet. */
    private static int valueEnd(byte[] b, int i) {
        byte c = b[i];
        if (c == '"') {
            return stringEnd(b, i);
        }
        if (c != '{' && c != '[') {
            // a number or literal: complete once something that cannot continue it follows
            for (int j = i; j < b.length; j++) {
                byte x = b[j];
                if (x == ',' || x == ']' || x == '}' || isSpace(x)) {
                    return j;
                }
            }
            return -1;
        }
        int depth = 0;
        for (int j = i; j < b.length; j++) {
            byte x = b[j];
            if (x == '"') {
                j = stringEnd(b, j) - 1;
                if (j < 0) {
                    return -1;
                }
            } else if (x == '{' || x == '[') {
                depth++;
            } else if ((x == '}' || x == ']') && --depth == 0) {
                return j + 1;
            }
        }
        return -1;
    }

    /** Index just past the string starting at {@code i}, or -1 when it is not closed yet. */
    private static int stringEnd(byte[] b, int i) {
        for (int j = i + 1; j < b.length; j++) {
            if (b[j] == '\\') {
                j++;
            } else if (b[j] == '"') {
                return j + 1;
            }
        }
        return -1;
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2];
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && isSpace(b[i])) {
            i++;
        }
        return i;
    }

    private static byte nextNonSpace(byte[] b, int i) {
        int j = skipSpace(b, i);
        return j < b.length ? b[j] : 0;
    }

    private static boolean isSpace(byte x) {
        return x == ' ' || x == '\n' || x == '\r' || x == '\t';
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
