package dev.flarescope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flarescope.analysis.anomaly.Quantity;
import dev.flarescope.analysis.requests.Measure;
import dev.flarescope.analysis.requests.PhaseInterval;
import dev.flarescope.analysis.requests.RequestMetrics;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.analysis.stats.SpanStat;
import dev.flarescope.format.InputException;
import dev.flarescope.format.chrome.JsonFields;
import dev.flarescope.model.InputSummary;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The report as one pretty-printed JSON document, for scripts and CI. Durations are milliseconds
 * ({@code ...Ms}) or microseconds ({@code durUs}); unknown values are {@code null}.
 *
 * <p>Times of day are on one of two clocks ({@link Clocks}): the trace's, or the metrics records'
 * (usually the wall clock). {@code clockStartUs} gives where each starts. A request's {@code clock}
 * names the clock of its phases, whose {@code startUs} counts from that clock's start. A finding's
 * {@code tsUs} is the absolute time on the clock its {@code clock} names.
 */
final class JsonReport {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final TraceReport report;
    private final JsonGenerator g;

    private JsonReport(TraceReport report, JsonGenerator g) {
        this.report = report;
        this.g = g;
    }

    /** Writes the report; {@code top} limits the span statistics rows, null for all of them. */
    static void write(TraceReport report, Integer top, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            JsonReport r = new JsonReport(report, g);
            g.writeStartObject();
            r.inputs();
            r.events();
            r.processes();
            r.stats(top);
            r.clocks();
            r.requests();
            r.findings();
            g.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private void inputs() throws IOException {
        g.writeArrayFieldStart("inputs");
        for (InputSummary in : report.trace().inputs()) {
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
            strings("notes", in.notes());
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
        strings("skipped", report.skipped());
    }

    private void events() throws IOException {
        Trace trace = report.trace();
        g.writeObjectFieldStart("events");
        g.writeNumberField("total", trace.events());
        g.writeObjectFieldStart("byPhase");
        for (Map.Entry<Character, Long> e : new TreeMap<>(trace.byPhase()).entrySet()) {
            g.writeNumberField(String.valueOf(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void processes() throws IOException {
        g.writeArrayFieldStart("processes");
        for (ProcessTrack p : report.trace().processes()) {
            g.writeStartObject();
            JsonFields.string(g, "host", p.host().isEmpty() ? null : p.host());
            g.writeStringField("pid", p.pid());
            JsonFields.string(g, "name", p.name());
            g.writeNumberField("threads", p.threads().size());
            g.writeNumberField("events", p.events());
            strings("sources", p.sources());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void stats(Integer top) throws IOException {
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
    }

    /** Where each clock starts, absolute µs on that clock; null for a clock nothing is on. */
    private void clocks() throws IOException {
        g.writeObjectFieldStart("clockStartUs");
        for (Clocks.Clock c : Clocks.Clock.values()) {
            micros(c.id(), report.clocks().startNs(c));
        }
        g.writeEndObject();
    }

    private void requests() throws IOException {
        g.writeArrayFieldStart("requests");
        for (RequestTimeline t : report.requests()) {
            RequestMetrics m = t.metrics();
            RequestRecord record = t.record();
            Map<String, Measure> measures = new LinkedHashMap<>();
            measures.put("ttftMs", m.ttftMs());
            measures.put("e2eMs", m.e2eMs());
            measures.put("queueMs", m.queueMs());
            measures.put("prefillTps", m.prefillTps());
            measures.put("decodeTps", m.decodeTps());
            measures.put("itlP50Ms", m.itlP50Ms());
            measures.put("itlP90Ms", m.itlP90Ms());
            measures.put("itlP99Ms", m.itlP99Ms());

            g.writeStartObject();
            g.writeStringField("id", t.id());
            JsonFields.string(g, "provider", TraceReport.provider(t));
            JsonFields.string(g, "model", TraceReport.model(t));
            JsonFields.string(g, "source", record == null ? null : record.source);
            JsonFields.count(g, "inputTokens", m.inputTokens());
            JsonFields.count(g, "outputTokens", m.outputTokens());
            for (Map.Entry<String, Measure> e : measures.entrySet()) {
                JsonFields.number(g, e.getKey(), e.getValue().value());
            }
            g.writeObjectFieldStart("basis");
            for (Map.Entry<String, Measure> e : measures.entrySet()) {
                Measure v = e.getValue();
                JsonFields.string(g, e.getKey(), v.known() ? v.basis().id() : null);
            }
            g.writeEndObject();
            Clocks.Clock clock = Clocks.clockOf(t);
            JsonFields.string(g, "clock", clock == null ? null : clock.id());
            g.writeArrayFieldStart("phases");
            for (PhaseInterval p : t.phases()) {
                g.writeStartObject();
                g.writeStringField("phase", p.phase().id());
                g.writeFieldName("startUs");
                g.writeNumber(JsonFields.micros(report.clocks().sinceStart(clock, p.startNs())));
                g.writeFieldName("durUs");
                g.writeNumber(JsonFields.micros(p.durNs()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("failed", t.failed());
            g.writeStringField("failureReason", t.failureReason());
            Set<String> rules = new LinkedHashSet<>();
            report.findingsOf(t.id()).forEach(f -> rules.add(f.rule()));
            strings("findings", rules);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void findings() throws IOException {
        g.writeArrayFieldStart("findings");
        for (ReportFinding f : report.findings()) {
            g.writeStartObject();
            g.writeStringField("rule", f.rule());
            g.writeStringField("severity", f.severity().id());
            g.writeStringField("message", f.message());
            JsonFields.string(g, "request", f.request());
            JsonFields.string(g, "process", f.process());
            JsonFields.string(g, "thread", f.thread());
            JsonFields.string(g, "clock", f.clock() == null ? null : f.clock().id());
            micros("tsUs", f.startNs());
            g.writeFieldName("durUs");
            if (f.durNs() >= 0) {
                g.writeNumber(JsonFields.micros(f.durNs()));
            } else {
                g.writeNull();
            }
            g.writeObjectFieldStart("numbers");
            for (Map.Entry<String, Quantity> e : f.numbers().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                JsonFields.number(g, "value", e.getValue().value());
                g.writeStringField("unit", e.getValue().unit());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A time as exact decimal microseconds, or null for {@link RawEvent#NO_TIME}. */
    private void micros(String field, long ns) throws IOException {
        g.writeFieldName(field);
        if (ns == RawEvent.NO_TIME) {
            g.writeNull();
        } else {
            g.writeNumber(JsonFields.micros(ns));
        }
    }

    private void strings(String field, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}
