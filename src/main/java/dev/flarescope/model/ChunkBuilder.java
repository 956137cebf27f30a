package dev.flarescope.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a reader decodes from one chunk of one input, in file order, into growable columns.
 * It applies only per-event semantics (which table an event belongs to); everything that needs the
 * whole thread (sorting, B/E matching, nesting) happens in {@link TraceAssembler}, so chunks read in
 * parallel and fragments of one process from several files end up exactly as if read in one pass.
 */
public final class ChunkBuilder implements TraceSink {
    static final int MAX_PROBLEMS_KEPT = 200;
    /** Bound on the distance of event times from 0, see {@link #outOfRange}. */
    static final long MAX_ABS_TIME = 1L << 62;

    final StringPool strings = new StringPool();
    private boolean keepSpanOrder;
    final ArgStore args = new ArgStore();
    final Map<Object, PartProcess> processes = new LinkedHashMap<>();
    final PartInstants globalInstants = new PartInstants();
    final List<FlowPoint> flows = new ArrayList<>();
    final long[] byPhase = new long[128];
    long events;
    final Map<String, String> metadata = new LinkedHashMap<>();
    final List<String[]> stackFrames = new ArrayList<>();
    final List<RequestRecord> requests = new ArrayList<>();
    final List<BenchResult> bench = new ArrayList<>();
    long malformed;
    final List<InputSummary.Problem> problems = new ArrayList<>();
    String truncation;
    long truncatedAt = -1;
    final List<String> notes = new ArrayList<>();

    private Object lastPidKey;
    private PartProcess lastProcess;
    private final int kName;
    private final int kLabels;
    private final int kSortIndex;
    private final int kWeight;

    public ChunkBuilder() {
        kName = strings.intern("name");
        kLabels = strings.intern("labels");
        kSortIndex = strings.intern("sort_index");
        kWeight = strings.intern("weight");
    }

    /**
     * Marks a chunk that is assembled again and again (a live store's): the assembler then keeps
     * each thread's span order with it, 4 bytes per X span, instead of sorting it every time. A chunk
     * assembled once is better off without the extra memory.
     */
    public void keepSpanOrder() {
        keepSpanOrder = true;
    }

    boolean keepsSpanOrder() {
        return keepSpanOrder;
    }

    @Override
    public StringPool strings() {
        return strings;
    }

    @Override
    public ArgStore args() {
        return args;
    }

    @Override
    public void event(RawEvent e) {
        events++;
        char ph = e.ph;
        byPhase[ph < 128 ? ph : '?']++;
        if (ph == 0) {
            problem(e.line, e.offset, "event has no \"ph\" (phase); kept only in the counts");
            return;
        }
        if (ph == 'M') {
            process(e).events++;
            metadataEvent(e);
            return;
        }
        if (e.ts == RawEvent.NO_TIME) {
            problem(e.line, e.offset, "'" + ph + "' event has no \"ts\"; kept only in the counts");
            return;
        }
        if (outOfRange(e)) {
            problem(e.line, e.offset, "'" + ph + "' event at ts " + e.ts + " ns" + (e.dur == RawEvent.NO_TIME ? ""
                    : " with dur " + e.dur + " ns") + " lies more than 146 years (2^62 ns) from time 0; "
                    + "kept only in the counts");
            return;
        }
        switch (ph) {
            case 'X' -> thread(e).complete(e);
            case 'B', 'E' -> thread(e).beginEnd(e, ph == 'B');
            case 'i', 'I', 'R' -> instant(e);
            case 'C' -> counter(e);
            case 'b', 'e', 'n', 'S', 'T', 'p', 'F' -> process(e).async.add(e, ph);
            case 's', 't', 'f' -> flows.add(new FlowPoint(e, ph, pidKey(e), tidKey(e)));
            case 'P' -> sample(e);
            case 'O', 'N', 'D' -> process(e).instants.add(e.ts, e.name, e.cat, e.args, ph);
            default -> {
                // counted under its letter above; no table holds other phases
            }
        }
        if (e.hasPid) {
            process(e).events++;
        }
        if (e.bindId != null && (ph == 'X' || ph == 'B')) {
            if (e.flowOut) {
                flows.add(new FlowPoint(e, 'o', pidKey(e), tidKey(e)));
            }
            if (e.flowIn) {
                flows.add(new FlowPoint(e, 'i', pidKey(e), tidKey(e)));
            }
        }
    }

    private void metadataEvent(RawEvent e) {
        String what = strings.get(e.name);
        if (what == null) {
            return;
        }
        switch (what) {
            case "process_name" -> process(e).name = scalarString(e, kName);
            case "process_labels" -> {
                String labels = scalarString(e, kLabels);
                if (labels != null) {
                    process(e).labels = labels;
                }
            }
            case "process_sort_index" -> process(e).sortIndex = scalarInt(e, kSortIndex, process(e).sortIndex);
            case "thread_name" -> thread(e).name = scalarString(e, kName);
            case "thread_sort_index" -> thread(e).sortIndex = scalarInt(e, kSortIndex, thread(e).sortIndex);
            default -> {
                return; // other metadata keeps its args for the details pane
            }
        }
        args.removeLast(e.args);
    }

    private void instant(RawEvent e) {
        switch (e.instantScope) {
            case 'g' -> globalInstants.add(e.ts, e.name, e.cat, e.args, e.ph);
            case 'p' -> process(e).instants.add(e.ts, e.name, e.cat, e.args, e.ph);
            default -> thread(e).instants.add(e.ts, e.name, e.cat, e.args, e.ph);
        }
    }

    private void counter(RawEvent e) {
        PartProcess p = process(e);
        String base = strings.get(e.name);
        if (base == null) {
            base = "";
        }
        if (e.id != null) {
            base = base + "[" + e.id + "]";
        }
        RawEvent.ArgScalars sc = e.scalars;
        int kept = 0;
        for (int i = 0; i < sc.size; i++) {
            double v = sc.numbers[i];
            if (Double.isNaN(v) && sc.strings[i] >= 0) {
                v = parseNumber(strings.get(sc.strings[i]));
            }
            if (Double.isNaN(v)) {
                continue;
            }
            PartCounter c = e.id == null ? p.recentCounter(e.name, sc.keys[i]) : null;
            if (c == null) {
                String key = strings.get(sc.keys[i]);
                String series = "value".equals(key) ? base : base + "." + key;
                c = p.counters.computeIfAbsent(series, k -> new PartCounter());
                if (e.id == null) {
                    p.rememberCounter(e.name, sc.keys[i], c);
                }
            }
            c.add(e.ts, v);
            kept++;
        }
        if (kept == 0) {
            problem(e.line, e.offset, "counter \"" + base + "\" has no numeric args; nothing to plot");
        }
        args.removeLast(e.args);
    }

    private void sample(RawEvent e) {
        int i = e.scalars.indexOf(kWeight);
        double w = i >= 0 && !Double.isNaN(e.scalars.numbers[i]) ? e.scalars.numbers[i] : 1.0;
        thread(e).samples.add(e.ts, e.sf, w);
    }

    private static double parseNumber(String s) {
        if (s == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    private String scalarString(RawEvent e, int key) {
        int i = e.scalars.indexOf(key);
        if (i < 0) {
            return null;
        }
        int sid = e.scalars.strings[i];
        if (sid >= 0) {
            return strings.get(sid);
        }
        double n = e.scalars.numbers[i];
        return n == Math.rint(n) ? Long.toString((long) n) : Double.toString(n);
    }

    private int scalarInt(RawEvent e, int key, int fallback) {
        int i = e.scalars.indexOf(key);
        if (i < 0) {
            return fallback;
        }
        double n = e.scalars.numbers[i];
        if (Double.isNaN(n)) {
            n = parseNumber(strings.get(e.scalars.strings[i]));
        }
        return Double.isNaN(n) ? fallback : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    static Object pidKey(RawEvent e) {
        if (!e.hasPid) {
            return 0L;
        }
        return e.pidStr != null ? e.pidStr : (Object) e.pid;
    }

    static Object tidKey(RawEvent e) {
        if (!e.hasTid) {
            return e.hasPid && e.pidStr == null ? (Object) e.pid : 0L;
        }
        return e.tidStr != null ? e.tidStr : (Object) e.tid;
    }

    PartProcess process(RawEvent e) {
        boolean numeric = !e.hasPid || e.pidStr == null;
        if (lastProcess != null) {
            if (numeric ? lastPidKey instanceof Long l && l == (e.hasPid ? e.pid : 0L)
                    : e.pidStr.equals(lastPidKey)) {
                return lastProcess;
            }
        }
        Object key = pidKey(e);
        PartProcess p = processes.computeIfAbsent(key, PartProcess::new);
        lastPidKey = key;
        lastProcess = p;
        return p;
    }

    PartThread thread(RawEvent e) {
        PartProcess p = process(e);
        if (p.lastThread != null) {
            boolean numeric = !e.hasTid || e.tidStr == null;
            long tnum = e.hasTid ? e.tid : (e.hasPid && e.pidStr == null ? e.pid : 0L);
            if (numeric ? p.lastTidKey instanceof Long l && l == tnum : e.tidStr.equals(p.lastTidKey)) {
                return p.lastThread;
            }
        }
        Object key = tidKey(e);
        PartThread t = p.threads.computeIfAbsent(key, PartThread::new);
        p.lastTidKey = key;
        p.lastThread = t;
        return t;
    }

    /**
     * Times are kept within 2^62 ns (146 years) of 0, start and end, so that the difference of any two
     * fits in a long: a trace spanning 300 years would otherwise overflow every extent and duration.
     */
    private static boolean outOfRange(RawEvent e) {
        if (Math.abs(e.ts) >= MAX_ABS_TIME) {
            return true;
        }
        return e.dur != RawEvent.NO_TIME && (Math.abs(e.dur) >= MAX_ABS_TIME || Math.abs(e.ts + e.dur) >= MAX_ABS_TIME);
    }

    private void problem(long line, long offset, String message) {
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(new InputSummary.Problem(line, offset, message));
        }
    }

    @Override
    public void request(RequestRecord r) {
        requests.add(r);
    }

    @Override
    public void bench(BenchResult b) {
        bench.add(b);
    }

    @Override
    public void traceMetadata(String key, String json) {
        metadata.put(key, json);
    }

    @Override
    public void stackFrame(String id, String name, String parent, String category) {
        stackFrames.add(new String[] {id, name, parent, category});
    }

    @Override
    public void malformed(long line, long offset, String message) {
        malformed++;
        problem(line, offset, message);
    }

    @Override
    public void truncated(long offset, String message) {
        truncatedAt = offset;
        truncation = message;
    }

    @Override
    public void note(String message) {
        notes.add(message);
    }

    @Override
    public void shiftLines(long lines) {
        if (lines == 0) {
            return;
        }
        problems.replaceAll(p -> p.line() > 0 ? new InputSummary.Problem(p.line() + lines, p.offset(), p.message()) : p);
        for (PartProcess p : processes.values()) {
            for (PartThread t : p.threads.values()) {
                for (int i = 0; i < t.beKindLine.size(); i++) {
                    long v = t.beKindLine.get(i);
                    if (v >>> 1 > 0) {
                        t.beKindLine.set(i, v + (lines << 1));
                    }
                }
            }
            LongList asyncLines = p.async.line;
            for (int i = 0; i < asyncLines.size(); i++) {
                if (asyncLines.get(i) > 0) {
                    asyncLines.set(i, asyncLines.get(i) + lines);
                }
            }
        }
    }

    // ---- parts: growable columns, one set per process and thread ----

    /** How many counter series a process part remembers for {@link PartProcess#recentCounter}. */
    private static final int RECENT_COUNTERS = 8;

    static final class PartProcess {
        final Object key;
        String name;
        String labels;
        int sortIndex = Integer.MIN_VALUE;
        long events;
        final Map<Object, PartThread> threads = new LinkedHashMap<>();
        final Map<String, PartCounter> counters = new LinkedHashMap<>();
        final PartAsync async = new PartAsync();
        final PartInstants instants = new PartInstants();
        Object lastTidKey;
        PartThread lastThread;
        /**
         * The series of the counters seen last, by counter name id and arg key id (counters without an
         * id only): a counter event then finds its series without building the series name.
         */
        private final long[] recentKeys = new long[RECENT_COUNTERS];
        private final PartCounter[] recentSeries = new PartCounter[RECENT_COUNTERS];
        private int recentNext;

        PartProcess(Object key) {
            this.key = key;
        }

        PartCounter recentCounter(int name, int argKey) {
            long k = (long) name << 32 | (argKey & 0xFFFFFFFFL);
            for (int i = 0; i < RECENT_COUNTERS; i++) {
                if (recentKeys[i] == k && recentSeries[i] != null) {
                    return recentSeries[i];
                }
            }
            return null;
        }

        void rememberCounter(int name, int argKey, PartCounter series) {
            recentKeys[recentNext] = (long) name << 32 | (argKey & 0xFFFFFFFFL);
            recentSeries[recentNext] = series;
            recentNext = (recentNext + 1) % RECENT_COUNTERS;
        }
    }

    static final class PartThread {
        final Object key;
        String name;
        int sortIndex = Integer.MIN_VALUE;
        // complete (X) spans
        final LongList xStart = new LongList();
        final LongList xDur = new LongList();
        final IntList xName = new IntList();
        final IntList xCat = new IntList();
        final IntList xArgs = new IntList();
        final IntList xCname = new IntList();
        // B and E events, in file order
        final LongList beTs = new LongList();
        final IntList beName = new IntList();
        final IntList beCat = new IntList();
        final IntList beArgs = new IntList();
        final IntList beCname = new IntList();
        /** 1 for B, 0 for E; E keeps its line for diagnostics in the high bits. */
        final LongList beKindLine = new LongList();
        final PartInstants instants = new PartInstants();
        final PartSamples samples = new PartSamples();

        /** Span order of the X spans, as {@link #xOrder} last computed it; parts only grow, so a size tells it apart. */
        private volatile int[] xOrder;

        PartThread(Object key) {
            this.key = key;
        }

        /**
         * {@link Sorting#spanOrder} of this part's X spans, given as the rows from {@code from} of
         * {@code start} and {@code dur} (times shifted by the input's offset, negative durations made
         * zero: neither changes the order). With {@code keep} (a chunk assembled again and again, see
         * {@link ChunkBuilder#keepSpanOrder}) it is kept while the part does not grow, so a live store's
         * sealed chunks are sorted once, not on every snapshot.
         */
        int[] xOrder(long[] start, long[] dur, int from, boolean keep) {
            int n = xStart.size();
            int[] o = xOrder;
            if (o == null || o.length != n) {
                o = Sorting.spanOrder(start, dur, from, n);
                if (keep) {
                    xOrder = o;
                }
            }
            return o;
        }

        void complete(RawEvent e) {
            xStart.add(e.ts);
            xDur.add(e.dur == RawEvent.NO_TIME ? 0 : e.dur);
            xName.add(e.name);
            xCat.add(e.cat);
            xArgs.add(e.args);
            xCname.add(e.cname);
        }

        void beginEnd(RawEvent e, boolean begin) {
            beTs.add(e.ts);
            beName.add(e.name);
            beCat.add(e.cat);
            beArgs.add(e.args);
            beCname.add(e.cname);
            beKindLine.add((e.line << 1) | (begin ? 1 : 0));
        }
    }

    static final class PartCounter {
        final LongList ts = new LongList();
        final DoubleList values = new DoubleList();

        void add(long t, double v) {
            ts.add(t);
            values.add(v);
        }
    }

    static final class PartInstants {
        final LongList ts = new LongList(4);
        final IntList name = new IntList(4);
        final IntList cat = new IntList(4);
        final IntList args = new IntList(4);
        final IntList phase = new IntList(4);

        void add(long t, int n, int c, int a, char ph) {
            ts.add(t);
            name.add(n);
            cat.add(c);
            args.add(a);
            phase.add(ph);
        }
    }

    static final class PartSamples {
        final LongList ts = new LongList(4);
        final List<String> sf = new ArrayList<>();
        final DoubleList weight = new DoubleList(4);

        void add(long t, String frame, double w) {
            ts.add(t);
            sf.add(frame);
            weight.add(w);
        }
    }

    static final class PartAsync {
        final LongList ts = new LongList(4);
        final IntList phase = new IntList(4);
        final IntList name = new IntList(4);
        final IntList cat = new IntList(4);
        final IntList scope = new IntList(4);
        final IntList args = new IntList(4);
        final List<String> id = new ArrayList<>();
        final LongList line = new LongList(4);

        void add(RawEvent e, char ph) {
            ts.add(e.ts);
            phase.add(ph);
            name.add(e.name);
            cat.add(e.cat);
            scope.add(e.scope);
            args.add(e.args);
            id.add(e.id);
            line.add(e.line);
        }
    }

    /**
     * One end of a flow: a {@code s}/{@code t}/{@code f} event, or a slice with {@code bind_id}
     * ({@code 'o'} for flow_out, {@code 'i'} for flow_in).
     */
    static final class FlowPoint {
        final char phase;
        final String id;
        final int name;
        final int cat;
        final int scope;
        final long ts;
        final boolean enclosing;
        final Object pidKey;
        final Object tidKey;

        FlowPoint(RawEvent e, char phase, Object pidKey, Object tidKey) {
            this.phase = phase;
            this.id = phase == 'o' || phase == 'i' ? e.bindId : e.id;
            this.name = e.name;
            this.cat = e.cat;
            this.scope = e.scope;
            this.ts = e.ts;
            this.enclosing = e.bindPoint == 'e' || phase == 's' || phase == 't';
            this.pidKey = pidKey;
            this.tidKey = tidKey;
        }
    }

    /** Used by the assembler: a long key as text, string keys as they are. */
    static String keyText(Object key) {
        return key instanceof Long l ? Long.toString(l) : (String) key;
    }
}
