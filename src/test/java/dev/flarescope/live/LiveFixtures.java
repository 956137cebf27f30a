package dev.flarescope.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Events with sequence numbers, and checks that a trace holds each of them exactly once. */
final class LiveFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private LiveFixtures() {
    }

    /** One complete event with {@code args.seq = seq}, on pid 7, 1 µs long, starting at {@code seq} µs. */
    static String event(long seq) {
        return "{\"ph\":\"X\",\"name\":\"step\",\"cat\":\"test\",\"pid\":7,\"tid\":1,\"ts\":" + seq * 10
                + ",\"dur\":1,\"args\":{\"seq\":" + seq + "}}";
    }

    /** Events {@code from..to} (inclusive), one per line, each line ending in a newline. */
    static String lines(long from, long to) {
        StringBuilder sb = new StringBuilder();
        for (long s = from; s <= to; s++) {
            sb.append(event(s)).append('\n');
        }
        return sb.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The seq of every span of the trace, read back from its args text with Jackson, sorted. */
    static List<Long> seqs(Trace trace) {
        List<Long> out = new ArrayList<>();
        for (ProcessTrack p : trace.processes()) {
            for (ThreadTrack t : p.threads()) {
                SpanTable s = t.spans();
                for (int i = 0; i < s.size(); i++) {
                    String args = trace.args().getString(s.args(i));
                    if (args == null) {
                        continue;
                    }
                    try {
                        JsonNode seq = JSON.readTree(args).get("seq");
                        if (seq != null) {
                            out.add(seq.asLong());
                        }
                    } catch (java.io.IOException e) {
                        throw new AssertionError("args are not JSON: " + args, e);
                    }
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    /** Asserts the trace holds seq 1..n, each once. */
    static void assertExactly(long n, Trace trace) {
        List<Long> seqs = seqs(trace);
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= n; s++) {
            expected.add(s);
        }
        if (!seqs.equals(expected)) {
            List<Long> missing = new ArrayList<>(expected);
            missing.removeAll(seqs);
            List<Long> extra = new ArrayList<>(seqs);
            for (Long e : expected) {
                extra.remove(e);
            }
            throw new AssertionError("expected seq 1.." + n + " once each; missing " + head(missing)
                    + ", extra or repeated " + head(extra));
        }
        assertEquals(n, seqs.size());
    }

    private static List<Long> head(List<Long> l) {
        return l.size() > 20 ? l.subList(0, 20) : l;
    }

    /** Polls {@code condition} every 20 ms for at most {@code timeoutMs}; fails with {@code what} if it stays false. */
    static void await(long timeoutMs, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean());
    }

    /** Flushes the store and returns the trace. */
    static Trace flush(LiveTrace store) throws Exception {
        return store.flush(10_000).trace();
    }
}
