package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.DecodeCeilings;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.anomaly.Quantity;
import dev.flarescope.analysis.anomaly.Rule;
import dev.flarescope.analysis.anomaly.Thresholds;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.BenchResult;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The findings panel: every finding of the analysis, filtered by severity and rule, with what the
 * panel says about each (the numbers that convict, the rule's explanation) and where selecting one
 * takes the user.
 *
 * <p>Selecting a finding highlights it for every view ({@link TraceSession#highlightedFinding()}) and,
 * when it names a request, selects that request ({@link TraceSession#selectedRequest()});
 * {@link #target(Finding)} says where to navigate.
 */
public final class FindingsModel {
    /** Severities from worst to mildest, as the panel lists them. */
    public static final List<Severity> SEVERITIES = List.of(Severity.ERROR, Severity.WARNING, Severity.INFO);

    /** A choice of rules to show: all of them (empty set), one, or those behind a dashboard tile. */
    public record RuleFilter(String label, Set<String> ruleIds) {
        public static final RuleFilter ALL = new RuleFilter("All rules", Set.of());

        public RuleFilter {
            ruleIds = Set.copyOf(ruleIds);
        }

        public boolean accepts(Finding f) {
            return ruleIds.isEmpty() || ruleIds.contains(f.ruleId());
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * Where a finding is: the request it names (null when none) and where the trace timeline shows its
     * evidence (null when its times are not on the trace's clock).
     */
    public record Target(String requestId, TimelineTarget timeline) {
        public boolean isNowhere() {
            return requestId == null && timeline == null;
        }
    }

    private final AnalysisViewModel analysis;
    private final ObservableList<Finding> all = FXCollections.observableArrayList();
    private final FilteredList<Finding> shown = new FilteredList<>(all);
    private final Map<Severity, BooleanProperty> showSeverity = new EnumMap<>(Severity.class);
    private final Map<Severity, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Severity.class);
    private final ObservableList<RuleFilter> ruleFilters = FXCollections.observableArrayList(RuleFilter.ALL);
    private final ObjectProperty<RuleFilter> ruleFilter = new SimpleObjectProperty<>(this, "ruleFilter",
            RuleFilter.ALL);

    public FindingsModel(AnalysisViewModel analysis) {
        this.analysis = analysis;
        for (Severity s : Severity.values()) {
            BooleanProperty p = new SimpleBooleanProperty(this, s.id(), true);
            p.addListener(x -> applyFilter());
            showSeverity.put(s, p);
            counts.put(s, new ReadOnlyIntegerWrapper(this, s.id() + "Count"));
        }
        ruleFilter.addListener((obs, old, f) -> applyFilter());
        analysis.session().analysis().addListener((obs, old, a) -> analysisChanged(a));
        analysisChanged(analysis.session().analysis().get());
    }

    /** The findings that pass the filters, most severe first. */
    public ObservableList<Finding> shown() {
        return shown;
    }

    /** Whether findings of a severity are shown. */
    public BooleanProperty showSeverity(Severity s) {
        return showSeverity.get(s);
    }

    /** Findings of a severity in the whole analysis, whatever the filters. */
    public ReadOnlyIntegerProperty count(Severity s) {
        return counts.get(s).getReadOnlyProperty();
    }

    /** "All rules" and each rule that has findings (plus a tile's choice while it is in force). */
    public ObservableList<RuleFilter> ruleFilters() {
        return ruleFilters;
    }

    public ObjectProperty<RuleFilter> ruleFilter() {
        return ruleFilter;
    }

    /** Shows only the findings of {@code ruleIds} (a dashboard tile's), under {@code label}, at every severity. */
    public void showRules(String label, Set<String> ruleIds) {
        RuleFilter f = ruleIds.size() == 1 ? byRule(ruleIds.iterator().next()) : null;
        if (f == null) {
            f = new RuleFilter(label, ruleIds);
            ruleFilters.removeIf(r -> r.ruleIds().size() > 1);
            ruleFilters.add(f);
        }
        showSeverity.values().forEach(p -> p.set(true));
        ruleFilter.set(f);
    }

    /** Highlights a finding for every view (null clears) and selects the request it names. */
    public void select(Finding f) {
        TraceSession session = analysis.session();
        session.highlightedFinding().set(f);
        if (f != null && f.evidence().requestId() != null) {
            session.selectedRequest().set(f.evidence().requestId());
        }
    }

    /** Where a finding is: its request, and its place on the trace timeline. */
    public Target target(Finding f) {
        AnalysisResult a = analysis.result();
        String id = f.evidence().requestId();
        RequestTimeline request = id == null || a == null ? null : a.request(id);
        TimelineTarget timeline = null;
        if (RequestClock.of(f, a) == RequestClock.TRACE) {
            long s = f.evidence().startNs();
            long e = f.evidence().endNs() == RawEvent.NO_TIME ? s : f.evidence().endNs();
            int process = f.evidence().process();
            int thread = f.evidence().thread();
            if (request != null) {
                TimelineTarget r = RequestFacts.timelineTarget(request);
                s = Math.min(s, r.range().start());
                e = Math.max(e, r.range().end());
                process = process >= 0 ? process : r.process();
                thread = thread >= 0 ? thread : r.thread();
            }
            timeline = new TimelineTarget(new TimeRange(s, Math.max(s + 1, e)), process, thread);
        }
        return new Target(request == null ? null : id, timeline);
    }

    /** The numbers that convict, in the order the rule gave them: "decode speed: 16655.2 tok/s". */
    public static List<String> numbers(Finding f) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Quantity> e : f.evidence().numbers().entrySet()) {
            lines.add(e.getKey() + ": " + e.getValue().format());
        }
        return lines;
    }

    /** Why the rule's condition cannot (or should not) happen, from the rule itself. */
    public static String explanation(Finding f) {
        Rule r = AnalysisViewModel.rule(f.ruleId());
        return r == null ? "" : r.explanation();
    }

    /**
     * The decode speed ceilings in force, one line per llama-bench baseline loaded:
     * "ceiling: 21.3 tok/s measured by llama-bench (qwen3 8B Q4_K - Medium)", followed by the limit the
     * rules apply; the default ceiling when no baseline is loaded.
     */
    public List<String> ceilingLines() {
        Trace trace = analysis.session().trace();
        Thresholds t = analysis.thresholds().get();
        double factor = t.get(DecodeCeilings.BASELINE_FACTOR);
        Map<String, Double> fastest = new LinkedHashMap<>();
        for (BenchResult b : trace == null ? List.<BenchResult>of() : trace.bench()) {
            if (b.isGeneration() && b.avgTps > 0) {
                String label = b.modelType != null ? b.modelType : b.model;
                fastest.merge(label == null ? "unknown model" : label, b.avgTps, Math::max);
            }
        }
        List<String> lines = new ArrayList<>();
        fastest.forEach((label, tps) -> lines.add("ceiling: " + oneDecimal(tps) + " tok/s measured by llama-bench ("
                + label + "); decode above " + oneDecimal(factor * tps) + " tok/s (" + plain(factor)
                + " \u00d7) is flagged"));
        if (lines.isEmpty()) {
            lines.add("ceiling: " + plain(t.get(DecodeCeilings.DEFAULT_CEILING))
                    + " tok/s default (no llama-bench result loaded; add one to measure this machine's ceiling)");
        }
        return lines;
    }

    private void analysisChanged(AnalysisResult a) {
        List<Finding> findings = a == null ? List.of() : a.findings();
        all.setAll(findings);
        for (Severity s : Severity.values()) {
            counts.get(s).set((int) findings.stream().filter(f -> f.severity() == s).count());
        }
        Set<String> rules = new LinkedHashSet<>();
        findings.forEach(f -> rules.add(f.ruleId()));
        RuleFilter current = ruleFilter.get();
        List<RuleFilter> choices = new ArrayList<>(List.of(RuleFilter.ALL));
        rules.stream().sorted().forEach(r -> choices.add(new RuleFilter(r, Set.of(r))));
        if (current.ruleIds().size() > 1) {
            choices.add(current);
        }
        ruleFilters.setAll(choices);
        ruleFilter.set(choices.contains(current) || current.ruleIds().size() == 1 ? current : RuleFilter.ALL);
        applyFilter();
    }

    private RuleFilter byRule(String id) {
        RuleFilter f = new RuleFilter(id, Set.of(id));
        if (!ruleFilters.contains(f)) {
            ruleFilters.add(f);
        }
        return f;
    }

    private void applyFilter() {
        RuleFilter rf = ruleFilter.get();
        shown.setPredicate(f -> showSeverity.get(f.severity()).get() && (rf == null || rf.accepts(f)));
    }

    private static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }
}
