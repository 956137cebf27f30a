package dev.flarescope.ui.viewmodel;

import dev.flarescope.model.Trace;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * Keeps the matches of {@link TraceSession#searchQuery()} current and steps through them. Small traces
 * are searched at once on the calling thread; traces of {@link #BACKGROUND_SPANS} spans or more are
 * searched in a background {@link Task}, and a new query cancels the search still running, so typing in
 * the search box never blocks the window.
 */
public final class SearchModel {
    /** From this many spans on, searching runs off the FX thread. */
    public static final long BACKGROUND_SPANS = 200_000;

    private final TraceSession session;
    private final ReadOnlyObjectWrapper<SearchMatches> matches = new ReadOnlyObjectWrapper<>(this, "matches");
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper(this, "matchCount");
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private AtomicBoolean cancelRunning = new AtomicBoolean();

    public SearchModel(TraceSession session) {
        this.session = session;
        session.searchQuery().addListener((obs, was, now) -> restart());
        session.traceProperty().addListener((obs, was, now) -> restart());
        session.selectedSpan().addListener((obs, was, now) -> updateCurrent());
        restart();
    }

    /** The matches of the current query, or null when the query is blank (nothing is highlighted). */
    public ReadOnlyObjectProperty<SearchMatches> matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    public SearchMatches matches() {
        return matches.get();
    }

    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** Index of the selected span among the matches (time order), or -1. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** True while a background search runs. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** The match after the selected span (or after the viewport start), wrapping around; null when none. */
    public SpanRef next() {
        return step(true);
    }

    /** The match before the selected span (or before the viewport start), wrapping around; null when none. */
    public SpanRef previous() {
        return step(false);
    }

    private SpanRef step(boolean forward) {
        SearchMatches m = matches.get();
        Trace trace = session.trace();
        if (m == null || m.count() == 0 || trace == null) {
            return null;
        }
        int n = m.count();
        SpanRef sel = session.selectedSpan().get();
        int k;
        if (sel != null) {
            long s = sel.start(trace);
            int at = m.indexOf(sel, s);
            if (at >= 0) {
                k = forward ? at + 1 : at - 1;
            } else {
                k = forward ? m.firstAtOrAfter(s) : m.firstAtOrAfter(s) - 1;
            }
        } else {
            TimeRange v = session.viewport().get();
            long from = v == null ? Long.MIN_VALUE : v.start();
            k = forward ? m.firstAtOrAfter(from) : m.firstAtOrAfter(from) - 1;
        }
        return m.get(Math.floorMod(k, n));
    }

    private void restart() {
        cancelRunning.set(true);
        searching.set(false);
        Trace trace = session.trace();
        String q = session.searchQuery().get() == null ? "" : session.searchQuery().get().strip();
        if (trace == null || q.isEmpty()) {
            apply(null);
            return;
        }
        if (trace.spanCount() < BACKGROUND_SPANS) {
            apply(SpanTextSearch.find(trace, q, () -> false));
            return;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        cancelRunning = cancel;
        Task<SearchMatches> task = new Task<>() {
            @Override
            protected SearchMatches call() {
                return SpanTextSearch.find(trace, q, cancel::get);
            }
        };
        task.setOnSucceeded(e -> {
            if (!cancel.get() && task.getValue() != null) {
                searching.set(false);
                apply(task.getValue());
            }
        });
        searching.set(true);
        Thread t = new Thread(task, "flarescope-search");
        t.setDaemon(true);
        t.start();
    }

    private void apply(SearchMatches m) {
        matches.set(m);
        matchCount.set(m == null ? 0 : m.count());
        updateCurrent();
    }

    private void updateCurrent() {
        SearchMatches m = matches.get();
        SpanRef sel = session.selectedSpan().get();
        Trace trace = session.trace();
        current.set(m == null || sel == null || trace == null ? -1 : m.indexOf(sel, sel.start(trace)));
    }
}
