package dev.flarescope.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A disaggregated LLM-serving run written as one JSONL trace fragment per process, the way a serving
 * stack's tracer leaves them: an API server, a scheduler, a prefill worker and a decode worker, with
 * the KV cache of each request moved from the prefill to the decode worker.
 *
 * <p>The run is simulated rather than drawn at random so that its timing is consistent across
 * processes: a request's spans follow one another (HTTP handling, queueing, batched prefill, KV
 * transfer, decode steps, response), batches are sized from what is waiting, and counters report
 * what the simulation did. Two defects of real captures are included on purpose: the prefill worker
 * dies during its last batch, so its fragment ends in a cut line and the requests of that batch fail,
 * and the API server's asyncio thread has two streaming-response spans that overlap without nesting.
 */
final class ServingRunSample {
    static final int REQUESTS = 40;
    static final long API_PID = 4101;
    static final long SCHEDULER_PID = 4230;
    static final long PREFILL_PID = 5120;
    static final long DECODE_PID = 6210;

    /** 2025-06-12T09:30:00Z: the fragments use epoch microseconds, as Python tracers often do. */
    private static final long START_NS = 1_749_720_600_000_000_000L;
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long API_MAIN_TID = 4101;
    private static final long SCHEDULER_TID = 4230;
    private static final long PREFILL_MAIN_TID = 5120;
    private static final long PREFILL_KV_TID = 5133;
    private static final long DECODE_MAIN_TID = 6210;
    private static final long DECODE_KV_TID = 6224;
    private static final String MODEL = "Qwen/Qwen3-8B";
    private static final String[] LAYER_GROUPS = {"layers.0-8", "layers.9-17", "layers.18-26", "layers.27-35"};
    /** 36 layers x 8 KV heads x 128 dims x (K and V) x 2 bytes. */
    private static final long KV_BYTES_PER_TOKEN = 147_456;
    /** Interconnect speed for KV transfers: 20 GB/s. */
    private static final long KV_BYTES_PER_US = 20_000;
    private static final int MAX_PREFILL_BATCH = 4;
    private static final int MAX_PREFILL_TOKENS = 8192;
    private static final long KV_CAPACITY_TOKENS = 160_000;

    private final SplittableRandom random;
    private final List<Request> requests = new ArrayList<>();
    private final Map<Long, List<SampleEvent>> eventsByPid = new LinkedHashMap<>();
    private final Map<Long, String> cutLineByPid = new LinkedHashMap<>();
    private final List<long[]> queueChanges = new ArrayList<>();
    private final ThreadTimeline apiMain = new ThreadTimeline();
    private final ThreadTimeline scheduler = new ThreadTimeline();
    private final ThreadTimeline kvSender = new ThreadTimeline();
    private long nextFlowId = 1;

    private static final class Request {
        String id;
        long arrival;
        int promptTokens;
        int outputTokens;
        long httpEnd;
        long kvEnd;
        long admitted;
        long decodeFlowId;
        long finished;
        int generated = 1;
        boolean failed;
    }

    private ServingRunSample(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Simulates the run and writes {@code fragments/trace.<pid>.jsonl} under {@code dir}. */
    static void write(Path dir, long seed) throws IOException {
        ServingRunSample run = new ServingRunSample(seed);
        run.simulate();
        Path fragments = dir.resolve("fragments");
        Files.createDirectories(fragments);
        for (Map.Entry<Long, List<SampleEvent>> entry : run.eventsByPid.entrySet()) {
            Path file = fragments.resolve("trace." + entry.getKey() + ".jsonl");
            run.writeFragment(file, entry.getValue(), run.cutLineByPid.get(entry.getKey()));
        }
    }

    private void simulate() throws IOException {
        metadata();
        arrivals();
        for (Request r : requests) {
            handleHttp(r);
        }
        prefill();
        admitToDecode();
        decode();
        overlappingStreams();
        queueDepthCounters();
    }

    private void metadata() {
        process(API_PID, "api_server", "host=cpu-node-0,role=frontend", 0);
        thread(API_PID, API_MAIN_TID, "MainThread");
        process(SCHEDULER_PID, "scheduler", "host=cpu-node-0,role=scheduler", 1);
        thread(SCHEDULER_PID, SCHEDULER_TID, "scheduler_loop");
        process(PREFILL_PID, "WorkerProcess-prefill-0", "host=gpu-node-1,role=prefill,gpu=0", 2);
        thread(PREFILL_PID, PREFILL_MAIN_TID, "model_runner");
        thread(PREFILL_PID, PREFILL_KV_TID, "kv_sender");
        process(DECODE_PID, "WorkerProcess-decode-0", "host=gpu-node-2,role=decode,gpu=0", 3);
        thread(DECODE_PID, DECODE_MAIN_TID, "model_runner");
        thread(DECODE_PID, DECODE_KV_TID, "kv_receiver");
    }

    private void process(long pid, String name, String labels, int sortIndex) {
        add(new SampleEvent('M', "process_name", null, pid, pid, 0, SampleEvent.NO_DURATION).arg("name", name));
        add(new SampleEvent('M', "process_labels", null, pid, pid, 0, SampleEvent.NO_DURATION).arg("labels", labels));
        add(new SampleEvent('M', "process_sort_index", null, pid, pid, 0, SampleEvent.NO_DURATION)
                .arg("sort_index", sortIndex));
    }

    private void thread(long pid, long tid, String name) {
        add(new SampleEvent('M', "thread_name", null, pid, tid, 0, SampleEvent.NO_DURATION).arg("name", name));
    }

    /** Arrivals spread over about 18 s, at least 5 ms apart; the last one lands in the dying batch. */
    private void arrivals() {
        long[] times = new long[REQUESTS];
        for (int i = 0; i < REQUESTS - 1; i++) {
            times[i] = START_NS + 200 * MS + random.nextLong(18_000 * MS);
        }
        Arrays.sort(times, 0, REQUESTS - 1);
        for (int i = 1; i < REQUESTS - 1; i++) {
            times[i] = Math.max(times[i], times[i - 1] + 5 * MS);
        }
        times[REQUESTS - 1] = Math.max(START_NS + 18_600 * MS, times[REQUESTS - 2] + 300 * MS);
        for (long time : times) {
            Request r = new Request();
            r.id = String.format("chatcmpl-%08x", random.nextInt());
            r.arrival = time + random.nextInt(1000);
            r.promptTokens = 150 + random.nextInt(2400);
            r.outputTokens = 40 + random.nextInt(260);
            requests.add(r);
        }
    }

    private void handleHttp(Request r) {
        long tokenize = 150 * US + r.promptTokens * 350L;
        long http = tokenize + (250 + random.nextInt(350)) * US;
        long start = apiMain.claim(r.arrival, http);
        SampleEvent begin = new SampleEvent('b', "request", "request", API_PID, API_MAIN_TID, start,
                SampleEvent.NO_DURATION).arg("request_id", r.id).arg("prompt_tokens", r.promptTokens);
        begin.id = r.id;
        add(begin);
        add(span(API_PID, API_MAIN_TID, "tokenize", "http", start + 80 * US, tokenize).arg("request_id", r.id)
                .arg("tokens", r.promptTokens));
        add(span(API_PID, API_MAIN_TID, "http.chat_completions", "http", start, http).arg("request_id", r.id)
                .arg("model", MODEL).arg("stream", true));
        r.httpEnd = start + http;
        SampleEvent queued = new SampleEvent('b', "request.queued", "scheduler", SCHEDULER_PID, SCHEDULER_TID,
                r.httpEnd + 40 * US, SampleEvent.NO_DURATION).arg("request_id", r.id);
        queued.id = r.id;
        add(queued);
        queueChanges.add(new long[] {r.httpEnd + 40 * US, 1, 0});
    }

    /** Batched prefill in arrival order; the batch holding the last request is where the worker dies. */
    private void prefill() throws IOException {
        long workerFree = START_NS;
        long lastKvEnd = START_NS;
        int next = 0;
        while (next < requests.size()) {
            long ready = Math.max(workerFree, requests.get(next).httpEnd + 40 * US);
            List<Request> batch = new ArrayList<>();
            int tokens = 0;
            while (next < requests.size() && batch.size() < MAX_PREFILL_BATCH
                    && requests.get(next).httpEnd + 40 * US <= ready
                    && (batch.isEmpty() || tokens + requests.get(next).promptTokens <= MAX_PREFILL_TOKENS)) {
                tokens += requests.get(next).promptTokens;
                batch.add(requests.get(next++));
            }
            boolean dying = next == requests.size();

            long schedule = (300 + 60L * batch.size()) * US;
            long scheduleStart = scheduler.claim(ready, schedule);
            List<String> ids = new ArrayList<>();
            List<Long> flowIds = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                Request r = batch.get(k);
                ids.add(r.id);
                long flowId = nextFlowId++;
                flowIds.add(flowId);
                add(flow('s', SCHEDULER_PID, SCHEDULER_TID, scheduleStart + (100 + 40L * k) * US, flowId));
                SampleEvent dequeued = new SampleEvent('e', "request.queued", "scheduler", SCHEDULER_PID,
                        SCHEDULER_TID, scheduleStart + schedule, SampleEvent.NO_DURATION);
                dequeued.id = r.id;
                add(dequeued);
                queueChanges.add(new long[] {scheduleStart + schedule, -1, 0});
            }
            add(span(SCHEDULER_PID, SCHEDULER_TID, "schedule", "scheduler", scheduleStart, schedule)
                    .arg("phase", "prefill").arg("request_ids", ids).arg("num_tokens", tokens));

            long batchStart = Math.max(scheduleStart + schedule + 80 * US, workerFree);
            if (dying) {
                batchStart = Math.max(batchStart, lastKvEnd + MS);
            }
            long prefillNs = 4 * MS + tokens * 50L * US;
            if (dying) {
                die(batch, batchStart, prefillNs);
                return;
            }
            long batchEnd = prefillBatch(batch, ids, flowIds, tokens, batchStart, prefillNs);
            for (Request r : batch) {
                lastKvEnd = Math.max(lastKvEnd, transferKv(r, batchEnd));
            }
            workerFree = batchEnd + 200 * US;
        }
    }

    private long prefillBatch(List<Request> batch, List<String> ids, List<Long> flowIds, int tokens,
                              long batchStart, long prefillNs) {
        for (int k = 0; k < batch.size(); k++) {
            SampleEvent in = flow('f', PREFILL_PID, PREFILL_MAIN_TID, batchStart + (30 + k) * US, flowIds.get(k));
            in.fields.put("bp", "e");
            add(in);
        }
        long forwardStart = batchStart + 150 * US;
        long forwardEnd = forwardStart;
        for (SampleEvent layerSpan : forwardLayers(PREFILL_PID, PREFILL_MAIN_TID, forwardStart,
                prefillNs - 1500 * US)) {
            add(layerSpan);
            forwardEnd = Math.max(forwardEnd, layerSpan.writtenAtNs());
        }
        add(span(PREFILL_PID, PREFILL_MAIN_TID, "forward", "gpu", forwardStart, forwardEnd - forwardStart + 20 * US)
                .arg("num_tokens", tokens));
        long samplingStart = forwardEnd + 70 * US;
        add(span(PREFILL_PID, PREFILL_MAIN_TID, "sampling", "gpu", samplingStart, 600 * US)
                .arg("batch_size", batch.size()));
        long batchEnd = samplingStart + 700 * US;
        add(span(PREFILL_PID, PREFILL_MAIN_TID, "WorkerProcess.batch_prefill", "worker", batchStart,
                batchEnd - batchStart).arg("request_ids", ids).arg("batch_size", batch.size())
                .arg("num_tokens", tokens));
        add(counter(PREFILL_PID, "kv_cache_usage", batchEnd, "used_pct",
                Math.round(1000.0 * tokens / KV_CAPACITY_TOKENS) / 10.0));
        return batchEnd;
    }

    /** The four layer groups of one forward pass, each an attention span then an mlp span. */
    private List<SampleEvent> forwardLayers(long pid, long tid, long start, long duration) {
        List<SampleEvent> spans = new ArrayList<>();
        long group = duration / LAYER_GROUPS.length;
        long t = start + 10 * US;
        for (String name : LAYER_GROUPS) {
            long attention = group * (50 + random.nextInt(10)) / 100;
            long mlp = group - attention - 60 * US;
            spans.add(span(pid, tid, "attention", "gpu", t + 10 * US, attention).arg("layers", name));
            spans.add(span(pid, tid, "mlp", "gpu", t + 20 * US + attention, mlp).arg("layers", name));
            spans.add(span(pid, tid, name, "gpu", t, group - 20 * US));
            t += group;
        }
        return spans;
    }

    /**
     * The prefill worker dies partway through its last batch: the spans it finished are in its
     * fragment, the next one is cut mid-line, and the API server fails the batch's requests when
     * its health check notices.
     */
    private void die(List<Request> batch, long batchStart, long prefillNs) throws IOException {
        long death = batchStart + prefillNs * 45 / 100;
        SampleEvent cut = null;
        for (SampleEvent layerSpan : forwardLayers(PREFILL_PID, PREFILL_MAIN_TID, batchStart + 150 * US,
                prefillNs - 1500 * US)) {
            if (layerSpan.writtenAtNs() <= death) {
                add(layerSpan);
            } else if (cut == null) {
                cut = layerSpan;
            }
        }
        String line = oneLine(cut);
        cutLineByPid.put(PREFILL_PID, line.substring(0, line.length() * 3 / 5));

        long noticed = death + 2_500 * MS;
        add(new SampleEvent('i', "worker.lost", "scheduler", SCHEDULER_PID, SCHEDULER_TID, death + 2_000 * MS,
                SampleEvent.NO_DURATION).arg("pid", PREFILL_PID).arg("reason", "heartbeat timeout"));
        for (Request r : batch) {
            r.failed = true;
            r.finished = noticed;
            finishHttp(r, 503, "prefill worker " + PREFILL_PID + " exited");
        }
    }

    /** KV cache of one request from the prefill worker to the decode worker; returns its end. */
    private long transferKv(Request r, long ready) {
        long bytes = r.promptTokens * KV_BYTES_PER_TOKEN;
        long duration = 300 * US + bytes / KV_BYTES_PER_US * US;
        long start = kvSender.claim(ready + 50 * US, duration);
        add(new SampleEvent('B', "kv_transfer", "kv", PREFILL_PID, PREFILL_KV_TID, start, SampleEvent.NO_DURATION)
                .arg("request_id", r.id).arg("bytes", bytes).arg("dst", "gpu-node-2"));
        add(new SampleEvent('E', "kv_transfer", "kv", PREFILL_PID, PREFILL_KV_TID, start + duration,
                SampleEvent.NO_DURATION));
        add(span(DECODE_PID, DECODE_KV_TID, "kv_receive", "kv", start + 40 * US, duration - 40 * US)
                .arg("request_id", r.id).arg("bytes", bytes));
        r.kvEnd = start + duration;
        return r.kvEnd;
    }

    private void admitToDecode() {
        List<Request> ready = new ArrayList<>();
        for (Request r : requests) {
            if (!r.failed) {
                ready.add(r);
            }
        }
        ready.sort(Comparator.comparingLong(r -> r.kvEnd));
        for (Request r : ready) {
            long schedule = 180 * US;
            long start = scheduler.claim(r.kvEnd + 100 * US, schedule);
            r.decodeFlowId = nextFlowId++;
            add(span(SCHEDULER_PID, SCHEDULER_TID, "schedule", "scheduler", start, schedule)
                    .arg("phase", "decode").arg("request_id", r.id));
            add(flow('s', SCHEDULER_PID, SCHEDULER_TID, start + 90 * US, r.decodeFlowId));
            r.admitted = start + schedule;
            queueChanges.add(new long[] {r.admitted, 0, 1});
        }
    }

    /** Continuous batching: every step generates one token for each running request. */
    private void decode() {
        List<Request> pending = new ArrayList<>();
        for (Request r : requests) {
            if (!r.failed) {
                pending.add(r);
            }
        }
        pending.sort(Comparator.comparingLong(r -> r.admitted));
        List<Request> running = new ArrayList<>();
        long t = pending.get(0).admitted + 200 * US;
        long step = 0;
        long windowStart = t;
        long windowTokens = 0;
        while (!pending.isEmpty() || !running.isEmpty()) {
            if (running.isEmpty() && pending.get(0).admitted > t) {
                t = pending.get(0).admitted + 200 * US;
            }
            while (!pending.isEmpty() && pending.get(0).admitted <= t) {
                Request joining = pending.remove(0);
                SampleEvent in = flow('f', DECODE_PID, DECODE_MAIN_TID, t + 20 * US, joining.decodeFlowId);
                in.fields.put("bp", "e");
                add(in);
                running.add(joining);
            }
            step++;
            long duration = 22 * MS + running.size() * 350 * US + random.nextInt(1000) * US;
            List<String> ids = new ArrayList<>();
            long cachedTokens = 0;
            for (Request r : running) {
                ids.add(r.id);
                cachedTokens += r.promptTokens + r.generated;
            }
            add(span(DECODE_PID, DECODE_MAIN_TID, "forward", "gpu", t + 100 * US, duration - 1300 * US)
                    .arg("batch_size", running.size()));
            add(span(DECODE_PID, DECODE_MAIN_TID, "sampling", "gpu", t + duration - 1100 * US, 900 * US));
            add(span(DECODE_PID, DECODE_MAIN_TID, "WorkerProcess.batch_decode", "worker", t, duration)
                    .arg("step", step).arg("batch_size", running.size()).arg("request_ids", ids));
            long end = t + duration;
            if (step % 10 == 0) {
                add(counter(DECODE_PID, "kv_cache_usage", end, "used_pct",
                        Math.round(1000.0 * cachedTokens / KV_CAPACITY_TOKENS) / 10.0));
            }
            windowTokens += running.size();
            if (end - windowStart >= 500 * MS) {
                double perSecond = windowTokens * 1e9 / (end - windowStart);
                add(counter(DECODE_PID, "tokens_per_s", end, "value", Math.round(perSecond * 10) / 10.0));
                windowStart = end;
                windowTokens = 0;
            }
            for (Iterator<Request> it = running.iterator(); it.hasNext(); ) {
                Request r = it.next();
                r.generated++;
                if (r.generated >= r.outputTokens) {
                    it.remove();
                    r.finished = end + 1200 * US;
                    SampleEvent finished = new SampleEvent('i', "request.finished", "worker", DECODE_PID,
                            DECODE_MAIN_TID, end, SampleEvent.NO_DURATION).arg("request_id", r.id)
                            .arg("output_tokens", r.generated).arg("finish_reason", "stop");
                    instantScope(finished, "t");
                    add(finished);
                    queueChanges.add(new long[] {end, 0, -1});
                    finishHttp(r, 200, null);
                }
            }
            t = end + 300 * US;
        }
    }

    private void finishHttp(Request r, int status, String error) {
        SampleEvent done = new SampleEvent('i', "http.chat_completions.finished", "http", API_PID, API_MAIN_TID,
                r.finished, SampleEvent.NO_DURATION).arg("request_id", r.id).arg("status", status);
        if (error == null) {
            done.arg("output_tokens", r.generated);
        } else {
            done.arg("error", error);
        }
        instantScope(done, "t");
        add(done);
        SampleEvent end = new SampleEvent('e', "request", "request", API_PID, API_MAIN_TID, r.finished,
                SampleEvent.NO_DURATION);
        end.id = r.id;
        add(end);
    }

    /**
     * Two consecutive requests whose streamed responses overlap on the asyncio thread: the second
     * starts before the first ends and ends after it, the interleaving a coroutine-based server makes.
     */
    private void overlappingStreams() {
        for (int i = REQUESTS / 4; i + 1 < REQUESTS; i++) {
            Request a = requests.get(i);
            Request b = requests.get(i + 1);
            long aStart = a.httpEnd + 200 * US;
            long bStart = b.httpEnd + 200 * US;
            if (!a.failed && !b.failed && bStart < a.finished && a.finished < b.finished
                    && !insideHttp(a.finished) && !insideHttp(b.finished)) {
                add(span(API_PID, API_MAIN_TID, "http.stream_response", "http", aStart, a.finished - aStart)
                        .arg("request_id", a.id));
                add(span(API_PID, API_MAIN_TID, "http.stream_response", "http", bStart, b.finished - bStart)
                        .arg("request_id", b.id));
                return;
            }
        }
        throw new IllegalStateException("no two consecutive requests stream at the same time");
    }

    private boolean insideHttp(long time) {
        for (Request r : requests) {
            if (time >= r.arrival - MS && time <= r.httpEnd + MS) {
                return true;
            }
        }
        return false;
    }

    private void queueDepthCounters() {
        queueChanges.sort(Comparator.comparingLong(change -> change[0]));
        long waiting = 0;
        long running = 0;
        for (long[] change : queueChanges) {
            waiting += change[1];
            running += change[2];
            add(new SampleEvent('C', "queue_depth", "scheduler", SCHEDULER_PID, SCHEDULER_TID, change[0],
                    SampleEvent.NO_DURATION).arg("waiting", waiting).arg("running", running));
        }
    }

    private static SampleEvent span(long pid, long tid, String name, String cat, long start, long duration) {
        return new SampleEvent('X', name, cat, pid, tid, start, duration);
    }

    private static SampleEvent flow(char ph, long pid, long tid, long ts, long id) {
        SampleEvent event = new SampleEvent(ph, "dispatch", "flow", pid, tid, ts, SampleEvent.NO_DURATION);
        event.id = id;
        return event;
    }

    private static SampleEvent counter(long pid, String name, long ts, String key, double value) {
        return new SampleEvent('C', name, "metrics", pid, pid, ts, SampleEvent.NO_DURATION).arg(key, value);
    }

    private static void instantScope(SampleEvent instant, String scope) {
        instant.fields.put("s", scope);
    }

    private void add(SampleEvent event) {
        eventsByPid.computeIfAbsent(event.pid, pid -> new ArrayList<>()).add(event);
    }

    private static String oneLine(SampleEvent event) throws IOException {
        StringWriter text = new StringWriter();
        try (ChromeEventWriter out = new ChromeEventWriter(text, TraceLayout.JSONL)) {
            event.writeTo(out);
        }
        return text.toString().trim();
    }

    /** Events in the order the process's tracer wrote them: each when it completed. */
    private void writeFragment(Path file, List<SampleEvent> events, String cutLine) throws IOException {
        List<SampleEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(SampleEvent::writtenAtNs));
        Writer target = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try (ChromeEventWriter out = new ChromeEventWriter(target, TraceLayout.JSONL)) {
            for (SampleEvent event : ordered) {
                event.writeTo(out);
            }
            if (cutLine != null) {
                out.writeCutLine(cutLine);
            }
        }
    }
}
