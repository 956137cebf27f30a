package dev.flarescope.ui.viewmodel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.flarescope.model.ArgStore;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.StringPool;
import dev.flarescope.model.Trace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Finds the spans whose name or any argument value contains a query, ignoring case. Names are matched
 * once per distinct string (a span's name id is looked up in a precomputed set), so the cost per span is
 * a bit test; argument text is only read for spans whose name does not match, and only parsed when the
 * raw JSON text contains the query (so keys such as {@code request_id} never match by themselves).
 */
public final class SpanTextSearch {
    private static final JsonFactory JSON = new JsonFactory();

    private SpanTextSearch() {
    }

    /** The matches of {@code query} in {@code trace}, or null when {@code cancelled} became true. */
    public static SearchMatches find(Trace trace, String query, BooleanSupplier cancelled) {
        String q = query.strip();
        BitSet names = matchingNames(trace.strings(), q);
        List<ProcessTrack> procs = trace.processes();
        int[][][][] rowPositions = new int[procs.size()][][][];
        List<int[]> perThread = new ArrayList<>();
        List<int[]> threadKeys = new ArrayList<>();
        for (int p = 0; p < procs.size(); p++) {
            rowPositions[p] = new int[procs.get(p).threads().size()][][];
            for (int t = 0; t < rowPositions[p].length; t++) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                SpanTable spans = procs.get(p).threads().get(t).spans();
                int[][] rows = spans.rows();
                rowPositions[p][t] = new int[rows.length][];
                BitSet hit = new BitSet(spans.size());
                for (int d = 0; d < rows.length; d++) {
                    rowPositions[p][t][d] = matchesInRow(trace, spans, rows[d], names, q, hit);
                }
                if (!hit.isEmpty()) {
                    perThread.add(hit.stream().toArray());
                    threadKeys.add(new int[] {p, t});
                }
            }
        }
        return merged(trace, q, rowPositions, perThread, threadKeys);
    }

    private static int[] matchesInRow(Trace trace, SpanTable spans, int[] row, BitSet names, String q, BitSet hit) {
        int[] pos = new int[16];
        int n = 0;
        for (int k = 0; k < row.length; k++) {
            int i = row[k];
            if (names.get(spans.name(i)) || argsContain(trace.args(), spans.args(i), q)) {
                if (n == pos.length) {
                    pos = Arrays.copyOf(pos, n * 2);
                }
                pos[n++] = k;
                hit.set(i);
            }
        }
        return Arrays.copyOf(pos, n);
    }

    /** Ids of every pooled string containing {@code q}, ignoring case. */
    static BitSet matchingNames(StringPool pool, String q) {
        BitSet ids = new BitSet(pool.size());
        for (int id = 0; id < pool.size(); id++) {
            String s = pool.get(id);
            if (s != null && containsIgnoreCase(s, q)) {
                ids.set(id);
            }
        }
        return ids;
    }

    /** Whether any scalar value in the args JSON contains {@code q}. */
    static boolean argsContain(ArgStore args, int ref, String q) {
        if (ref == ArgStore.NONE) {
            return false;
        }
        String json = args.getString(ref);
        // a query with characters JSON may escape cannot be pre-checked against the raw text
        boolean mayBeEscaped = q.indexOf('"') >= 0 || q.indexOf('\\') >= 0 || q.indexOf('/') >= 0;
        if (json == null || (!mayBeEscaped && !containsIgnoreCase(json, q))) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken tok = parser.nextToken(); tok != null; tok = parser.nextToken()) {
                if (tok.isScalarValue() && containsIgnoreCase(parser.getText(), q)) {
                    return true;
                }
            }
        } catch (IOException malformed) {
            return containsIgnoreCase(json, q);
        }
        return false;
    }

    static boolean containsIgnoreCase(String haystack, String needle) {
        int n = needle.length();
        for (int i = 0, last = haystack.length() - n; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** Merges the per-thread lists (each in start order) into one list in start order. */
    private static SearchMatches merged(Trace trace, String q, int[][][][] rowPositions, List<int[]> perThread,
                                        List<int[]> threadKeys) {
        int total = 0;
        for (int[] a : perThread) {
            total += a.length;
        }
        int[] proc = new int[total];
        int[] thr = new int[total];
        int[] span = new int[total];
        long[] start = new long[total];
        SpanTable[] tables = new SpanTable[perThread.size()];
        for (int k = 0; k < tables.length; k++) {
            int[] key = threadKeys.get(k);
            tables[k] = trace.processes().get(key[0]).threads().get(key[1]).spans();
        }
        int[] cursor = new int[perThread.size()];
        PriorityQueue<Integer> heads = new PriorityQueue<>((a, b) -> {
            int c = Long.compare(tables[a].start(perThread.get(a)[cursor[a]]),
                    tables[b].start(perThread.get(b)[cursor[b]]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = 0; k < tables.length; k++) {
            heads.add(k);
        }
        for (int n = 0; n < total; n++) {
            int k = heads.poll();
            int i = perThread.get(k)[cursor[k]];
            proc[n] = threadKeys.get(k)[0];
            thr[n] = threadKeys.get(k)[1];
            span[n] = i;
            start[n] = tables[k].start(i);
            if (++cursor[k] < perThread.get(k).length) {
                heads.add(k);
            }
        }
        return new SearchMatches(q, rowPositions, proc, thr, span, start);
    }
}
