package dev.flarescope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flarescope.analysis.stats.SpanStat;
import dev.flarescope.format.InputException;
import dev.flarescope.model.InputSummary;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report as one pretty-printed JSON document, for scripts and CI. Times are milliseconds
 * ({@code ...Ms}) or microseconds on the trace clock ({@code tsUs}, {@code durUs}); unknown values are
 * {@code null}.
 */
final class JsonReport {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    /** Writes the report; {@code top} limits the span statistics rows, null for all of them. */
    static void write(TraceReport report, Integer top, Writer out) throws IOException {
        Trace trace = report.trace();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();

            g.writeArrayFieldStart("inputs");
            for (InputSummary in : trace.inputs()) {
                g.writeStartObject();
                g.writeStringField("path", in.path());
                g.writeStringField("format", in.format());
                g.writeNumberField("bytes", in.bytes());
                g.writeNumberField("events", in.events());
                g.writeNumberField("malformedLines", in.malformedLines());
                g.writeBooleanField("truncated", in.truncated());
                JsonFields.string(g, "host", in.host().isEmpty() ? null : in.host());
                g.writeNumberField("offsetMs", in.offsetNs() / 1e6);
                g.writeNumberField("requests", in.requests());
                g.writeArrayFieldStart("notes");
                for (String n : in.notes()) {
                    g.writeString(n);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("failures");
            for (InputException f : report.failures()) {
                g.writeStartObject();
                g.writeStringField("path", f.path());
                JsonFields.count(g, "offset", f.offset());
                g.writeStringField("message", f.getMessage());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("skipped");
            for (String s : report.skipped()) {
                g.writeString(s);
            }
            g.writeEndArray();

            g.writeObjectFieldStart("events");
            g.writeNumberField("total", trace.events());
            g.writeObjectFieldStart("byPhase");
            for (Map.Entry<Character, Long> e : new TreeMap<>(trace.byPhase()).entrySet()) {
                g.writeNumberField(String.valueOf(e.getKey()), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();

            g.writeArrayFieldStart("processes");
            for (ProcessTrack p : trace.processes()) {
                g.writeStartObject();
                JsonFields.string(g, "host", p.host().isEmpty() ? null : p.host());
                g.writeStringField("pid", p.pid());
                JsonFields.string(g, "name", p.name());
                g.writeNumberField("threads", p.threads().size());
                g.writeNumberField("events", p.events());
                g.writeArrayFieldStart("sources");
                for (String s : p.sources()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();

            List<SpanStat> rows = report.stats().rows();
            g.writeNumberField("spans", report.stats().spanCount());
            g.writeArrayFieldStart("stats");
            for (SpanStat s : top == null ? rows : rows.subList(0, Math.min(top, rows.size()))) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeNumberField("count", s.count());
                g.writeNumberField("totalMs", s.totalNs() / 1e6);
                g.writeNumberField("selfMs", s.selfNs() / 1e6);
                g.writeNumberField("maxMs", s.maxNs() / 1e6);
                g.writeNumberField("meanMs", s.meanNs() / 1e6);
                g.writeNumberField("p50Ms", s.p50Ns() / 1e6);
                g.writeNumberField("p90Ms", s.p90Ns() / 1e6);
                g.writeNumberField("p99Ms", s.p99Ns() / 1e6);
                g.writeNumberField("selfShare", s.share());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("requests");
            for (RequestRecord r : trace.requests()) {
                g.writeStartObject();
                JsonFields.requestSummary(g, r);
                JsonFields.string(g, "source", r.source);
                g.writeBooleanField("failed", r.failed);
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("findings");
            for (ReportFinding f : report.findings()) {
                g.writeStartObject();
                g.writeStringField("rule", f.rule());
                g.writeStringField("severity", f.severity().id());
                g.writeStringField("message", f.message());
                JsonFields.string(g, "process", f.process());
                JsonFields.string(g, "thread", f.thread());
                JsonFields.string(g, "request", f.request());
                g.writeFieldName("tsUs");
                if (f.hasTime()) {
                    g.writeNumber(Units.micros(f.tsNs()));
                    g.writeFieldName("durUs");
                    g.writeNumber(Units.micros(f.durNs()));
                } else {
                    g.writeNull();
                    g.writeNullField("durUs");
                }
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }
}
