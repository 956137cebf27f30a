package dev.flarescope.live.demo;

import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A small serving stack in simulation, so every live source has something real to attach to: an
 * API process takes requests, a scheduler queues and batches them, and two workers run prefill and
 * decode steps. Its trace events are Chrome events with process and thread names; each carries its
 * sequence number in {@code args.seq} (so a client can check nothing was lost or repeated) and the
 * request's id in {@code args.request_id}.
 *
 * <p>Events are written when the span they describe has ended (complete {@code X} events), in the
 * order they end. Times are microseconds since the stack started.
 */
final class SimulatedStack {
    private static final int API = 1;
    private static final int SCHEDULER = 2;
    private static final int WORKERS = 2;

    private final EventLog log;
    private final Random random = new Random(42);
    private final PriorityQueue<Pending> pending = new PriorityQueue<>((a, b) -> Long.compare(a.endUs, b.endUs));
    private final double requestsPerSecond;
    private final java.util.List<String> metadata = new java.util.ArrayList<>();
    private long nextArrivalUs;
    private long requestCount;
    private int busy;

    private record Pending(long endUs, String body, boolean requestEnd) {
    }

    SimulatedStack(EventLog log, double requestsPerSecond) {
        this.log = log;
        this.requestsPerSecond = requestsPerSecond;
        names();
    }

    /** Requests in flight (for the metrics endpoint). */
    synchronized int busy() {
        return busy;
    }

    /** Runs the simulation up to {@code nowUs}: requests that arrived start, spans that ended are logged. */
    synchronized void advance(long nowUs) {
        if (requestsPerSecond > 0) {
            while (nextArrivalUs <= nowUs) {
                request("req-" + ++requestCount, nextArrivalUs, 16 + random.nextInt(48));
                nextArrivalUs += (long) (1e6 / requestsPerSecond * (0.5 + random.nextDouble()));
            }
        }
        while (!pending.isEmpty() && pending.peek().endUs <= nowUs) {
            Pending p = pending.poll();
            log.add(seq -> p.body.replace("\"seq\":0", "\"seq\":" + seq));
            if (p.requestEnd) {
                busy--;
            }
        }
    }

    /** Schedules the spans of one request arriving at {@code arrivalUs} that generates {@code tokens} tokens. */
    synchronized void request(String id, long arrivalUs, int tokens) {
        busy++;
        int worker = 3 + (int) (requestCount % WORKERS);
        long queued = arrivalUs + 200 + random.nextInt(800);
        long schedule = queued + 2_000 + random.nextInt(18_000);
        long prefillEnd = schedule + 20_000 + random.nextInt(60_000);
        long t = prefillEnd;
        span(API, 1, "parse", arrivalUs, queued - arrivalUs, id);
        span(SCHEDULER, 1, "queue", queued, schedule - queued, id);
        span(worker, 1, "prefill", schedule, prefillEnd - schedule, id);
        for (int i = 0; i < tokens; i++) {
            long step = 12_000 + random.nextInt(6_000);
            span(worker, 1, "decode_step", t, step, id);
            t += step;
        }
        span(API, 2, "http.request", arrivalUs, t + 300 - arrivalUs, id, true);
    }

    private void span(int pid, int tid, String name, long tsUs, long durUs, String id) {
        span(pid, tid, name, tsUs, durUs, id, false);
    }

    private void span(int pid, int tid, String name, long tsUs, long durUs, String id, boolean requestEnd) {
        String body = String.format(Locale.ROOT, "{\"ph\":\"X\",\"name\":\"%s\",\"cat\":\"demo\",\"pid\":%d,\"tid\":%d,"
                + "\"ts\":%d,\"dur\":%d,\"args\":{\"request_id\":\"%s\",\"seq\":0}}", name, pid, tid, tsUs, durUs, id);
        pending.add(new Pending(tsUs + durUs, body, requestEnd));
    }

    private void names() {
        meta(API, "api-server");
        meta(SCHEDULER, "scheduler");
        for (int w = 0; w < WORKERS; w++) {
            meta(3 + w, "worker-" + w);
        }
    }

    /** The process-name events, which a client that starts listening now needs first. */
    java.util.List<String> metadata() {
        return java.util.List.copyOf(metadata);
    }

    private void meta(int pid, String name) {
        metadata.add(String.format(Locale.ROOT, "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":%d,\"tid\":0,"
                + "\"args\":{\"name\":\"%s\"}}", pid, name));
    }
}
