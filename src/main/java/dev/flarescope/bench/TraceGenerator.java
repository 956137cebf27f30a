package dev.flarescope.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.flarescope.cli.Arguments;
import dev.flarescope.cli.Cli;
import dev.flarescope.cli.CommandSpec;
import dev.flarescope.cli.Converters;
import dev.flarescope.cli.Option;
import dev.flarescope.cli.Subcommand;
import dev.flarescope.cli.ValueConverter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic LLM-serving Chrome trace of exactly N events, for measuring how fast traces load
 * and render at sizes no real capture at hand reaches (1M events is about 110 MB).
 *
 * <p>The trace has the shape of a serving stack: an API server whose requests are async {@code b/e}
 * spans with a nested HTTP handler and tokenizer, a scheduler that hands each request to a worker
 * with a flow ({@code s/f}), and workers running decode steps as nested {@code X} spans (step, forward,
 * layers, attention and mlp, sampling), KV transfers as {@code B/E} pairs, counters and instants. Spans
 * are written when they finish (children before parents), as tracers that emit complete events do.
 *
 * <p>Events are streamed; memory use does not depend on N. Output is a pure function of N, the layout
 * and the seed.
 */
public final class TraceGenerator {

    private static final int WORKERS = 4;
    private static final long API_PID = 1000;
    private static final long API_LOOP_TID = 1000;
    private static final long SCHEDULER_PID = 2000;
    private static final long SCHEDULER_TID = 2000;
    private static final long WORKER_PID_BASE = 3000;
    private static final int MAX_LAYERS = 6;
    /** Events in one request's lifecycle, see {@link #request}. */
    private static final int REQUEST_EVENTS = 12;
    private static final long US = 1000L;
    private static final int API_LOOP_SLOT = 0;
    private static final int SCHEDULER_SLOT = 1;

    private final ChromeEventWriter out;
    private final SplittableRandom random;
    /** End of the last span per thread, indexed by the {@code *_SLOT} constants. */
    private final long[] busyUntil = new long[2 + 2 * WORKERS];
    private long remaining;
    private long now = 1_000_000 * US;
    private long requests;
    private long steps;

    private TraceGenerator(ChromeEventWriter out, long events, long seed) {
        this.out = out;
        this.remaining = events;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Writes exactly {@code events} events to {@code target} (which is closed afterwards).
     *
     * @return the number of events written
     */
    public static long write(Writer target, TraceLayout layout, long events, long seed) throws IOException {
        if (events < 0) {
            throw new IllegalArgumentException("events must not be negative: " + events);
        }
        try (ChromeEventWriter writer = new ChromeEventWriter(target, layout)) {
            new TraceGenerator(writer, events, seed).run();
            return writer.count();
        }
    }

    /** Writes the trace to a file; see {@link #write(Writer, TraceLayout, long, long)}. */
    public static long write(Path file, TraceLayout layout, long events, long seed) throws IOException {
        Writer target = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        return write(target, layout, events, seed);
    }

    private void run() throws IOException {
        metadata();
        while (remaining > 0) {
            int kind = random.nextInt(10);
            int layers = 1 + random.nextInt(MAX_LAYERS);
            if (kind < 6 && remaining >= workerStepEvents(layers)) {
                workerStep(layers);
                now = Math.max(now, earliestIdleWorker());
            } else if (kind < 9 && remaining >= REQUEST_EVENTS) {
                request();
            } else {
                single();
            }
            now += (20 + random.nextInt(180)) * US;
        }
    }

    private void metadata() throws IOException {
        processName(API_PID, "api_server");
        threadName(API_PID, API_LOOP_TID, "asyncio_loop");
        processName(SCHEDULER_PID, "scheduler");
        threadName(SCHEDULER_PID, SCHEDULER_TID, "schedule_loop");
        for (int w = 0; w < WORKERS; w++) {
            processName(workerPid(w), "worker_" + w);
            threadName(workerPid(w), mainTid(w), "model_runner");
            threadName(workerPid(w), commTid(w), "kv_comm");
        }
    }

    private void processName(long pid, String name) throws IOException {
        metadataEvent("process_name", pid, pid, name);
    }

    private void threadName(long pid, long tid, String name) throws IOException {
        metadataEvent("thread_name", pid, tid, name);
    }

    private void metadataEvent(String kind, long pid, long tid, String value) throws IOException {
        if (remaining == 0) {
            return;
        }
        JsonGenerator json = out.begin('M', kind, null, pid, tid, 0);
        json.writeObjectFieldStart("args");
        json.writeStringField("name", value);
        json.writeEndObject();
        finish();
    }

    private static int workerStepEvents(int layers) {
        // attention, mlp and layer per layer; forward, sampling, step, kv usage counter
        return 3 * layers + 4;
    }

    /** One decode step on a worker's model thread, written in completion order. */
    private void workerStep(int layers) throws IOException {
        int w = random.nextInt(WORKERS);
        long pid = workerPid(w);
        long tid = mainTid(w);
        long stepStart = Math.max(now, busyUntil[mainSlot(w)] + 5 * US);
        long t = stepStart + 10 * US;
        long forwardStart = t;
        for (int layer = 0; layer < layers; layer++) {
            long attention = (150 + random.nextInt(450)) * US;
            long mlp = (100 + random.nextInt(300)) * US;
            long layerStart = t;
            complete("attention", "gpu", pid, tid, t + US, attention, "layer", layer);
            complete("mlp", "gpu", pid, tid, t + 2 * US + attention, mlp, "layer", layer);
            t += attention + mlp + 3 * US;
            complete("layer", "gpu", pid, tid, layerStart, t - layerStart, "index", layer);
        }
        complete("forward", "gpu", pid, tid, forwardStart, t - forwardStart, "layers", layers);
        long sampling = (40 + random.nextInt(120)) * US;
        complete("sampling", "gpu", pid, tid, t + 2 * US, sampling, "top_k", 40);
        long stepEnd = t + sampling + 10 * US;
        steps++;
        JsonGenerator json = out.begin('X', "WorkerProcess.batch_decode", "worker", pid, tid, stepStart);
        out.writeMicros("dur", stepEnd - stepStart);
        json.writeObjectFieldStart("args");
        json.writeNumberField("step", steps);
        json.writeNumberField("batch_size", 1 + random.nextInt(32));
        json.writeEndObject();
        finish();
        counter("kv_cache_usage", pid, stepEnd, "used_pct", random.nextInt(100));
        busyUntil[mainSlot(w)] = stepEnd;
    }

    /** One request from arrival to response: {@value #REQUEST_EVENTS} events over four threads. */
    private void request() throws IOException {
        String id = "req-" + (++requests);
        int w = random.nextInt(WORKERS);

        long tokenize = (80 + random.nextInt(400)) * US;
        long http = tokenize + 60 * US;
        long arrival = claim(API_LOOP_SLOT, now, http);
        asyncEvent('b', id, arrival);
        complete("tokenize", "http", API_PID, API_LOOP_TID, arrival + 30 * US, tokenize, "request_id", id);
        complete("http.chat_completions", "http", API_PID, API_LOOP_TID, arrival, http, "request_id", id);

        long schedule = (20 + random.nextInt(80)) * US;
        long scheduleStart = claim(SCHEDULER_SLOT, arrival + http + (50 + random.nextInt(2000)) * US, schedule);
        complete("schedule", "scheduler", SCHEDULER_PID, SCHEDULER_TID, scheduleStart, schedule, "request_id", id);
        flowEvent('s', SCHEDULER_PID, SCHEDULER_TID, scheduleStart + schedule / 2);
        counter2("queue_depth", SCHEDULER_PID, scheduleStart + schedule,
                "waiting", random.nextInt(64), "running", random.nextInt(32));

        long recv = (15 + random.nextInt(60)) * US;
        long kv = (200 + random.nextInt(3000)) * US;
        long recvStart = claim(commSlot(w), scheduleStart + schedule + (30 + random.nextInt(300)) * US,
                recv + 5 * US + kv);
        complete("recv_request", "worker", workerPid(w), commTid(w), recvStart, recv, "request_id", id);
        flowEvent('f', workerPid(w), commTid(w), recvStart + recv / 2);

        long kvStart = recvStart + recv + 5 * US;
        JsonGenerator json = out.begin('B', "kv_transfer", "kv", workerPid(w), commTid(w), kvStart);
        json.writeObjectFieldStart("args");
        json.writeStringField("request_id", id);
        json.writeEndObject();
        finish();
        out.begin('E', "kv_transfer", "kv", workerPid(w), commTid(w), kvStart + kv);
        finish();

        long done = kvStart + kv + (1000 + random.nextInt(50_000)) * US;
        json = out.begin('i', "http.chat_completions.finished", "http", API_PID, API_LOOP_TID, done);
        json.writeStringField("s", "t");
        json.writeObjectFieldStart("args");
        json.writeStringField("request_id", id);
        json.writeEndObject();
        finish();
        asyncEvent('e', id, done);
    }

    /** When the first worker model thread becomes free: keeps arrivals in step with the workers. */
    private long earliestIdleWorker() {
        long earliest = Long.MAX_VALUE;
        for (int w = 0; w < WORKERS; w++) {
            earliest = Math.min(earliest, busyUntil[mainSlot(w)]);
        }
        return earliest;
    }

    /**
     * Reserves {@code duration} on a thread starting no earlier than {@code earliest} and after the
     * thread's previous span, so spans on one thread never overlap.
     *
     * @return the start of the reserved interval
     */
    private long claim(int slot, long earliest, long duration) {
        long start = Math.max(earliest, busyUntil[slot] + US);
        busyUntil[slot] = start + duration;
        return start;
    }

    /** A lone counter sample or instant: fills the trace to the exact event count. */
    private void single() throws IOException {
        int w = random.nextInt(WORKERS);
        if (random.nextBoolean()) {
            counter("tokens_per_s", workerPid(w), now, "value", 200 + random.nextInt(3000));
        } else {
            JsonGenerator json = out.begin('i', "heartbeat", "scheduler", SCHEDULER_PID, SCHEDULER_TID, now);
            json.writeStringField("s", "p");
            finish();
        }
    }

    private void complete(String name, String cat, long pid, long tid, long ts, long dur, String key, long value)
            throws IOException {
        JsonGenerator json = out.begin('X', name, cat, pid, tid, ts);
        out.writeMicros("dur", dur);
        json.writeObjectFieldStart("args");
        json.writeNumberField(key, value);
        json.writeEndObject();
        finish();
    }

    private void complete(String name, String cat, long pid, long tid, long ts, long dur, String key, String value)
            throws IOException {
        JsonGenerator json = out.begin('X', name, cat, pid, tid, ts);
        out.writeMicros("dur", dur);
        json.writeObjectFieldStart("args");
        json.writeStringField(key, value);
        json.writeEndObject();
        finish();
    }

    private void counter(String name, long pid, long ts, String key, long value) throws IOException {
        JsonGenerator json = out.begin('C', name, "metrics", pid, pid, ts);
        json.writeObjectFieldStart("args");
        json.writeNumberField(key, value);
        json.writeEndObject();
        finish();
    }

    private void counter2(String name, long pid, long ts, String key1, long value1, String key2, long value2)
            throws IOException {
        JsonGenerator json = out.begin('C', name, "metrics", pid, pid, ts);
        json.writeObjectFieldStart("args");
        json.writeNumberField(key1, value1);
        json.writeNumberField(key2, value2);
        json.writeEndObject();
        finish();
    }

    private void asyncEvent(char ph, String id, long ts) throws IOException {
        JsonGenerator json = out.begin(ph, "request", "request", API_PID, API_LOOP_TID, ts);
        json.writeStringField("id", id);
        finish();
    }

    private void flowEvent(char ph, long pid, long tid, long ts) throws IOException {
        JsonGenerator json = out.begin(ph, "dispatch", "flow", pid, tid, ts);
        json.writeNumberField("id", requests);
        if (ph == 'f') {
            json.writeStringField("bp", "e");
        }
        finish();
    }

    private void finish() throws IOException {
        out.end();
        remaining--;
    }

    private static int mainSlot(int worker) {
        return 2 + worker;
    }

    private static int commSlot(int worker) {
        return 2 + WORKERS + worker;
    }

    private static long workerPid(int worker) {
        return WORKER_PID_BASE + worker;
    }

    private static long mainTid(int worker) {
        return workerPid(worker) * 10;
    }

    private static long commTid(int worker) {
        return workerPid(worker) * 10 + 1;
    }

    /** Command line: {@code TraceGenerator --events N [--format json|jsonl] --out PATH [--seed S]}. */
    public static void main(String[] args) {
        System.exit(Cli.runStandalone(new Command(), args));
    }

    static final class Command implements Subcommand {
        private static final Option EVENTS = Option.value("--events", "N",
                "number of trace events to write (about 110 bytes each)").required();
        private static final Option FORMAT = Option.value("--format", "json|jsonl",
                "json: one {\"traceEvents\":[...]} document; jsonl: one event per line (default: json)");
        private static final Option OUT = Option.value("--out", "PATH", "file to write").required();
        private static final Option SEED = Option.value("--seed", "S", "random seed (default: 1)");
        private static final CommandSpec SPEC = new CommandSpec("trace-generator",
                "Writes a synthetic LLM-serving Chrome trace of exactly N events, one event per line.")
                .options(EVENTS, FORMAT, OUT, SEED);

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public int run(Arguments args, PrintWriter stdout, PrintWriter err) {
            long events = args.value(EVENTS, Converters.LONG);
            TraceLayout layout = args.value(FORMAT, new LayoutConverter(), TraceLayout.JSON);
            Path out = args.value(OUT, Converters.PATH);
            long seed = args.value(SEED, Converters.LONG, 1L);
            if (events < 0) {
                err.println("--events must be zero or more, was " + events);
                return Cli.USAGE;
            }
            long started = System.nanoTime();
            try {
                long written = write(out, layout, events, seed);
                double seconds = (System.nanoTime() - started) / 1e9;
                err.printf("wrote %,d events (%,d bytes) to %s in %.1f s%n", written, Files.size(out), out, seconds);
                return 0;
            } catch (IOException e) {
                err.println("cannot write " + out + ": " + IoMessages.reason(e));
                return Cli.USAGE; // an output not written, as for the flarescope commands
            }
        }
    }

    /** {@code json} or {@code jsonl}, in any case. */
    private static final class LayoutConverter implements ValueConverter<TraceLayout> {
        @Override
        public TraceLayout convert(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> TraceLayout.JSON;
                case "jsonl" -> TraceLayout.JSONL;
                default -> throw new IllegalArgumentException("'" + text + "': expected json or jsonl");
            };
        }
    }
}
