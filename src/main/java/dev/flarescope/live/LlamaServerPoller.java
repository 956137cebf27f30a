package dev.flarescope.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.TraceSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Polls a llama.cpp server's {@code /metrics} (Prometheus text, {@code llamacpp:*}) and {@code /slots}
 * once a second and turns them into counter tracks of one process, "llama.cpp <host:port>":
 * generated and prompt tokens per second (from the growth of the {@code _total} counters between
 * two polls), requests processing and deferred, KV cache use, and busy slots.
 *
 * <p>An endpoint that answers with an error (llama.cpp without {@code --metrics} answers 501) is not
 * asked again; a server that is not there is asked again on the next poll.
 */
final class LlamaServerPoller {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Gauges kept as they are: metric name to track name. */
    private static final Map<String, String> GAUGES = Map.of(
            "llamacpp:requests_processing", "requests processing",
            "llamacpp:requests_deferred", "requests deferred",
            "llamacpp:kv_cache_usage_ratio", "KV cache use (ratio)",
            "llamacpp:kv_cache_tokens", "KV cache tokens");
    /** Counters turned into rates: metric name to track name. */
    private static final Map<String, String> RATES = Map.of(
            "llamacpp:tokens_predicted_total", "generated tokens/s",
            "llamacpp:prompt_tokens_total", "prompt tokens/s");

    private final URI upstream;
    private final HttpClient client;
    private final String process;
    private final Map<String, double[]> previous = new HashMap<>();
    private boolean metricsGone;
    private boolean slotsGone;

    LlamaServerPoller(URI upstream, HttpClient client) {
        this.upstream = upstream;
        this.client = client;
        this.process = "llama.cpp " + upstream.getHost() + ":" + upstream.getPort();
    }

    /** Name of the input the counters are delivered as. */
    String inputName() {
        return "poll " + upstream.resolve("/metrics");
    }

    /** One poll; returns the counter values read, by track name (empty when the server said nothing). */
    Map<String, Double> poll() throws InterruptedException {
        Map<String, Double> values = new LinkedHashMap<>();
        long now = WallClock.nowNs();
        if (!metricsGone) {
            String text = get("/metrics");
            if (text != null) {
                metrics(PrometheusText.parse(text), now, values);
            }
        }
        if (!slotsGone) {
            String text = get("/slots");
            if (text != null) {
                slots(text, values);
            }
        }
        return values;
    }

    /** Writes one poll's values as counter events at {@code tsNs}, with the process's name. */
    void write(Map<String, Double> values, long tsNs, TraceSink sink) {
        RawEvent e = new RawEvent();
        int valueKey = sink.strings().intern("value");
        int nameKey = sink.strings().intern("name");
        e.ph = 'M';
        e.name = sink.strings().intern("process_name");
        e.pidStr = process;
        e.hasPid = true;
        e.args = sink.args().add("{\"name\":" + HttpServers.quote(process) + "}");
        e.scalars.addString(nameKey, sink.strings().intern(process));
        sink.event(e);
        for (Map.Entry<String, Double> v : values.entrySet()) {
            e.reset();
            e.ph = 'C';
            e.name = sink.strings().intern(v.getKey());
            e.ts = tsNs;
            e.pidStr = process;
            e.hasPid = true;
            e.args = sink.args().add("{\"value\":" + v.getValue() + "}");
            e.scalars.addNumber(valueKey, v.getValue(), RawEvent.NONE);
            sink.event(e);
        }
    }

    private void metrics(Map<String, Double> samples, long now, Map<String, Double> values) {
        for (Map.Entry<String, String> g : GAUGES.entrySet()) {
            Double v = samples.get(g.getKey());
            if (v != null) {
                values.put(g.getValue(), v);
            }
        }
        for (Map.Entry<String, String> r : RATES.entrySet()) {
            Double v = samples.get(r.getKey());
            if (v == null) {
                continue;
            }
            double[] prev = previous.put(r.getKey(), new double[] {v, now});
            if (prev != null && now > prev[1] && v >= prev[0]) {
                values.put(r.getValue(), (v - prev[0]) / ((now - prev[1]) / 1e9));
            }
        }
    }

    private void slots(String text, Map<String, Double> values) {
        try {
            JsonNode slots = JSON.readTree(text);
            if (!slots.isArray()) {
                return;
            }
            int busy = 0;
            for (JsonNode s : slots) {
                boolean processing = s.has("is_processing") ? s.path("is_processing").asBoolean()
                        : s.path("state").asInt(0) != 0;
                if (processing) {
                    busy++;
                }
            }
            values.put("busy slots", (double) busy);
            values.put("slots", (double) slots.size());
        } catch (IOException e) {
            slotsGone = true; // not llama.cpp's slots
        }
    }

    private String get(String path) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(upstream.resolve(path)).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                if (path.equals("/metrics")) {
                    metricsGone = true;
                } else {
                    slotsGone = true;
                }
                return null;
            }
            return r.body();
        } catch (IOException e) {
            return null; // not up (yet); ask again next time
        }
    }

    /** The Prometheus text format, as far as gauges and counters need: {@code name{labels} value [ts]}. */
    static final class PrometheusText {
        private PrometheusText() {
        }

        /** Samples by metric name (labels dropped; the first sample of a name wins). */
        static Map<String, Double> parse(String text) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (String raw : text.split("\n")) {
                String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int brace = line.indexOf('{');
                int space = line.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                String name;
                String rest;
                if (brace >= 0 && brace < space) {
                    int close = line.indexOf('}', brace);
                    if (close < 0) {
                        continue;
                    }
                    name = line.substring(0, brace);
                    rest = line.substring(close + 1).trim();
                } else {
                    name = line.substring(0, space);
                    rest = line.substring(space + 1).trim();
                }
                String value = rest.split("\\s+")[0];
                try {
                    out.putIfAbsent(name, Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    // NaN/Inf spellings other than Java's, or garbage: skip the sample
                }
            }
            return out;
        }
    }
}
