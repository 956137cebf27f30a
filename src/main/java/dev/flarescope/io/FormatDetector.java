package dev.flarescope.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.format.Format;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.bench.LlamaBenchReader;
import dev.flarescope.format.metrics.MetricsSniffer;
import dev.flarescope.model.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides an input's format from its first bytes (after gzip is undone), never from its name.
 *
 * <p>A document that opens with {@code [} is a Chrome event array unless its first element is a
 * llama-bench row. One that opens with {@code {} is a Chrome object when it has {@code traceEvents},
 * otherwise its first complete value decides: metrics formats by their keys, an event with {@code ph}
 * means Chrome JSONL. Text that is not JSON may be a llama-bench CSV or Markdown table, or an SSE
 * capture of llama.cpp stream chunks.
 */
public final class FormatDetector {
    /** How much of the input is looked at. */
    public static final int HEAD_BYTES = 256 * 1024;
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** The verdict, with a reason the user can read when the format is unknown. */
    public record Detection(Format format, String reason, long offset) {
    }

    private FormatDetector() {
    }

    public static Detection detect(InputSource source) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(HEAD_BYTES);
        }
        return detect(head);
    }

    public static Detection detect(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < head.length && isSpace(head[i])) {
            i++;
        }
        if (i == head.length) {
            return new Detection(Format.UNKNOWN, "the file is empty", 0);
        }
        byte first = head[i];
        if (first == '[') {
            return detectArray(head, i);
        }
        if (first == '{') {
            return detectObject(head, i);
        }
        String text = new String(head, i, Math.min(head.length - i, 16 * 1024), StandardCharsets.UTF_8);
        if (text.startsWith("data:") || text.startsWith("event:") || text.startsWith(":")) {
            return new Detection(Format.LLAMA_TIMINGS, "server-sent events", i);
        }
        if (LlamaBenchReader.sniffText(text)) {
            return new Detection(Format.LLAMA_BENCH, "llama-bench table", i);
        }
        return new Detection(Format.UNKNOWN, "expected a JSON array or object (a Chrome trace), JSON lines, "
                + "or a llama-bench table, but found " + describe(head, i), i);
    }

    private static Detection detectArray(byte[] head, int start) {
        try (JsonParser p = FACTORY.createParser(head, start, head.length - start)) {
            p.nextToken(); // [
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                JsonNode first = JsonTrees.read(p);
                if (first != null && LlamaBenchReader.sniffJson(first)) {
                    return new Detection(Format.LLAMA_BENCH, "llama-bench JSON", start);
                }
            }
        } catch (IOException e) {
            // the first element is larger than the head or cut: a Chrome array is the only big array we read
        }
        return new Detection(Format.CHROME_JSON, "JSON array of events", start);
    }

    private static Detection detectObject(byte[] head, int start) {
        Set<String> keys = new HashSet<>();
        int end = -1;
        try (JsonParser p = FACTORY.createParser(head, start, head.length - start)) {
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                keys.add(k);
                if (k.equals("traceEvents")) {
                    return new Detection(Format.CHROME_JSON, "JSON object with traceEvents", start);
                }
                if (k.equals("nodes")) {
                    return new Detection(Format.V8_CPU_PROFILE, "JSON object with nodes (a V8 CPU profile)", start);
                }
                p.nextToken();
                p.skipChildren();
            }
            if (t == JsonToken.END_OBJECT) {
                end = start + (int) p.currentLocation().getByteOffset();
            }
        } catch (IOException e) {
            // cut inside the head (a huge first value) or not JSON
        }
        if (end < 0) {
            if (keys.contains("spans") && (keys.contains("traceId") || keys.contains("projectId"))) {
                return new Detection(Format.CLOUD_TRACE, "JSON object with traceId and spans", start);
            }
            if (keys.contains("requests")) {
                return new Detection(Format.INFERENCE_SIM, "JSON object with requests", start);
            }
            if (keys.isEmpty()) {
                return new Detection(Format.UNKNOWN, "expected a JSON object but could not read one: found "
                        + describe(head, start), start);
            }
            return new Detection(Format.CHROME_JSON, "large JSON object", start);
        }
        JsonNode first;
        try {
            first = JsonTrees.read(new String(head, start, end - start, StandardCharsets.UTF_8));
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return new Detection(Format.UNKNOWN, "expected a JSON object: " + why, start);
        }
        if (LlamaBenchReader.sniffJson(first)) {
            return new Detection(Format.LLAMA_BENCH, "llama-bench JSON lines", start);
        }
        if (first.path("spans").isArray() && (first.has("traceId") || first.has("projectId"))) {
            return new Detection(Format.CLOUD_TRACE, "JSON object with traceId and spans", start);
        }
        Format metrics = MetricsSniffer.sniff(first);
        if (metrics != Format.UNKNOWN) {
            return new Detection(metrics, "keys of the first record", start);
        }
        if (first.has("ph") || first.has("name") && first.has("ts")) {
            return new Detection(Format.CHROME_JSONL, "one event per line", start);
        }
        return new Detection(Format.UNKNOWN, "a JSON object with none of the keys of a known format (first keys: "
                + String.join(", ", first.properties().stream().map(java.util.Map.Entry::getKey).limit(8).toList())
                + ")", start);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** A short, printable description of the bytes at {@code i}. */
    static String describe(byte[] head, int i) {
        int n = Math.min(16, head.length - i);
        boolean printable = true;
        for (int k = i; k < i + n; k++) {
            int c = head[k] & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                printable = false;
            }
        }
        if (printable) {
            String s = new String(head, i, n, StandardCharsets.UTF_8).replace("\n", "\\n").replace("\r", "\\r");
            return "\"" + s + (head.length - i > n ? "..." : "") + "\"";
        }
        StringBuilder sb = new StringBuilder("binary data (");
        for (int k = i; k < i + Math.min(8, n); k++) {
            sb.append(String.format("%02x", head[k] & 0xff));
            if (k + 1 < i + Math.min(8, n)) {
                sb.append(' ');
            }
        }
        return sb.append(")").toString();
    }
}
