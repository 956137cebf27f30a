package dev.flarescope.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.model.ChunkBuilder.FlowPoint;
import dev.flarescope.model.ChunkBuilder.PartAsync;
import dev.flarescope.model.ChunkBuilder.PartCounter;
import dev.flarescope.model.ChunkBuilder.PartInstants;
import dev.flarescope.model.ChunkBuilder.PartProcess;
import dev.flarescope.model.ChunkBuilder.PartThread;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.BooleanSupplier;

/**
 * Turns the chunks of every input into one {@link Trace}: strings and args of all chunks are folded
 * into one pool and arena, processes are merged by (host, pid), and per thread the X spans and B/E
 * pairs of every fragment are sorted, matched and nested. Processes are assembled in parallel.
 *
 * <p>Rules, in the order a reader of the trace would ask about them:
 * <ul>
 *   <li>B/E are matched per thread after a stable sort by time, so a pair split across chunks or
 *       rotated fragments still meets. An E with nothing open is kept as an instant marker and
 *       noted; a B never closed becomes a span to the thread's last timestamp, flagged unfinished.</li>
 *   <li>Spans that overlap a sibling without nesting are put on extra lanes below the nested ones
 *       and noted ({@code overlapping-spans}); their logical parent is the innermost span that
 *       contains them.</li>
 *   <li>Each input's clock offset is added to every time it holds.</li>
 *   <li>The host of a process is its {@code host=} label, else its input's {@code host_name} /
 *       {@code hostname} (top level or in {@code otherData}), else "" (shared).</li>
 * </ul>
 */
public final class TraceAssembler {

    /** One input as read: its chunks in file order and its clock offset. */
    public record Input(String name, String format, long bytes, long offsetNs, List<ChunkBuilder> chunks) {
    }

    /** A chunk with the maps that translate its local ids into the trace's. */
    private static final class ChunkRef {
        final ChunkBuilder chunk;
        final int input;
        final int[] strMap;
        final int pageBase;
        final long offset;
        final String host;

        ChunkRef(ChunkBuilder chunk, int input, int[] strMap, int pageBase, long offset, String host) {
            this.chunk = chunk;
            this.input = input;
            this.strMap = strMap;
            this.pageBase = pageBase;
            this.offset = offset;
            this.host = host;
        }

        int s(int id) {
            return id < 0 ? -1 : strMap[id];
        }

        int a(int ref) {
            return ArgStore.rebase(ref, pageBase);
        }

        long t(long ts) {
            return ts + offset;
        }
    }

    private record ProcPart(ChunkRef ref, PartProcess part) {
    }

    private record ThreadPart(ChunkRef ref, PartThread part) {
    }

    private static final class Merged {
        final String host;
        final String pid;
        final List<ProcPart> parts = new ArrayList<>();
        String name;
        String labels;
        int sortIndex = Integer.MIN_VALUE;

        Merged(String host, String pid) {
            this.host = host;
            this.pid = pid;
        }
    }

    private final List<Input> inputs;
    private final BooleanSupplier cancelled;
    /** Set when the assembly failed, so that work still running on the common pool stops soon. */
    private volatile boolean abandoned;
    private final StringPool pool = new StringPool();
    private final ArgStore argStore = new ArgStore();
    private final List<Map<String, Integer>> frameMaps = new ArrayList<>();
    private final IntList frameName = new IntList();
    private final IntList frameParent = new IntList();
    private final IntList frameCat = new IntList();

    private TraceAssembler(List<Input> inputs, BooleanSupplier cancelled) {
        this.inputs = inputs;
        this.cancelled = cancelled;
    }

    public static Trace assemble(List<Input> inputs) {
        return assemble(inputs, () -> false);
    }

    /** Assembles; throws {@link CancellationException} when {@code cancelled} turns true. */
    public static Trace assemble(List<Input> inputs, BooleanSupplier cancelled) {
        return new TraceAssembler(inputs, cancelled).build();
    }

    private void checkCancelled() {
        if (abandoned || cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled");
        }
    }

    private Trace build() {
        List<List<ChunkRef>> refsByInput = new ArrayList<>();
        List<InputSummary> summaries = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        long[] byPhase = new long[128];
        long events = 0;
        List<RequestRecord> requests = new ArrayList<>();
        List<BenchResult> bench = new ArrayList<>();

        for (int in = 0; in < inputs.size(); in++) {
            Input input = inputs.get(in);
            Map<String, String> md = new LinkedHashMap<>();
            input.chunks().forEach(c -> md.putAll(c.metadata));
            String host = hostOf(md);
            metadata.putAll(md);
            List<ChunkRef> refs = new ArrayList<>();
            for (ChunkBuilder c : input.chunks()) {
                int[] map = pool.remapInto(c.strings);
                int base = argStore.appendPages(c.args);
                refs.add(new ChunkRef(c, in, map, base, input.offsetNs(), host));
            }
            refsByInput.add(refs);
            addStackFrames(input.chunks());
            summaries.add(summarize(input, host, diagnostics));
            for (ChunkBuilder c : input.chunks()) {
                for (int k = 0; k < 128; k++) {
                    byPhase[k] += c.byPhase[k];
                }
                events += c.events;
                for (RequestRecord r : c.requests) {
                    shift(r, input.offsetNs());
                    if (r.source == null) {
                        r.source = input.name();
                    }
                    requests.add(r);
                }
                for (BenchResult b : c.bench) {
                    if (b.source == null) {
                        b.source = input.name();
                    }
                    bench.add(b);
                }
            }
        }
        checkCancelled();

        // merge processes by (host, pid)
        Map<String, Merged> merged = new LinkedHashMap<>();
        for (List<ChunkRef> refs : refsByInput) {
            for (ChunkRef ref : refs) {
                for (PartProcess p : ref.chunk.processes.values()) {
                    String host = labelHost(p.labels, ref.host);
                    String pid = pidWithoutHost(ChunkBuilder.keyText(p.key), host);
                    Merged m = merged.computeIfAbsent(host + '\u0000' + pid, k -> new Merged(host, pid));
                    m.parts.add(new ProcPart(ref, p));
                    if (p.name != null) {
                        m.name = p.name;
                    }
                    if (p.labels != null) {
                        m.labels = p.labels;
                    }
                    if (p.sortIndex != Integer.MIN_VALUE) {
                        m.sortIndex = p.sortIndex;
                    }
                }
            }
        }
        List<Merged> ordered = new ArrayList<>(merged.values());
        ordered.sort(Comparator.<Merged>comparingInt(m -> m.sortIndex == Integer.MIN_VALUE ? Integer.MAX_VALUE : m.sortIndex)
                .thenComparing(m -> m.name == null ? "\uffff" : m.name)
                .thenComparing(m -> m.host)
                .thenComparing(TraceAssembler::pidOrder)
                .thenComparing(m -> m.pid));
        Map<String, Integer> processIndex = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            processIndex.put(ordered.get(i).host + '\u0000' + ordered.get(i).pid, i);
        }

        // threads are the unit of work: a serving trace has few processes but many threads of uneven size
        List<ThreadTask> tasks = threadTasks(ordered);
        List<Built> builtThreads = tasks.parallelStream().map(this::buildThread).toList();
        List<List<Built>> byProcess = new ArrayList<>();
        ordered.forEach(m -> byProcess.add(new ArrayList<>()));
        for (int i = 0; i < tasks.size(); i++) {
            byProcess.get(tasks.get(i).process).add(builtThreads.get(i));
        }
        byProcess.forEach(TraceAssembler::sortThreads);

        // flows need only the threads' tables: they are bound while the process tables build
        List<ChunkRef> all = new ArrayList<>();
        refsByInput.forEach(all::addAll);
        ForkJoinTask<FlowTable> flowTask = ForkJoinPool.commonPool().submit(() -> buildFlows(all, processIndex, byProcess));
        List<ProcessResult> results;
        try {
            results = java.util.stream.IntStream.range(0, ordered.size()).parallel()
                    .mapToObj(i -> buildProcess(ordered.get(i), i, byProcess.get(i)))
                    .toList();
        } catch (RuntimeException | Error e) {
            abandoned = true; // cancelled or out of memory: the flows stop at their next check
            flowTask.cancel(false);
            throw e;
        }
        FlowTable flows = flowTask.join();
        checkCancelled();
        List<ProcessTrack> processes = new ArrayList<>();
        for (ProcessResult r : results) {
            processes.add(r.track);
            diagnostics.addAll(r.diagnostics);
        }

        List<InstantTable> globalParts = new ArrayList<>();
        for (ChunkRef ref : all) {
            globalParts.add(instants(List.of(ref), List.of(ref.chunk.globalInstants)));
        }
        InstantTable global = concatInstants(globalParts);

        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (ProcessResult r : results) {
            min = Math.min(min, r.minTs);
            max = Math.max(max, r.maxTs);
        }
        if (global.size() > 0) {
            min = Math.min(min, global.ts(0));
            max = Math.max(max, global.ts(global.size() - 1));
        }
        if (min > max) {
            min = 0;
            max = 0;
        }
        Map<Character, Long> phases = new TreeMap<>();
        for (int k = 0; k < 128; k++) {
            if (byPhase[k] > 0) {
                phases.put((char) k, byPhase[k]);
            }
        }
        StackFrameTable frames = new StackFrameTable(frameName.size(), frameName.toArray(), frameParent.toArray(),
                frameCat.toArray());
        return new Trace(pool, argStore, processes, global, flows, frames, requests, bench, summaries,
                diagnostics, metadata, phases, events, min, max);
    }

    private static long pidOrder(Merged m) {
        try {
            return Long.parseLong(m.pid);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    // ---------------------------------------------------------------- inputs

    private InputSummary summarize(Input input, String host, List<Diagnostic> diagnostics) {
        long ev = 0;
        long malformed = 0;
        long requests = 0;
        long bench = 0;
        long[] phases = new long[128];
        List<InputSummary.Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String truncation = null;
        long truncatedAt = -1;
        for (ChunkBuilder c : input.chunks()) {
            ev += c.events;
            malformed += c.malformed;
            requests += c.requests.size();
            bench += c.bench.size();
            for (int k = 0; k < 128; k++) {
                phases[k] += c.byPhase[k];
            }
            for (InputSummary.Problem p : c.problems) {
                if (problems.size() < ChunkBuilder.MAX_PROBLEMS_KEPT) {
                    problems.add(p);
                }
            }
            notes.addAll(c.notes);
            if (c.truncation != null) {
                truncation = c.truncation;
                truncatedAt = c.truncatedAt;
            }
        }
        Map<Character, Long> byPhase = new TreeMap<>();
        for (int k = 0; k < 128; k++) {
            if (phases[k] > 0) {
                byPhase.put((char) k, phases[k]);
            }
        }
        if (malformed > 0) {
            InputSummary.Problem first = problems.isEmpty() ? null : problems.get(0);
            String where = first == null ? "" : first.line() > 0 ? " (first at line " + first.line() + ": "
                    + first.message() + ")" : " (first at byte " + first.offset() + ": " + first.message() + ")";
            diagnostics.add(new Diagnostic("malformed-input", Severity.WARNING,
                    input.name() + ": " + malformed + (malformed == 1 ? " line" : " lines") + " skipped" + where,
                    input.name(), first == null ? 0 : first.line(), -1, -1, RawEvent.NO_TIME, 0, malformed));
        }
        if (truncation != null) {
            diagnostics.add(new Diagnostic("malformed-input", Severity.WARNING,
                    input.name() + ": input is cut at byte " + truncatedAt + ": " + truncation
                            + "; everything before the cut was loaded",
                    input.name(), 0, -1, -1, RawEvent.NO_TIME, 0, 1));
        }
        return new InputSummary(input.name(), input.format(), input.bytes(), ev, byPhase, malformed,
                List.copyOf(problems), truncation != null, truncation, requests, bench, input.offsetNs(), host,
                List.copyOf(notes));
    }

    private static void shift(RequestRecord r, long offset) {
        if (offset == 0) {
            return;
        }
        r.arrivalNs = shift(r.arrivalNs, offset);
        r.totalStartNs = shift(r.totalStartNs, offset);
        r.prefillStartNs = shift(r.prefillStartNs, offset);
        r.prefillEndNs = shift(r.prefillEndNs, offset);
        r.genStartNs = shift(r.genStartNs, offset);
        r.genEndNs = shift(r.genEndNs, offset);
        r.totalEndNs = shift(r.totalEndNs, offset);
        if (r.tokenTimesNs != null) {
            for (int i = 0; i < r.tokenTimesNs.length; i++) {
                r.tokenTimesNs[i] += offset;
            }
        }
    }

    private static long shift(long t, long offset) {
        return t == RawEvent.NO_TIME ? t : t + offset;
    }

    /** The host named by an input's metadata, or "". */
    static String hostOf(Map<String, String> md) {
        for (String key : new String[] {"host_name", "hostname", "host"}) {
            String v = md.get(key);
            if (v != null) {
                String h = textOf(v);
                if (h != null && !h.isBlank()) {
                    return h.trim();
                }
            }
        }
        String other = md.get("otherData");
        if (other != null) {
            try {
                JsonNode n = JsonTrees.read(other);
                for (String key : new String[] {"host_name", "hostname", "host"}) {
                    JsonNode h = n.get(key);
                    if (h != null && h.isValueNode() && !h.asText().isBlank()) {
                        return h.asText().trim();
                    }
                }
            } catch (Exception ignored) {
                // otherData is free-form; a host that cannot be read is simply not known
            }
        }
        return "";
    }

    private static String textOf(String json) {
        try {
            JsonNode n = JsonTrees.read(json);
            return n != null && n.isValueNode() ? n.asText() : null;
        } catch (Exception e) {
            return json;
        }
    }

    /** A {@code host=NAME} or {@code host:NAME} entry of process_labels overrides the input's host. */
    static String labelHost(String labels, String fallback) {
        if (labels != null) {
            for (String label : labels.split(",")) {
                String l = label.trim();
                if (l.startsWith("host=") || l.startsWith("host:")) {
                    String h = l.substring(5).trim();
                    if (!h.isEmpty()) {
                        return h;
                    }
                }
            }
        }
        return fallback;
    }

    /**
     * One Chrome file cannot hold two processes with the same pid, so a merged trace writes a pid that
     * several hosts share as {@code <pid>@<host>}, next to a {@code host=<host>} label; reading it back
     * gives the pid its own name again.
     */
    static String pidWithoutHost(String pid, String host) {
        if (!host.isEmpty() && pid.endsWith("@" + host) && pid.length() > host.length() + 1) {
            return pid.substring(0, pid.length() - host.length() - 1);
        }
        return pid;
    }

    private void addStackFrames(List<ChunkBuilder> chunks) {
        Map<String, Integer> map = new HashMap<>();
        List<String> parents = new ArrayList<>();
        int first = frameName.size();
        for (ChunkBuilder c : chunks) {
            for (String[] f : c.stackFrames) {
                if (map.containsKey(f[0])) {
                    continue;
                }
                map.put(f[0], frameName.size());
                frameName.add(f[1] == null ? 0 : pool.intern(f[1]));
                frameCat.add(f[3] == null ? -1 : pool.intern(f[3]));
                frameParent.add(-1);
                parents.add(f[2]);
            }
        }
        for (int i = 0; i < parents.size(); i++) {
            String p = parents.get(i);
            Integer pi = p == null ? null : map.get(p);
            frameParent.set(first + i, pi == null ? -1 : pi);
        }
        frameMaps.add(map);
    }

    // ------------------------------------------------------------ processes

    private static final class ProcessResult {
        ProcessTrack track;
        final List<Diagnostic> diagnostics = new ArrayList<>();
        long minTs = Long.MAX_VALUE;
        long maxTs = Long.MIN_VALUE;

        void see(long t) {
            minTs = Math.min(minTs, t);
            maxTs = Math.max(maxTs, t);
        }
    }

    /** One thread of one merged process, with the parts every input holds of it. */
    private record ThreadTask(int process, String tid, List<ThreadPart> parts) {
    }

    /** A thread's tables, built independently of its siblings so all threads build in parallel. */
    private record Built(String tid, String name, int sort, SpanTable spans, long spanEnd, InstantTable instants,
                         SampleTable samples, List<Diagnostic> diags) {
    }

    /** Groups each merged process's thread parts by tid, in input order. */
    private static List<ThreadTask> threadTasks(List<Merged> ordered) {
        List<ThreadTask> tasks = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Map<String, List<ThreadPart>> byTid = new LinkedHashMap<>();
            for (ProcPart pp : ordered.get(i).parts) {
                for (PartThread t : pp.part.threads.values()) {
                    byTid.computeIfAbsent(ChunkBuilder.keyText(t.key), k -> new ArrayList<>()).add(new ThreadPart(pp.ref, t));
                }
            }
            for (Map.Entry<String, List<ThreadPart>> e : byTid.entrySet()) {
                tasks.add(new ThreadTask(i, e.getKey(), e.getValue()));
            }
        }
        return tasks;
    }

    private Built buildThread(ThreadTask task) {
        checkCancelled();
        List<Diagnostic> diags = new ArrayList<>();
        String name = null;
        int sort = Integer.MIN_VALUE;
        for (ThreadPart tp : task.parts) {
            if (tp.part.name != null) {
                name = tp.part.name;
            }
            if (tp.part.sortIndex != Integer.MIN_VALUE) {
                sort = tp.part.sortIndex;
            }
        }
        ThreadBuild tb = new ThreadBuild(task.parts);
        SpanTable spans = tb.spans(diags);
        return new Built(task.tid, name, sort, spans, tb.spanEnd, tb.instants, samples(task.parts), diags);
    }

    /** Puts one process's threads in display order: by sort index, then name, then numeric tid, then tid. */
    private static void sortThreads(List<Built> built) {
        built.sort(Comparator.<Built>comparingInt(b -> b.sort == Integer.MIN_VALUE ? Integer.MAX_VALUE : b.sort)
                .thenComparing(b -> b.name == null ? "\uffff" : b.name)
                .thenComparingLong(b -> {
                    try {
                        return Long.parseLong(b.tid);
                    } catch (NumberFormatException ex) {
                        return Long.MAX_VALUE;
                    }
                })
                .thenComparing(b -> b.tid));
    }

    /** Builds a process's track from its threads, given in display order ({@link #sortThreads}). */
    private ProcessResult buildProcess(Merged m, int index, List<Built> built) {
        checkCancelled();
        ProcessResult result = new ProcessResult();
        long events = 0;
        LinkedHashSet<String> sources = new LinkedHashSet<>();
        for (ProcPart pp : m.parts) {
            events += pp.part.events;
            sources.add(inputs.get(pp.ref.input).name());
        }
        List<ThreadTrack> threads = new ArrayList<>();
        for (int ti = 0; ti < built.size(); ti++) {
            Built b = built.get(ti);
            threads.add(new ThreadTrack(b.tid, b.name, b.sort, b.spans, b.instants, b.samples));
            for (Diagnostic d : b.diags) {
                result.diagnostics.add(new Diagnostic(d.kind(), d.severity(), d.message(), d.input(), d.line(), index, ti,
                        d.tsNs(), d.durNs(), d.count()));
            }
            if (b.spans.size() > 0) { // sorted by start
                result.see(b.spans.start(0));
                result.see(b.spanEnd);
            }
            if (b.instants.size() > 0) {
                result.see(b.instants.ts(0));
                result.see(b.instants.ts(b.instants.size() - 1));
            }
            if (b.samples.size() > 0) {
                for (int i = 0; i < b.samples.size(); i++) {
                    result.see(b.samples.ts(i));
                }
            }
        }

        List<CounterTrack> counters = counters(m.parts);
        for (CounterTrack c : counters) {
            if (c.size() > 0) {
                result.see(c.ts(0));
                result.see(c.ts(c.size() - 1));
            }
        }
        List<ChunkRef> refs = new ArrayList<>();
        List<PartInstants> pis = new ArrayList<>();
        for (ProcPart pp : m.parts) {
            refs.add(pp.ref);
            pis.add(pp.part.instants);
        }
        AsyncBuild ab = new AsyncBuild(m.parts, result.maxTs == Long.MIN_VALUE ? 0 : result.maxTs);
        AsyncTable async = ab.table(m, result.diagnostics, index);
        InstantTable procInstants = concatInstants(List.of(instants(refs, pis), ab.instants()));
        for (int i = 0; i < async.size(); i++) {
            result.see(async.start(i));
            result.see(async.end(i));
        }
        if (procInstants.size() > 0) {
            result.see(procInstants.ts(0));
            result.see(procInstants.ts(procInstants.size() - 1));
        }
        List<String> labels = m.labels == null ? List.of()
                : Arrays.stream(m.labels.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        result.track = new ProcessTrack(m.host, m.pid, m.name, labels, m.sortIndex, threads, counters, async,
                procInstants, new ArrayList<>(sources), events);
        return result;
    }

    /**
     * Builds one thread's span table from the X spans and B/E events of all its parts.
     *
     * <p>Each pass over the rows is a method of its own: the short commands compile with C1 only, which
     * compiles a loop that has run long (on-stack replacement) by compiling the whole method around it,
     * and a large method took long enough to compile that its other loops ran interpreted meanwhile.
     */
    private final class ThreadBuild {
        private final List<ThreadPart> parts;
        InstantTable instants;
        /** The latest end of any span built. */
        long spanEnd = Long.MIN_VALUE;

        // the span columns being filled, n rows so far
        private long[] start;
        private long[] dur;
        private int[] name;
        private int[] cat;
        private int[] args;
        private int[] cname;
        private byte[] flags;
        private int n;
        private boolean anyCname;
        /** The latest time of any event of the thread seen so far (an unfinished B is drawn to it). */
        private long maxTs = Long.MIN_VALUE;
        private long negatives;
        private int firstNegative = -1;

        // B and E events of all parts, in file order
        private long[] beTs;
        private int[] beName;
        private int[] beCat;
        private int[] beArgs;
        private int[] beCname;
        private long[] beKind;
        private int[] beInput;

        // E events that closed nothing, kept as instants
        private final LongList uTs = new LongList(4);
        private final IntList uName = new IntList(4);
        private final IntList uCat = new IntList(4);
        private final IntList uArgs = new IntList(4);
        private long unmatchedEnd;
        private int firstUnmatchedEnd = -1;
        /** B events no E closed: {@code open[0, openCount)}, the first opened first. */
        private int[] open;
        private int openCount;

        ThreadBuild(List<ThreadPart> parts) {
            this.parts = parts;
        }

        SpanTable spans(List<Diagnostic> diags) {
            int nx = 0;
            int nbe = 0;
            int nb = 0;
            for (ThreadPart tp : parts) {
                nx += tp.part.xStart.size();
                nbe += tp.part.beKindLine.size();
                nb += begins(tp.part.beKindLine);
            }
            // every B makes one span, ended or not; an E makes none of its own
            int cap = nx + nb;
            start = new long[cap];
            dur = new long[cap];
            name = new int[cap];
            cat = new int[cap];
            args = new int[cap];
            cname = new int[cap];
            flags = new byte[cap];
            // run p holds part p's X spans, the last run the spans matched from B/E
            int runs = parts.size() + 1;
            int[] bounds = new int[runs + 1];
            for (int p = 0; p < parts.size(); p++) {
                bounds[p] = n;
                copyX(parts.get(p));
            }
            spanEnd = maxTs; // of the X spans, all that is seen so far
            if (negatives > 0) {
                diags.add(new Diagnostic("negative-duration", Severity.ERROR,
                        negatives + " span(s) with a negative duration, first \"" + pool.get(name[firstNegative])
                                + "\"; drawn with zero length",
                        inputs.get(parts.get(0).ref.input).name(), 0, -1, -1, start[firstNegative], 0, negatives));
            }

            // B/E: concatenate in file order, stable-sort by time, match with a stack
            beTs = new long[nbe];
            beName = new int[nbe];
            beCat = new int[nbe];
            beArgs = new int[nbe];
            beCname = new int[nbe];
            beKind = new long[nbe];
            beInput = new int[nbe];
            int k = 0;
            for (ThreadPart tp : parts) {
                k = copyBeginEnd(tp, k);
            }
            // instants (with unmatched E kept as markers)
            List<ChunkRef> refs = new ArrayList<>();
            List<PartInstants> pis = new ArrayList<>();
            for (ThreadPart tp : parts) {
                refs.add(tp.ref);
                pis.add(tp.part.instants);
            }
            InstantTable own = instants(refs, pis);
            if (own.size() > 0) {
                maxTs = Math.max(maxTs, own.ts(own.size() - 1));
            }
            for (ThreadPart tp : parts) {
                maxTs = Math.max(maxTs, latestSample(tp));
            }

            match(Sorting.stableOrder(beTs, nbe));
            long unfinished = openCount;
            int firstUnfinished = openCount > 0 ? open[0] : -1;
            closeUnfinished();
            String inputName = inputs.get(parts.get(0).ref.input).name();
            if (unmatchedEnd > 0) {
                diags.add(new Diagnostic("unmatched-end", Severity.WARNING,
                        unmatchedEnd + " E event(s) closed no open B, first \"" + pool.get(beName[firstUnmatchedEnd])
                                + "\"; kept as markers",
                        inputs.get(beInput[firstUnmatchedEnd]).name(), beKind[firstUnmatchedEnd] >>> 1, -1, -1,
                        beTs[firstUnmatchedEnd], 0, unmatchedEnd));
            }
            if (unfinished > 0) {
                diags.add(new Diagnostic("unmatched-begin", Severity.WARNING,
                        unfinished + " B event(s) never ended, first \"" + pool.get(beName[firstUnfinished])
                                + "\"; drawn to the thread's last timestamp",
                        inputs.get(beInput[firstUnfinished]).name(), beKind[firstUnfinished] >>> 1, -1, -1,
                        beTs[firstUnfinished], Math.max(0, maxTs - beTs[firstUnfinished]), unfinished));
            }
            InstantTable unmatched = new InstantTable(uTs.size(), uTs.toArray(), uName.toArray(), uCat.toArray(),
                    uArgs.toArray(), filled(uTs.size(), 'E'));
            instants = concatInstants(List.of(own, unmatched));

            // order by start, longer first (each part's order is sorted once and kept), then nest into lanes
            final int count = n;
            bounds[runs - 1] = nx;
            bounds[runs] = count;
            int[] ord = new int[count];
            boolean identity = true;
            for (int r = 0; r < runs; r++) {
                int from = bounds[r];
                int[] local = r < parts.size()
                        ? parts.get(r).part.xOrder(start, dur, from, parts.get(r).ref.chunk.keepsSpanOrder())
                        : Sorting.spanOrder(start, dur, from, count - from);
                identity &= place(local, ord, from);
            }
            ord = Sorting.mergeRuns(ord, bounds, runs, start, dur);
            if (!identity || !isIdentity(ord)) { // reordered where they lie: a table's columns are not copied again
                reorderRows(ord, start, dur, name, cat, args, anyCname ? cname : null, flags);
            }
            int[] cn = anyCname ? cname : null;
            int[] depth = new int[count];
            int[] parent = new int[count];
            long overlaps = nest(start, dur, depth, parent, flags, count);
            if (overlaps > 0) {
                int first = firstOverlap(flags, count);
                diags.add(new Diagnostic("overlapping-spans", Severity.WARNING,
                        overlaps + " span(s) overlap a sibling without nesting, first \"" + pool.get(name[first])
                                + "\" (the signature of concurrent tasks sharing one thread id); drawn on extra lanes",
                        inputName, 0, -1, -1, start[first], dur[first], overlaps));
            }
            return new SpanTable(count, start, dur, name, cat, depth, parent, args, flags, cn);
        }

        /** Appends a part's X spans with its chunk's ids and times made the trace's. */
        private void copyX(ThreadPart tp) {
            ChunkRef r = tp.ref;
            PartThread t = tp.part;
            long[] start = this.start;
            long[] dur = this.dur;
            int[] name = this.name;
            int[] cat = this.cat;
            int[] args = this.args;
            int[] cname = this.cname;
            byte[] flags = this.flags;
            int n = this.n;
            long maxTs = this.maxTs;
            boolean anyCname = this.anyCname;
            for (int i = 0; i < t.xStart.size(); i++) {
                start[n] = r.t(t.xStart.get(i));
                long d = t.xDur.get(i);
                if (d < 0) {
                    flags[n] = SpanTable.NEGATIVE;
                    if (negatives++ == 0) {
                        firstNegative = n;
                    }
                    d = 0;
                }
                dur[n] = d;
                name[n] = r.s(t.xName.get(i));
                cat[n] = r.s(t.xCat.get(i));
                args[n] = r.a(t.xArgs.get(i));
                int cn = r.s(t.xCname.get(i));
                cname[n] = cn;
                anyCname |= cn >= 0;
                maxTs = Math.max(maxTs, start[n] + d);
                n++;
            }
            this.n = n;
            this.maxTs = maxTs;
            this.anyCname = anyCname;
        }

        /** Appends a part's B and E events from index {@code k}; returns the index after them. */
        private int copyBeginEnd(ThreadPart tp, int k) {
            ChunkRef r = tp.ref;
            PartThread t = tp.part;
            long maxTs = this.maxTs;
            for (int i = 0; i < t.beTs.size(); i++) {
                beTs[k] = r.t(t.beTs.get(i));
                beName[k] = r.s(t.beName.get(i));
                beCat[k] = r.s(t.beCat.get(i));
                beArgs[k] = r.a(t.beArgs.get(i));
                beCname[k] = r.s(t.beCname.get(i));
                beKind[k] = t.beKindLine.get(i);
                beInput[k] = r.input;
                maxTs = Math.max(maxTs, beTs[k]);
                k++;
            }
            this.maxTs = maxTs;
            return k;
        }

        /**
         * Matches the B and E events, taken in {@code order}, with a stack: each pair becomes a span, an E
         * with nothing open an instant. Leaves the B events still open in {@link #open}, bottom first.
         */
        private void match(int[] order) {
            int[] stack = new int[16];
            int sp = 0;
            for (int oi = 0; oi < order.length; oi++) {
                int i = order[oi];
                boolean begin = (beKind[i] & 1) == 1;
                if (begin) {
                    if (sp == stack.length) {
                        stack = Arrays.copyOf(stack, sp * 2);
                    }
                    stack[sp++] = i;
                } else if (sp == 0) {
                    if (unmatchedEnd++ == 0) {
                        firstUnmatchedEnd = i;
                    }
                    uTs.add(beTs[i]);
                    uName.add(beName[i]);
                    uCat.add(beCat[i]);
                    uArgs.add(beArgs[i]);
                } else {
                    int b = stack[--sp];
                    int row = n++;
                    start[row] = beTs[b];
                    dur[row] = beTs[i] - beTs[b];
                    spanEnd = Math.max(spanEnd, beTs[i]);
                    name[row] = beName[b] >= 0 ? beName[b] : beName[i];
                    cat[row] = beCat[b] >= 0 ? beCat[b] : beCat[i];
                    args[row] = beArgs[b] != ArgStore.NONE ? beArgs[b] : beArgs[i];
                    cname[row] = beCname[b];
                    anyCname |= beCname[b] >= 0;
                    flags[row] = SpanTable.FROM_BEGIN_END;
                }
            }
            open = stack;
            openCount = sp;
        }

        /** Draws the B events still open to the thread's last time. */
        private void closeUnfinished() {
            for (int si = 0; si < openCount; si++) {
                int b = open[si];
                int row = n++;
                start[row] = beTs[b];
                dur[row] = Math.max(0, maxTs - beTs[b]);
                spanEnd = Math.max(spanEnd, start[row] + dur[row]);
                name[row] = beName[b];
                cat[row] = beCat[b];
                args[row] = beArgs[b];
                cname[row] = beCname[b];
                flags[row] = SpanTable.FROM_BEGIN_END | SpanTable.UNFINISHED;
            }
        }
    }

    /**
     * Reorders span columns in place so that row {@code i} holds what row {@code order[i]} held (what
     * {@link Sorting#permute} gives, without new arrays): each cycle of the order is followed once,
     * moving whole rows, with one row set aside. {@code cname} may be null.
     */
    static void reorderRows(int[] order, long[] start, long[] dur, int[] name, int[] cat, int[] args, int[] cname,
                            byte[] flags) {
        long[] moved = new long[(order.length + 63) >>> 6];
        for (int i = 0; i < order.length; i++) {
            if (order[i] == i || (moved[i >>> 6] & 1L << i) != 0) {
                continue;
            }
            long s = start[i];
            long d = dur[i];
            int nm = name[i];
            int ct = cat[i];
            int ar = args[i];
            int cn = cname == null ? 0 : cname[i];
            byte fl = flags[i];
            int j = i;
            for (int k = order[j]; k != i; k = order[j]) {
                moved[j >>> 6] |= 1L << j;
                start[j] = start[k];
                dur[j] = dur[k];
                name[j] = name[k];
                cat[j] = cat[k];
                args[j] = args[k];
                if (cname != null) {
                    cname[j] = cname[k];
                }
                flags[j] = flags[k];
                j = k;
            }
            moved[j >>> 6] |= 1L << j;
            start[j] = s;
            dur[j] = d;
            name[j] = nm;
            cat[j] = ct;
            args[j] = ar;
            if (cname != null) {
                cname[j] = cn;
            }
            flags[j] = fl;
        }
    }

    /** How many of a part's B/E events are B (the low bit of their kind). */
    private static int begins(LongList kinds) {
        int nb = 0;
        for (int i = 0; i < kinds.size(); i++) {
            nb += (int) (kinds.get(i) & 1);
        }
        return nb;
    }

    /** The latest sample time of a part, in the trace's time. */
    private static long latestSample(ThreadPart tp) {
        ChunkBuilder.PartSamples ps = tp.part.samples;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < ps.ts.size(); i++) {
            max = Math.max(max, tp.ref.t(ps.ts.get(i)));
        }
        return max;
    }

    /** Writes a run's local order into {@code ord} from {@code from}; true when it keeps the rows in place. */
    private static boolean place(int[] local, int[] ord, int from) {
        boolean identity = true;
        for (int i = 0; i < local.length; i++) {
            ord[from + i] = from + local[i];
            identity &= local[i] == i;
        }
        return identity;
    }

    private static boolean isIdentity(int[] ord) {
        for (int i = 0; i < ord.length; i++) {
            if (ord[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static int firstOverlap(byte[] flags, int count) {
        for (int i = 0; i < count; i++) {
            if ((flags[i] & SpanTable.OVERLAP) != 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Assigns rows. Lane 0 holds properly nested spans; a span that overlaps the open span on a lane
     * without fitting inside it tries the next lane. Rows of lane L start below the deepest row of
     * lane L-1. Returns the number of spans placed off lane 0.
     */
    static long nest(long[] start, long[] dur, int[] depth, int[] parent, byte[] flags, int n) {
        // per lane: the open spans (a stack of rows) and their ends, so that popping reads one array
        int lanes = 1;
        int[][] stack = {new int[16]};
        long[][] ends = {new long[16]};
        int[] size = new int[1];
        int[] laneMax = {-1};
        int[] lane = null; // allocated when the first span goes off lane 0
        long overlaps = 0;
        for (int i = 0; i < n; i++) {
            long s = start[i];
            long e = s + dur[i];
            int logicalParent = -1;
            int l = 0;
            while (true) {
                if (l == lanes) {
                    stack = Arrays.copyOf(stack, lanes + 1);
                    ends = Arrays.copyOf(ends, lanes + 1);
                    size = Arrays.copyOf(size, lanes + 1);
                    laneMax = Arrays.copyOf(laneMax, lanes + 1);
                    stack[l] = new int[8];
                    ends[l] = new long[8];
                    laneMax[l] = -1;
                    lanes++;
                }
                int[] st = stack[l];
                long[] en = ends[l];
                int sz = size[l];
                while (sz > 0 && en[sz - 1] <= s) {
                    sz--;
                }
                if (sz == 0 || e <= en[sz - 1]) {
                    parent[i] = sz > 0 ? st[sz - 1] : logicalParent;
                    depth[i] = sz;
                    if (sz == st.length) {
                        st = stack[l] = Arrays.copyOf(st, sz * 2);
                        en = ends[l] = Arrays.copyOf(en, sz * 2);
                    }
                    st[sz] = i;
                    en[sz] = e;
                    size[l] = sz + 1;
                    if (sz > laneMax[l]) {
                        laneMax[l] = sz;
                    }
                    break;
                }
                size[l] = sz;
                if (l == 0) {
                    for (int j = sz - 1; j >= 0; j--) {
                        if (en[j] >= e) {
                            logicalParent = st[j];
                            break;
                        }
                    }
                }
                l++;
            }
            if (l > 0) {
                if (lane == null) {
                    lane = new int[n];
                }
                lane[i] = l;
                flags[i] |= SpanTable.OVERLAP;
                overlaps++;
            }
        }
        if (lanes > 1) {
            int[] base = new int[lanes];
            for (int l = 1; l < lanes; l++) {
                base[l] = base[l - 1] + laneMax[l - 1] + 1;
            }
            for (int i = 0; i < n; i++) {
                depth[i] += base[lane[i]];
            }
        }
        return overlaps;
    }

    private static char[] filled(int n, char c) {
        char[] a = new char[n];
        Arrays.fill(a, c);
        return a;
    }

    private SampleTable samples(List<ThreadPart> parts) {
        LongList ts = new LongList(4);
        IntList frame = new IntList(4);
        DoubleList weight = new DoubleList(4);
        for (ThreadPart tp : parts) {
            ChunkBuilder.PartSamples ps = tp.part.samples;
            Map<String, Integer> frames = frameMaps.get(tp.ref.input);
            for (int i = 0; i < ps.ts.size(); i++) {
                ts.add(tp.ref.t(ps.ts.get(i)));
                String sf = ps.sf.get(i);
                Integer f = sf == null ? null : frames.get(sf);
                frame.add(f == null ? -1 : f);
                weight.add(ps.weight.get(i));
            }
        }
        if (ts.size() == 0) {
            return SampleTable.EMPTY;
        }
        long[] t = ts.toArray();
        int[] ord = Sorting.stableOrder(t, t.length);
        return new SampleTable(t.length, Sorting.permute(t, ord), Sorting.permute(frame.toArray(), ord),
                Sorting.permute(weight.toArray(), ord));
    }

    private InstantTable instants(List<ChunkRef> refs, List<PartInstants> parts) {
        int n = 0;
        for (PartInstants p : parts) {
            n += p.ts.size();
        }
        if (n == 0) {
            return InstantTable.EMPTY;
        }
        long[] ts = new long[n];
        int[] name = new int[n];
        int[] cat = new int[n];
        int[] args = new int[n];
        char[] ph = new char[n];
        int k = 0;
        for (int pi = 0; pi < parts.size(); pi++) {
            ChunkRef r = refs.get(pi);
            PartInstants p = parts.get(pi);
            for (int i = 0; i < p.ts.size(); i++) {
                ts[k] = r.t(p.ts.get(i));
                name[k] = r.s(p.name.get(i));
                cat[k] = r.s(p.cat.get(i));
                args[k] = r.a(p.args.get(i));
                ph[k] = (char) p.phase.get(i);
                k++;
            }
        }
        return sortedInstants(n, ts, name, cat, args, ph);
    }

    private static InstantTable concatInstants(List<InstantTable> tables) {
        int n = 0;
        for (InstantTable t : tables) {
            n += t.size();
        }
        if (n == 0) {
            return InstantTable.EMPTY;
        }
        if (tables.size() == 1) {
            return tables.get(0);
        }
        long[] ts = new long[n];
        int[] name = new int[n];
        int[] cat = new int[n];
        int[] args = new int[n];
        char[] ph = new char[n];
        int k = 0;
        for (InstantTable t : tables) {
            for (int i = 0; i < t.size(); i++) {
                ts[k] = t.ts(i);
                name[k] = t.name(i);
                cat[k] = t.cat(i);
                args[k] = t.args(i);
                ph[k] = t.phase(i);
                k++;
            }
        }
        return sortedInstants(n, ts, name, cat, args, ph);
    }

    private static InstantTable sortedInstants(int n, long[] ts, int[] name, int[] cat, int[] args, char[] ph) {
        int[] ord = Sorting.stableOrder(ts, n);
        char[] p2 = new char[n];
        for (int i = 0; i < n; i++) {
            p2[i] = ph[ord[i]];
        }
        return new InstantTable(n, Sorting.permute(ts, ord), Sorting.permute(name, ord), Sorting.permute(cat, ord),
                Sorting.permute(args, ord), p2);
    }

    private static List<CounterTrack> counters(List<ProcPart> parts) {
        Map<String, List<Object[]>> byName = new LinkedHashMap<>();
        for (ProcPart pp : parts) {
            for (Map.Entry<String, PartCounter> e : pp.part.counters.entrySet()) {
                byName.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Object[] {pp.ref, e.getValue()});
            }
        }
        List<CounterTrack> out = new ArrayList<>();
        for (Map.Entry<String, List<Object[]>> e : byName.entrySet()) {
            LongList ts = new LongList();
            DoubleList vs = new DoubleList();
            for (Object[] o : e.getValue()) {
                ChunkRef r = (ChunkRef) o[0];
                PartCounter c = (PartCounter) o[1];
                for (int i = 0; i < c.ts.size(); i++) {
                    ts.add(r.t(c.ts.get(i)));
                    vs.add(c.values.get(i));
                }
            }
            long[] t = ts.toArray();
            int[] ord = Sorting.stableOrder(t, t.length);
            out.add(new CounterTrack(e.getKey(), Sorting.permute(t, ord), Sorting.permute(vs.toArray(), ord)));
        }
        out.sort(Comparator.comparing(CounterTrack::name));
        return out;
    }

    /** Matches async begin/end events of one process and packs the slices into named tracks. */
    private final class AsyncBuild {
        private final List<ProcPart> parts;
        private final long processEnd;
        private InstantTable steps = InstantTable.EMPTY;

        // the async events of all parts, in file order
        private long[] ts;
        private int[] ph;
        private int[] name;
        private int[] cat;
        private int[] scope;
        private int[] args;
        private String[] id;

        // slices as they are paired: start, end (MIN_VALUE while open), root slice and depth under it
        private final LongList sStart = new LongList();
        private final LongList sEnd = new LongList();
        private final IntList sName = new IntList();
        private final IntList sCat = new IntList();
        private final IntList sArgs = new IntList();
        private final List<String> sId = new ArrayList<>();
        private final IntList sRoot = new IntList();
        private final IntList sNest = new IntList();
        private final IntList rootHeight = new IntList();
        // steps, instants and ends that closed nothing, for the async track's instants
        private final LongList iTs = new LongList(4);
        private final IntList iName = new IntList(4);
        private final IntList iCat = new IntList(4);
        private final IntList iArgs = new IntList(4);
        private final LongList iPh = new LongList(4);
        private long unmatchedEnds;

        AsyncBuild(List<ProcPart> parts, long processEnd) {
            this.parts = parts;
            this.processEnd = processEnd;
        }

        InstantTable instants() {
            return steps;
        }

        /** Builds the table; each pass over the events is a method of its own (see {@link ThreadBuild}). */
        AsyncTable table(Merged m, List<Diagnostic> diags, int processIndex) {
            int n = 0;
            for (ProcPart pp : parts) {
                n += pp.part.async.ts.size();
            }
            if (n == 0) {
                return AsyncTable.EMPTY;
            }
            ts = new long[n];
            ph = new int[n];
            name = new int[n];
            cat = new int[n];
            scope = new int[n];
            args = new int[n];
            id = new String[n];
            int k = 0;
            for (ProcPart pp : parts) {
                k = copy(pp, k);
            }
            long end = Math.max(processEnd, latest(ts));
            pair(Sorting.stableOrder(ts, n));
            int ns = sStart.size();
            byte[] flags = new byte[ns];
            long[] start = sStart.toArray();
            long[] dur = new long[ns];
            long unfinished = durations(start, dur, flags, end);
            // tracks by the root slice's name; roots packed into the first rows free for their height
            Map<String, Integer> trackOf = new LinkedHashMap<>();
            List<RowPacker> packers = new ArrayList<>();
            int[] track = new int[ns];
            int[] row = new int[ns];
            pack(start, dur, track, row, trackOf, packers);
            int[] trackRows = new int[packers.size()];
            for (int t = 0; t < trackRows.length; t++) {
                trackRows[t] = packers.get(t).rows();
            }
            if (unfinished > 0 || unmatchedEnds > 0) {
                StringBuilder msg = new StringBuilder();
                if (unfinished > 0) {
                    msg.append(unfinished).append(" async slice(s) never ended");
                }
                if (unmatchedEnds > 0) {
                    msg.append(msg.length() > 0 ? "; " : "").append(unmatchedEnds)
                            .append(" async end(s) closed nothing");
                }
                diags.add(new Diagnostic(unfinished > 0 ? "unmatched-begin" : "unmatched-end", Severity.WARNING,
                        msg + " in " + (m.name != null ? m.name : "pid " + m.pid), null, 0, processIndex, -1,
                        RawEvent.NO_TIME, 0, unfinished + unmatchedEnds));
            }
            char[] iph = new char[iTs.size()];
            for (int i = 0; i < iph.length; i++) {
                iph[i] = (char) iPh.get(i);
            }
            steps = sortedInstants(iTs.size(), iTs.toArray(), iName.toArray(), iCat.toArray(), iArgs.toArray(), iph);
            return new AsyncTable(ns, start, dur, sName.toArray(), sCat.toArray(), sId.toArray(new String[0]),
                    sArgs.toArray(), track, row, flags, new ArrayList<>(trackOf.keySet()), trackRows);
        }

        /** Appends a part's async events from index {@code k}; returns the index after them. */
        private int copy(ProcPart pp, int k) {
            PartAsync a = pp.part.async;
            ChunkRef r = pp.ref;
            for (int i = 0; i < a.ts.size(); i++) {
                ts[k] = r.t(a.ts.get(i));
                ph[k] = a.phase.get(i);
                name[k] = r.s(a.name.get(i));
                cat[k] = r.s(a.cat.get(i));
                scope[k] = r.s(a.scope.get(i));
                args[k] = r.a(a.args.get(i));
                id[k] = a.id.get(i);
                k++;
            }
            return k;
        }

        /** Opens and closes slices in time {@code order}; steps, instants and stray ends become instants. */
        private void pair(int[] order) {
            Map<AsyncKey, IntList> open = new HashMap<>();
            for (int oi = 0; oi < order.length; oi++) {
                int i = order[oi];
                char p = (char) ph[i];
                boolean legacy = p == 'S' || p == 'F' || p == 'T' || p == 'p';
                switch (p) {
                    case 'b', 'S' -> {
                        AsyncKey key = new AsyncKey(legacy, cat[i], id[i], scope[i]);
                        IntList st = open.get(key);
                        if (st == null) {
                            st = new IntList(2);
                            open.put(key, st);
                        }
                        int slice = sStart.size();
                        sStart.add(ts[i]);
                        sEnd.add(Long.MIN_VALUE);
                        sName.add(name[i]);
                        sCat.add(cat[i]);
                        sArgs.add(args[i]);
                        sId.add(id[i]);
                        int depth = p == 'S' ? 0 : st.size();
                        int root = depth == 0 ? slice : sRoot.get(st.get(0));
                        sRoot.add(root);
                        sNest.add(depth);
                        rootHeight.add(1);
                        if (depth + 1 > rootHeight.get(root)) {
                            rootHeight.set(root, depth + 1);
                        }
                        st.add(slice);
                    }
                    case 'e', 'F' -> {
                        AsyncKey key = new AsyncKey(legacy, cat[i], id[i], scope[i]);
                        IntList st = open.get(key);
                        if (st == null || st.size() == 0) {
                            unmatchedEnds++;
                            instant(i, p);
                        } else {
                            int top = st.removeLast();
                            if (st.size() == 0) {
                                open.remove(key); // ids are seldom reused: the map holds only what is open
                            }
                            sEnd.set(top, ts[i]);
                            if (sArgs.get(top) == ArgStore.NONE) {
                                sArgs.set(top, args[i]);
                            }
                        }
                    }
                    default -> instant(i, p); // n, T, p: steps and instants on the async track
                }
            }
        }

        private void instant(int i, char p) {
            iTs.add(ts[i]);
            iName.add(name[i]);
            iCat.add(cat[i]);
            iArgs.add(args[i]);
            iPh.add(p);
        }

        /** Each slice's duration; a slice never ended runs to {@code end} and is flagged. Returns how many. */
        private long durations(long[] start, long[] dur, byte[] flags, long end) {
            long unfinished = 0;
            for (int i = 0; i < start.length; i++) {
                long e = sEnd.get(i);
                if (e == Long.MIN_VALUE) {
                    unfinished++;
                    flags[i] = SpanTable.UNFINISHED;
                    e = Math.max(start[i], end);
                }
                dur[i] = e - start[i];
            }
            return unfinished;
        }

        /** Gives each slice a track (its root's name) and a row: roots packed, nested slices below them. */
        private void pack(long[] start, long[] dur, int[] track, int[] row, Map<String, Integer> trackOf,
                          List<RowPacker> packers) {
            int[] rootRow = new int[start.length];
            int lastName = Integer.MIN_VALUE; // roots of one name often follow each other: look the track up once
            int lastTrack = -1;
            for (int i = 0; i < start.length; i++) {
                int root = sRoot.get(i);
                if (root != i) {
                    track[i] = track[root];
                    row[i] = rootRow[root] + sNest.get(i);
                    continue;
                }
                int t;
                if (sName.get(i) == lastName) {
                    t = lastTrack;
                } else {
                    String tname = pool.get(sName.get(i));
                    t = trackOf.computeIfAbsent(tname == null ? "" : tname, x -> {
                        packers.add(new RowPacker());
                        return packers.size() - 1;
                    });
                    lastName = sName.get(i);
                    lastTrack = t;
                }
                int r = packers.get(t).place(start[i], start[i] + Math.max(1, dur[i]), rootHeight.get(i));
                track[i] = t;
                row[i] = r;
                rootRow[i] = r;
            }
        }
    }

    /** The largest value of {@code a}, or Long.MIN_VALUE for none. */
    private static long latest(long[] a) {
        long max = Long.MIN_VALUE;
        for (long v : a) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * What pairs an async begin with its end: legacy (S/F) or nestable (b/e), category, id and scope.
     * Written out rather than a record for the reason given at {@link FlowGroup}.
     */
    private static final class AsyncKey {
        final boolean legacy;
        final int cat;
        final String id;
        final int scope;
        private final int hash;

        AsyncKey(boolean legacy, int cat, String id, int scope) {
            this.legacy = legacy;
            this.cat = cat;
            this.id = id;
            this.scope = scope;
            this.hash = ((31 * cat + Objects.hashCode(id)) * 31 + scope) * 2 + (legacy ? 1 : 0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AsyncKey k && k.hash == hash && k.cat == cat && k.scope == scope && k.legacy == legacy
                    && Objects.equals(k.id, id);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    // ---------------------------------------------------------------- flows

    /**
     * Pairs the steps of every flow into arrows and binds each end to a span. Steps are kept in columns
     * and put in (flow, time) order by one counting sort over flows, since a trace can hold a hundred
     * thousand flows of two steps each.
     */
    private FlowTable buildFlows(List<ChunkRef> refs, Map<String, Integer> processIndex, List<List<Built>> threads) {
        List<Map<String, Integer>> threadIndex = new ArrayList<>();
        for (List<Built> built : threads) {
            Map<String, Integer> index = new HashMap<>();
            for (int t = 0; t < built.size(); t++) {
                index.put(built.get(t).tid, t);
            }
            threadIndex.add(index);
        }
        int total = 0;
        for (ChunkRef r : refs) {
            total += r.chunk.flows.size();
        }
        FlowSteps steps = new FlowSteps(total);
        Map<FlowGroup, Integer> groupOf = new HashMap<>();
        for (ChunkRef r : refs) {
            checkCancelled();
            steps.add(r, processIndex, threadIndex, groupOf);
        }
        int[] order = steps.byFlowThenTime(groupOf.size());
        IntList from = new IntList();
        IntList to = new IntList();
        for (int lo = 0; lo < order.length; ) {
            int hi = lo + 1;
            while (hi < order.length && steps.group[order[hi]] == steps.group[order[lo]]) {
                hi++;
            }
            steps.pair(order, lo, hi, from, to);
            lo = hi;
        }
        return steps.table(from, to, threads);
    }

    /** The flow steps of all chunks in columns, in chunk order; {@code group} numbers flows by first step. */
    private static final class FlowSteps {
        int n;
        final char[] phase;
        final String[] id;
        final int[] name;
        final int[] cat;
        final long[] ts;
        final boolean[] enclosing;
        final int[] process;
        final int[] thread;
        final int[] group;

        FlowSteps(int capacity) {
            phase = new char[capacity];
            id = new String[capacity];
            name = new int[capacity];
            cat = new int[capacity];
            ts = new long[capacity];
            enclosing = new boolean[capacity];
            process = new int[capacity];
            thread = new int[capacity];
            group = new int[capacity];
        }

        /** Adds a chunk's steps; the steps of one flow share category, id and scope ({@link FlowGroup}). */
        void add(ChunkRef r, Map<String, Integer> processIndex, List<Map<String, Integer>> threadIndex,
                 Map<FlowGroup, Integer> groupOf) {
            // a chunk has few threads and may have a flow point for every other event: resolve each once
            Map<FlowThread, int[]> where = new HashMap<>();
            for (FlowPoint f : r.chunk.flows) {
                if (f.id == null) {
                    continue;
                }
                int[] pt = where.computeIfAbsent(new FlowThread(f.pidKey, f.tidKey),
                        k -> flowThread(r, k.pidKey, k.tidKey, processIndex, threadIndex));
                boolean v2 = f.phase == 'o' || f.phase == 'i';
                FlowGroup key = v2 ? new FlowGroup(FlowGroup.BINDING, f.id, FlowGroup.BINDING)
                        : new FlowGroup(r.s(f.cat), f.id, r.s(f.scope));
                Integer g = groupOf.get(key);
                if (g == null) {
                    g = groupOf.size();
                    groupOf.put(key, g);
                }
                phase[n] = f.phase;
                id[n] = f.id;
                name[n] = r.s(f.name);
                cat[n] = r.s(f.cat);
                ts[n] = r.t(f.ts);
                enclosing[n] = f.enclosing;
                process[n] = pt[0];
                thread[n] = pt[1];
                group[n] = g;
                n++;
            }
        }

        /** The steps by flow (in order of first step), each flow's by time, ties in chunk order. */
        int[] byFlowThenTime(int groups) {
            int[] start = new int[groups + 1];
            for (int i = 0; i < n; i++) {
                start[group[i] + 1]++;
            }
            for (int g = 0; g < groups; g++) {
                start[g + 1] += start[g];
            }
            int[] order = new int[n];
            int[] fill = Arrays.copyOf(start, groups);
            for (int i = 0; i < n; i++) {
                order[fill[group[i]]++] = i;
            }
            for (int g = 0; g < groups; g++) {
                sortByTime(order, start[g], start[g + 1]);
            }
            return order;
        }

        /** Stable sort of {@code order[lo, hi)} by step time: insertion sort for the usual few steps. */
        private void sortByTime(int[] order, int lo, int hi) {
            if (hi - lo > 32) {
                long[] times = new long[hi - lo];
                for (int k = lo; k < hi; k++) {
                    times[k - lo] = ts[order[k]];
                }
                int[] local = Sorting.stableOrder(times, times.length);
                int[] steps = Arrays.copyOfRange(order, lo, hi);
                for (int k = 0; k < local.length; k++) {
                    order[lo + k] = steps[local[k]];
                }
                return;
            }
            for (int k = lo + 1; k < hi; k++) {
                int v = order[k];
                int j = k - 1;
                while (j >= lo && ts[order[j]] > ts[v]) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = v;
            }
        }

        /**
         * Pairs one flow's steps ({@code order[lo, hi)}, in time order) into arrows. A finish that comes
         * before any open start (its clock ran behind the sender's) waits for the next start of its flow
         * and makes an arrow that points back in time, which the clock-skew rule reports, instead of
         * being dropped.
         */
        void pair(int[] order, int lo, int hi, IntList from, IntList to) {
            int lastOut = -1;
            int early = -1;
            for (int k = lo; k < hi; k++) {
                int p = order[k];
                char ph = phase[p];
                boolean source = ph == 'o' || ph == 's' || ph == 't';
                boolean target = ph == 'i' || ph == 't' || ph == 'f';
                if (target && lastOut >= 0) {
                    from.add(lastOut);
                    to.add(p);
                } else if ((ph == 'f' || ph == 'i') && early < 0) {
                    early = p;
                    continue;
                }
                if (source && early >= 0 && ph != 't') {
                    from.add(p);
                    to.add(early);
                    boolean closed = phase[early] == 'f';
                    early = -1;
                    lastOut = closed ? -1 : p;
                    continue;
                }
                if (source) {
                    lastOut = p;
                } else if (ph == 'f') {
                    lastOut = -1;
                }
            }
        }

        /** The arrows {@code from[k] -> to[k]} as a table, each end bound to its span. */
        FlowTable table(IntList from, IntList to, List<List<Built>> threads) {
            int count = from.size();
            String[] ids = new String[count];
            int[] names = new int[count];
            int[] cats = new int[count];
            int[] fp = new int[count];
            int[] ft = new int[count];
            long[] fts = new long[count];
            int[] fs = new int[count];
            int[] tp = new int[count];
            int[] tt = new int[count];
            long[] tts = new long[count];
            int[] tsp = new int[count];
            for (int k = 0; k < count; k++) {
                int f = from.get(k);
                int t = to.get(k);
                ids[k] = id[t];
                names[k] = name[f] >= 0 ? name[f] : name[t];
                cats[k] = cat[f] >= 0 ? cat[f] : cat[t];
                fp[k] = process[f];
                ft[k] = thread[f];
                fts[k] = ts[f];
                fs[k] = bind(threads, process[f], thread[f], ts[f], true);
                tp[k] = process[t];
                tt[k] = thread[t];
                tts[k] = ts[t];
                tsp[k] = bind(threads, process[t], thread[t], ts[t], enclosing[t] || phase[t] == 'i');
            }
            return new FlowTable(count, ids, names, cats, fp, ft, fts, fs, tp, tt, tts, tsp);
        }
    }

    /**
     * The steps of one flow share category, id and scope; v2 binding ids ({@code bind_id}) share the id
     * alone. Written out rather than a record: a trace can have a hundred thousand flow steps, and a
     * record's equals and hashCode go through method handles that C1, the compiler the short commands
     * run with, does not inline.
     */
    private static final class FlowGroup {
        static final int BINDING = Integer.MIN_VALUE;
        final int cat;
        final String id;
        final int scope;
        private final int hash;

        FlowGroup(int cat, String id, int scope) {
            this.cat = cat;
            this.id = id;
            this.scope = scope;
            this.hash = (31 * cat + id.hashCode()) * 31 + scope;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FlowGroup g && g.cat == cat && g.scope == scope && g.id.equals(id);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A chunk's pid and tid keys of a flow step (see {@link FlowGroup} on why not a record). */
    private static final class FlowThread {
        final Object pidKey;
        final Object tidKey;

        FlowThread(Object pidKey, Object tidKey) {
            this.pidKey = pidKey;
            this.tidKey = tidKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FlowThread t && Objects.equals(t.pidKey, pidKey) && Objects.equals(t.tidKey, tidKey);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(pidKey) + Objects.hashCode(tidKey);
        }
    }

    /** Indices of the merged process and of its thread that a chunk's pid and tid keys name; -1 where none. */
    private static int[] flowThread(ChunkRef r, Object pidKey, Object tidKey, Map<String, Integer> processIndex,
                                    List<Map<String, Integer>> threadIndex) {
        PartProcess pp = r.chunk.processes.get(pidKey);
        String host = labelHost(pp == null ? null : pp.labels, r.host);
        String pidText = pidWithoutHost(ChunkBuilder.keyText(pidKey), host);
        Integer pi = processIndex.get(host + '\u0000' + pidText);
        if (pi == null) {
            return new int[] {-1, -1};
        }
        Integer t = threadIndex.get(pi).get(ChunkBuilder.keyText(tidKey));
        return new int[] {pi, t == null ? -1 : t};
    }

    /** The span a flow end binds to: the deepest one enclosing {@code ts}, or the next one starting after it. */
    private static int bind(List<List<Built>> threads, int process, int thread, long ts, boolean enclosing) {
        if (process < 0 || thread < 0) {
            return -1;
        }
        SpanTable s = threads.get(process).get(thread).spans;
        if (enclosing) {
            return s.deepestAt(ts);
        }
        int next = s.firstStartingAtOrAfter(ts);
        return next < s.size() ? next : -1;
    }
}
