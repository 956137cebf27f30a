package dev.flarescope.format.metrics;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The first bytes of an input, read without consuming them, for readers that accept several layouts
 * of one format and pick the layout from how the content starts.
 */
public final class Head {
    /** Enough to see the first line of every layout the readers distinguish. */
    public static final int DEFAULT_SIZE = 1 << 16;

    private Head() {
    }

    /** Wraps {@code in} so that {@link #peek} can look ahead. */
    public static BufferedInputStream buffered(InputStream in) {
        return new BufferedInputStream(in, DEFAULT_SIZE);
    }

    /** Up to {@code max} bytes from the current position as text (BOM removed); the stream is rewound. */
    public static String peek(BufferedInputStream in, int max) throws IOException {
        in.mark(max);
        byte[] buf = in.readNBytes(max);
        in.reset();
        String s = new String(buf, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The first line of {@code head} that is not blank, trimmed, or "" when there is none. */
    public static String firstLine(String head) {
        for (String line : head.split("\n", -1)) {
            String t = line.trim();
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "";
    }
}
