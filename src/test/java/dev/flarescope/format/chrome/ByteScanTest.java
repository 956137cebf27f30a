package dev.flarescope.format.chrome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteScanTest {
    /** Line breaks one byte at a time: \n, \r, and \r\n as one. */
    private static long naive(byte[] b, int from, int to, boolean afterCr) {
        long n = 0;
        boolean prevCr = afterCr;
        for (int i = from; i < to; i++) {
            if (b[i] == '\r' || b[i] == '\n' && !prevCr) {
                n++;
            }
            prevCr = b[i] == '\r';
        }
        return n;
    }

    @Test
    void countsLineBreaksLikeAByteByByteCount() {
        SplittableRandom r = new SplittableRandom(17);
        for (int round = 0; round < 300; round++) {
            // long enough to cross several rounds of 255 words; dense or sparse breaks, with or without \r
            byte[] b = new byte[r.nextInt(round < 100 ? 64 : 20_000)];
            int density = 1 + r.nextInt(round % 3 == 0 ? 3 : 200);
            boolean withCr = round % 4 == 0;
            for (int i = 0; i < b.length; i++) {
                int x = r.nextInt(density * 2);
                b[i] = x == 0 ? (byte) '\n' : x == 1 && withCr ? (byte) '\r' : (byte) ('a' + r.nextInt(26));
            }
            int from = b.length == 0 ? 0 : r.nextInt(b.length);
            int to = from + (b.length == from ? 0 : r.nextInt(b.length - from + 1));
            boolean afterCr = r.nextBoolean();
            assertEquals(naive(b, from, to, afterCr), ByteScan.countLines(b, from, to, afterCr),
                    "round " + round + ", [" + from + ", " + to + ")");
        }
    }

    @Test
    void aRunOfOnlyLineFeedsFillsEveryByteColumn() {
        byte[] b = new byte[8 * 255 * 3 + 5];
        java.util.Arrays.fill(b, (byte) '\n');
        assertEquals(b.length, ByteScan.countLines(b, 0, b.length, false));
        assertEquals(b.length - 1, ByteScan.countLines(b, 0, b.length, true)); // the first \n ends the \r before
    }
}
