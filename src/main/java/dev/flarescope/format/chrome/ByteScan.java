package dev.flarescope.format.chrome;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte-level searches over an input that do not parse JSON: split points, resynchronisation, line counts. */
final class ByteScan {
    private static final int BUFFER = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;
    private static final long LF = 0x0A0A0A0A0A0A0A0AL;
    private static final long CR = 0x0D0D0D0D0D0D0D0DL;

    private ByteScan() {
    }

    /**
     * Offset of the opening brace in the first "closing brace, comma, opening brace, then a quote or a
     * closing brace" (blanks allowed between) at or after {@code from}, or -1. In a compact or
     * one-event-per-line events array this is where the next event starts. It can also match inside a
     * nested array of objects or, rarely, a string (a string cannot hold an unescaped quote, only an
     * empty object), which callers must verify.
     */
    static long nextEventStart(ByteInput input, long from) throws IOException {
        byte[] buf = new byte[BUFFER];
        int state = 0; // 0: looking for '}', 1: after '}', 2: after '}' ws* ',', 3: after '}' ws* ',' ws* '{'
        long candidate = -1;
        long pos = from;
        try (InputStream in = input.openAt(from)) {
            int n;
            while ((n = in.read(buf, 0, buf.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte c = buf[i];
                    if (state == 3 && (c == '"' || c == '}')) {
                        return candidate;
                    }
                    if (c == '}') {
                        state = 1;
                    } else if (state != 0 && !isBlank(c)) {
                        if (state == 1 && c == ',') {
                            state = 2;
                        } else if (state == 2 && c == '{') {
                            state = 3;
                            candidate = pos + i;
                        } else {
                            state = 0;
                        }
                    }
                }
                pos += n;
            }
        }
        return -1;
    }

    /** Offset just after the first {@code '\n'} at or after {@code from}, or -1 when there is none. */
    static long nextLineStart(ByteInput input, long from) throws IOException {
        byte[] buf = new byte[BUFFER];
        long pos = from;
        try (InputStream in = input.openAt(from)) {
            int n;
            while ((n = in.read(buf, 0, buf.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        return pos + i + 1;
                    }
                }
                pos += n;
            }
        }
        return -1;
    }

    /**
     * Line breaks in {@code [from, to)}, counted the way Jackson numbers lines: {@code \n}, {@code \r}
     * and {@code \r\n} each end one line. Word-at-a-time, since parallel readers count the whole prefix
     * of their chunk before parsing it.
     */
    static long countLines(ByteInput input, long from, long to) throws IOException {
        byte[] buf = new byte[BUFFER];
        long lines = 0;
        boolean lastWasCr = false;
        try (InputStream in = input.openAt(from, to)) {
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                lines += countLines(buf, 0, n, lastWasCr);
                lastWasCr = buf[n - 1] == '\r';
            }
        }
        return lines;
    }

    /** Line breaks in {@code buf[from, to)}; {@code afterCr} says the byte before {@code from} was {@code \r}. */
    static long countLines(byte[] buf, int from, int to, boolean afterCr) {
        // eight bytes at a time: each byte of acc counts the \n in its column, at most 255 words per
        // round, then the columns are added up; no per-word bit count (which C1 does not intrinsify)
        long lf = 0;
        long crSeen = 0;
        int i = from;
        while (i <= to - 8) {
            int last = Math.min(to - 8, i + 8 * 254);
            long acc = 0;
            for (; i <= last; i += 8) {
                long w = (long) LONGS.get(buf, i);
                acc += zeroBytes(w ^ LF) >>> 7;
                crSeen |= zeroBytes(w ^ CR);
            }
            long pairs = (acc & 0x00FF00FF00FF00FFL) + ((acc >>> 8) & 0x00FF00FF00FF00FFL);
            lf += (pairs * 0x0001000100010001L) >>> 48;
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                lf++;
            } else if (buf[i] == '\r') {
                crSeen = 1;
            }
        }
        if (crSeen == 0 && !afterCr) {
            return lf;
        }
        // a \r alone ends a line too, and \r\n is one break: count them one byte at a time
        long breaks = 0;
        boolean prevCr = afterCr;
        for (int k = from; k < to; k++) {
            byte c = buf[k];
            if (c == '\r' || c == '\n' && !prevCr) {
                breaks++;
            }
            prevCr = c == '\r';
        }
        return breaks;
    }

    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7) & HIGH;
    }

    static boolean isBlank(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
