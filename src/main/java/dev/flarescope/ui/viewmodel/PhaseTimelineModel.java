package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.Measure;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The per-request phase timeline of one {@link TraceSession}: which requests are shown, in what order
 * and groups, on which time axis, and the distributions of their TTFT, inter-token latency and decode
 * speed.
 *
 * <p>Requests whose times are on the trace's clock share the trace timeline's axis: their viewport is
 * {@link TraceSession#viewport()}, so zooming either view moves both. Requests known only from metrics
 * records are on the records' clock and get a viewport of their own. When both kinds are loaded, the
 * user picks the clock; requests without any times are listed under either.
 */
public final class PhaseTimelineModel {
    /** Distribution bins. */
    public static final int HISTOGRAM_BINS = 24;

    /** Row order. TTFT and E2E put the slowest first; unknown values go last. */
    public enum SortKey {
        ARRIVAL("Arrival"), TTFT("TTFT (slowest first)"), E2E("E2E (slowest first)");

        private final String label;

        SortKey(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Row grouping. */
    public enum GroupKey {
        NONE("No grouping"), MODEL("Model"), PROCESS("Process");

        private final String label;

        GroupKey(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final TraceSession session;
    private final ObjectProperty<SortKey> sort = new SimpleObjectProperty<>(this, "sort", SortKey.ARRIVAL);
    private final ObjectProperty<GroupKey> group = new SimpleObjectProperty<>(this, "group", GroupKey.NONE);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty onlyWithFindings = new SimpleBooleanProperty(this, "onlyWithFindings");
    private final ObservableList<RequestClock> clocks = FXCollections.observableArrayList();
    private final ObjectProperty<RequestClock> clock = new SimpleObjectProperty<>(this, "clock");
    private final ObjectProperty<TimeRange> recordViewport = new SimpleObjectProperty<>(this, "recordViewport");
    private final ReadOnlyObjectWrapper<List<PhaseRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyObjectWrapper<Histogram> ttft = new ReadOnlyObjectWrapper<>(this, "ttft", Histogram.EMPTY);
    private final ReadOnlyObjectWrapper<Histogram> itl = new ReadOnlyObjectWrapper<>(this, "itl", Histogram.EMPTY);
    private final ReadOnlyObjectWrapper<Histogram> decode = new ReadOnlyObjectWrapper<>(this, "decode",
            Histogram.EMPTY);
    private TimeRange recordBounds;
    private long recordStart;

    public PhaseTimelineModel(TraceSession session) {
        this.session = session;
        session.analysis().addListener((obs, old, a) -> analysisChanged(a));
        for (Observable o : List.of(sort, group, filter, onlyWithFindings, clock)) {
            o.addListener(x -> rebuild());
        }
        analysisChanged(session.analysis().get());
    }

    public TraceSession session() {
        return session;
    }

    public ObjectProperty<SortKey> sort() {
        return sort;
    }

    public ObjectProperty<GroupKey> group() {
        return group;
    }

    /** Case-insensitive text matched against id, model, process, failure reason and finding rules. */
    public StringProperty filter() {
        return filter;
    }

    public BooleanProperty onlyWithFindings() {
        return onlyWithFindings;
    }

    /** The clocks the loaded requests are on (one or two), trace clock first. */
    public ObservableList<RequestClock> clocks() {
        return clocks;
    }

    /** The clock whose requests are shown. */
    public ObjectProperty<RequestClock> clock() {
        return clock;
    }

    /** The rows to draw: group headers and requests, top to bottom. */
    public ReadOnlyObjectProperty<List<PhaseRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public List<PhaseRow> rows() {
        return rows.get();
    }

    /** TTFT of the shown requests, ms. */
    public ReadOnlyObjectProperty<Histogram> ttftHistogram() {
        return ttft.getReadOnlyProperty();
    }

    /** Every inter-token gap of the shown requests, ms. */
    public ReadOnlyObjectProperty<Histogram> itlHistogram() {
        return itl.getReadOnlyProperty();
    }

    /** Decode speed of the shown requests, tok/s. */
    public ReadOnlyObjectProperty<Histogram> decodeHistogram() {
        return decode.getReadOnlyProperty();
    }

    /** The time axis of the shown clock: the session's viewport on the trace clock, an own one otherwise. */
    public ObjectProperty<TimeRange> viewport() {
        return clock.get() == RequestClock.RECORD ? recordViewport : session.viewport();
    }

    /** The axis of requests on the records' clock, whichever clock is shown. */
    public ObjectProperty<TimeRange> recordViewport() {
        return recordViewport;
    }

    /** All the time the shown clock covers, or null when nothing is loaded. */
    public TimeRange bounds() {
        if (clock.get() == RequestClock.RECORD) {
            return recordBounds;
        }
        Trace t = session.trace();
        return t == null ? null : TraceSession.bounds(t);
    }

    /** Where ruler labels count from: the trace's start, or the first request on the records' clock. */
    public long origin() {
        if (clock.get() == RequestClock.RECORD) {
            return recordStart;
        }
        Trace t = session.trace();
        return t == null ? 0 : t.minTs();
    }

    /** Shows the whole of the shown clock. */
    public void showAll() {
        TimeRange b = bounds();
        if (b != null) {
            viewport().set(b);
        }
    }

    /** Selects a request (null clears), shared with the other views through the session. */
    public void select(String requestId) {
        session.selectedRequest().set(requestId);
    }

    /** Index in {@link #rows()} of the request with this id, or -1 when it is not shown. */
    public int rowOf(String requestId) {
        List<PhaseRow> r = rows.get();
        for (int i = 0; i < r.size(); i++) {
            if (!r.get(i).isHeader() && r.get(i).request().id().equals(requestId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Makes a request visible: switches to its clock, clears a filter that hides it, and moves the
     * viewport onto it when it is off screen. Returns its row, or -1 when no such request exists.
     */
    public int reveal(String requestId) {
        AnalysisResult a = session.analysis().get();
        RequestTimeline t = a == null ? null : a.request(requestId);
        if (t == null) {
            return -1;
        }
        RequestClock c = RequestClock.of(t);
        if (c != null && clocks.contains(c)) {
            clock.set(c);
        }
        if (rowOf(requestId) < 0) {
            filter.set("");
            onlyWithFindings.set(false);
        }
        long s = RequestFacts.startNs(t);
        long e = RequestFacts.endNs(t);
        TimeRange v = viewport().get();
        TimeRange b = bounds();
        if (s != RawEvent.NO_TIME && v != null && b != null && !v.overlaps(s, Math.max(s + 1, e))) {
            viewport().set(ViewportMath.fit(s, Math.max(s + 1, e), 0.1, b));
        }
        return rowOf(requestId);
    }

    private void analysisChanged(AnalysisResult a) {
        List<RequestClock> present = new ArrayList<>();
        long rs = Long.MAX_VALUE;
        long re = Long.MIN_VALUE;
        if (a != null) {
            boolean trace = false;
            boolean record = false;
            for (RequestTimeline t : a.requests()) {
                RequestClock c = RequestClock.of(t);
                trace |= c == RequestClock.TRACE;
                record |= c == RequestClock.RECORD;
                if (c == RequestClock.RECORD && RequestFacts.startNs(t) != RawEvent.NO_TIME) {
                    rs = Math.min(rs, RequestFacts.startNs(t));
                    re = Math.max(re, RequestFacts.endNs(t));
                }
            }
            if (trace || !record) {
                present.add(RequestClock.TRACE);
            }
            if (record) {
                present.add(RequestClock.RECORD);
            }
        }
        TimeRange newBounds = null;
        if (rs != Long.MAX_VALUE) {
            long pad = Math.max(1, (re - rs) / 50);
            newBounds = new TimeRange(rs - pad, Math.max(rs + 1, re) + pad);
            recordStart = rs;
        }
        if (!Objects.equals(newBounds, recordBounds)) {
            recordBounds = newBounds;
            recordViewport.set(newBounds);
        }
        clocks.setAll(present);
        if (!present.contains(clock.get())) {
            clock.set(present.isEmpty() ? null : present.get(0));
        }
        rebuild();
    }

    private void rebuild() {
        AnalysisResult a = session.analysis().get();
        if (a == null) {
            rows.set(List.of());
            ttft.set(Histogram.EMPTY);
            itl.set(Histogram.EMPTY);
            decode.set(Histogram.EMPTY);
            return;
        }
        Trace trace = session.trace();
        Map<String, List<Finding>> byRequest = RequestFacts.findingsByRequest(a);
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        List<PhaseRow> shown = new ArrayList<>();
        for (RequestTimeline t : a.requests()) {
            RequestClock c = RequestClock.of(t);
            if (c != null && c != clock.get()) {
                continue;
            }
            List<Finding> findings = byRequest.getOrDefault(t.id(), List.of());
            if (onlyWithFindings.get() && findings.isEmpty()) {
                continue;
            }
            PhaseRow row = new PhaseRow(null, t, findings, RequestFacts.model(t), RequestFacts.process(trace, t));
            if (needle.isEmpty() || matches(row, needle)) {
                shown.add(row);
            }
        }
        shown.sort(order(sort.get()));
        rows.set(grouped(shown));
        ttft.set(Histogram.of(values(shown, t -> known(t.metrics().ttftMs())), HISTOGRAM_BINS));
        decode.set(Histogram.of(values(shown, t -> known(t.metrics().decodeTps())), HISTOGRAM_BINS));
        itl.set(Histogram.of(interTokenGaps(shown), HISTOGRAM_BINS));
    }

    private List<PhaseRow> grouped(List<PhaseRow> sorted) {
        if (group.get() == GroupKey.NONE) {
            return List.copyOf(sorted);
        }
        Map<String, List<PhaseRow>> groups = new LinkedHashMap<>();
        for (PhaseRow r : sorted) {
            String key = group.get() == GroupKey.MODEL ? r.model() : r.process();
            groups.computeIfAbsent(key == null ? "(unknown)" : key, k -> new ArrayList<>()).add(r);
        }
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort(String.CASE_INSENSITIVE_ORDER);
        List<PhaseRow> out = new ArrayList<>();
        for (String k : keys) {
            List<PhaseRow> members = groups.get(k);
            out.add(PhaseRow.header(k + "  \u00b7  " + members.size() + (members.size() == 1 ? " request" : " requests")));
            out.addAll(members);
        }
        return List.copyOf(out);
    }

    private static boolean matches(PhaseRow row, String needle) {
        RequestTimeline t = row.request();
        List<String> haystack = new ArrayList<>(List.of(t.id()));
        if (row.model() != null) {
            haystack.add(row.model());
        }
        if (row.process() != null) {
            haystack.add(row.process());
        }
        if (t.failed()) {
            haystack.add("failed " + t.failureReason());
        }
        row.findings().forEach(f -> haystack.add(f.ruleId()));
        return haystack.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle));
    }

    private static Comparator<PhaseRow> order(SortKey key) {
        Comparator<RequestTimeline> byArrival = Comparator
                .comparing((RequestTimeline t) -> RequestFacts.startNs(t) == RawEvent.NO_TIME)
                .thenComparingLong(RequestFacts::startNs);
        Comparator<RequestTimeline> c = switch (key) {
            case ARRIVAL -> byArrival;
            case TTFT -> slowestFirst(t -> known(t.metrics().ttftMs())).thenComparing(byArrival);
            case E2E -> slowestFirst(t -> known(t.metrics().e2eMs())).thenComparing(byArrival);
        };
        return Comparator.comparing(PhaseRow::request, c.thenComparing(RequestTimeline::id));
    }

    private static Comparator<RequestTimeline> slowestFirst(ToDoubleFunction<RequestTimeline> value) {
        return Comparator.comparing((RequestTimeline t) -> Double.isNaN(value.applyAsDouble(t)))
                .thenComparing(Comparator.comparingDouble(value).reversed());
    }

    private static double known(Measure m) {
        return m.known() ? m.value() : Double.NaN;
    }

    private static double[] values(List<PhaseRow> rows, ToDoubleFunction<RequestTimeline> f) {
        return rows.stream().mapToDouble(r -> f.applyAsDouble(r.request())).filter(Double::isFinite).toArray();
    }

    /** Gaps between consecutive tokens where token times are known, else the record's reported ITLs, ms. */
    static double[] interTokenGaps(List<PhaseRow> rows) {
        List<Double> gaps = new ArrayList<>();
        for (PhaseRow r : rows) {
            long[] tokens = r.request().tokenTimesNs();
            if (tokens.length >= 2) {
                for (int i = 1; i < tokens.length; i++) {
                    gaps.add((tokens[i] - tokens[i - 1]) / 1e6);
                }
                continue;
            }
            RequestRecord rec = r.request().record();
            if (rec != null && rec.itlMs != null) {
                for (double g : rec.itlMs) {
                    gaps.add(g);
                }
            }
        }
        return gaps.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
