package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.stats.SpanScope;
import dev.flarescope.analysis.stats.SpanStat;
import dev.flarescope.analysis.stats.SpanStatistics;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The statistics table of one {@link TraceSession}: per-name {@link SpanStatistics} for a chosen scope
 * (all threads, one process or one thread), restricted to the session's time selection when there is
 * one, filtered by a name filter.
 *
 * <p>Statistics are computed on the background executor whenever the trace, scope or time selection
 * changes; a result that arrives after a newer request was made is dropped, so the table always ends
 * up showing the latest request. {@link #reveal(SpanStat)} takes the user from a row to the longest
 * span of that name in the scope.
 */
public final class StatisticsViewModel {

    /** One entry of the scope choice: a label and the spans it stands for. */
    public record ScopeChoice(String label, SpanScope scope) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final TraceSession session;
    private final Executor uiThread;
    private final Executor background;

    private final ObservableList<ScopeChoice> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<ScopeChoice> scope = new SimpleObjectProperty<>(this, "scope");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<SpanStat> allRows = FXCollections.observableArrayList();
    private final FilteredList<SpanStat> rows = new FilteredList<>(allRows);
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyLongWrapper spanCount = new ReadOnlyLongWrapper(this, "spanCount");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    /** Bumped on every request; a result is applied only if its number is still the latest. */
    private final AtomicLong generation = new AtomicLong();
    private boolean replacingScopes;

    public StatisticsViewModel(TraceSession session, Executor uiThread, Executor background) {
        this.session = session;
        this.uiThread = uiThread;
        this.background = background;
        session.traceProperty().addListener((obs, old, t) -> traceChanged(t));
        session.timeSelection().addListener((obs, old, sel) -> recompute());
        scope.addListener((obs, old, s) -> {
            if (!replacingScopes) {
                recompute();
            }
        });
        filter.addListener((obs, old, f) -> applyFilter(f));
        traceChanged(session.trace());
    }

    /** "All threads", then each process, then each thread of it. */
    public ObservableList<ScopeChoice> scopes() {
        return scopes;
    }

    public ObjectProperty<ScopeChoice> scope() {
        return scope;
    }

    /** Case-insensitive part of a name; rows whose name does not contain it are hidden. */
    public StringProperty filter() {
        return filter;
    }

    /** The rows to show, by total time, longest first; the view may sort them further. */
    public ObservableList<SpanStat> rows() {
        return rows;
    }

    /** True while statistics are being computed. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** Spans counted in the current rows (before the name filter). */
    public ReadOnlyLongProperty spanCountProperty() {
        return spanCount.getReadOnlyProperty();
    }

    /** Why the last computation failed, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The scope the rows are computed for: the chosen threads within the time selection, if any. */
    public SpanScope effectiveScope() {
        ScopeChoice choice = scope.get();
        SpanScope s = choice == null ? SpanScope.all() : choice.scope();
        TimeRange sel = session.timeSelection().get();
        return sel == null ? s : s.within(sel.start(), sel.end());
    }

    /**
     * The longest finished span named like {@code stat} in the current scope (the earliest of equally
     * long ones), or empty when there is none.
     */
    public Optional<SpanRef> longestInstance(SpanStat stat) {
        Trace trace = session.trace();
        if (trace == null) {
            return Optional.empty();
        }
        int nameId = trace.strings().find(stat.name());
        if (nameId < 0) {
            return Optional.empty();
        }
        SpanScope sc = effectiveScope();
        SpanRef best = null;
        long bestDur = -1;
        long bestStart = Long.MAX_VALUE;
        List<ProcessTrack> processes = trace.processes();
        for (int p = 0; p < processes.size(); p++) {
            List<ThreadTrack> threads = processes.get(p).threads();
            for (int t = 0; t < threads.size(); t++) {
                if (!sc.includes(p, t)) {
                    continue;
                }
                SpanTable s = threads.get(t).spans();
                for (int i = 0; i < s.size(); i++) {
                    long start = s.start(i);
                    if (Math.max(s.name(i), 0) != nameId || start < sc.fromNs() || start >= sc.toNs()
                            || s.hasFlag(i, SpanTable.UNFINISHED)) {
                        continue;
                    }
                    long d = s.dur(i);
                    if (d > bestDur || (d == bestDur && start < bestStart)) {
                        best = new SpanRef(p, t, i);
                        bestDur = d;
                        bestStart = start;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Selects the longest span of the row's name and moves the viewport onto it, with a tenth of its
     * length as margin on either side. Returns false when the scope holds no such span.
     */
    public boolean reveal(SpanStat stat) {
        Optional<SpanRef> ref = longestInstance(stat);
        if (ref.isEmpty()) {
            return false;
        }
        Trace trace = session.trace();
        long start = ref.get().start(trace);
        long end = ref.get().end(trace);
        long margin = Math.max(1, (end - start) / 10);
        session.selectedSpan().set(ref.get());
        session.viewport().set(new TimeRange(start - margin, end + margin));
        return true;
    }

    private void traceChanged(Trace t) {
        List<ScopeChoice> choices = new ArrayList<>();
        if (t != null) {
            choices.add(new ScopeChoice("All threads", SpanScope.all()));
            List<ProcessTrack> processes = t.processes();
            for (int p = 0; p < processes.size(); p++) {
                ProcessTrack process = processes.get(p);
                choices.add(new ScopeChoice(process.label(), SpanScope.ofProcesses(List.of(p))));
                List<ThreadTrack> threads = process.threads();
                for (int th = 0; th < threads.size(); th++) {
                    choices.add(new ScopeChoice(process.label() + " \u203a " + threads.get(th).label(),
                            SpanScope.ofThreads(List.of(new SpanScope.ThreadRef(p, th)))));
                }
            }
        }
        // an equal choice of the previous trace would not notify listeners: recompute explicitly
        replacingScopes = true;
        try {
            scopes.setAll(choices);
            scope.set(choices.isEmpty() ? null : choices.get(0));
        } finally {
            replacingScopes = false;
        }
        recompute();
    }

    private void recompute() {
        long ticket = generation.incrementAndGet();
        Trace trace = session.trace();
        if (trace == null) {
            allRows.clear();
            spanCount.set(0);
            computing.set(false);
            return;
        }
        SpanScope sc = effectiveScope();
        computing.set(true);
        background.execute(() -> {
            if (ticket != generation.get()) {
                return; // a newer request is queued behind this one
            }
            Computed c = compute(trace, sc);
            uiThread.execute(() -> {
                if (ticket == generation.get()) {
                    allRows.setAll(c.rows());
                    spanCount.set(c.spans());
                    problem.set(c.problem());
                    computing.set(false);
                }
            });
        });
    }

    /** Background thread. */
    private static Computed compute(Trace trace, SpanScope sc) {
        try {
            SpanStatistics stats = SpanStatistics.compute(trace, sc);
            return new Computed(stats.rows(), stats.spanCount(), null);
        } catch (RuntimeException e) {
            return new Computed(List.of(), 0, "Statistics could not be computed: " + e.getMessage());
        }
    }

    private record Computed(List<SpanStat> rows, long spans, String problem) {
    }

    private void applyFilter(String f) {
        String needle = f == null ? "" : f.strip().toLowerCase(Locale.ROOT);
        rows.setPredicate(needle.isEmpty() ? null : s -> s.name().toLowerCase(Locale.ROOT).contains(needle));
    }
}
