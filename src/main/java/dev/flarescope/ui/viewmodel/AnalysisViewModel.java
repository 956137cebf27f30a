package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.Analysis;
import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.AnomalyEngine;
import dev.flarescope.analysis.anomaly.Rule;
import dev.flarescope.analysis.anomaly.Threshold;
import dev.flarescope.analysis.anomaly.Thresholds;
import dev.flarescope.model.Trace;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Request analysis of the open trace for the request, findings and dashboard views: runs
 * {@link Analysis#run} on the background executor whenever the trace or the thresholds change and
 * publishes the result as {@link TraceSession#analysis()}, so the timeline and the status bar see it
 * too. Editing a threshold re-runs the rules at once; a result that arrives after a newer run was
 * asked for is dropped, so the views always end up showing the latest thresholds.
 *
 * <p>A new trace clears the selected request and the highlighted finding, which belonged to the old one.
 */
public final class AnalysisViewModel {
    private static final AnomalyEngine ENGINE = AnomalyEngine.standard();

    private final TraceSession session;
    private final Executor uiThread;
    private final Executor background;
    private final ObjectProperty<Thresholds> thresholds = new SimpleObjectProperty<>(this, "thresholds",
            Thresholds.defaults());
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    /** Bumped on every run; a result is applied only if its number is still the latest. */
    private final AtomicLong generation = new AtomicLong();

    public AnalysisViewModel(TraceSession session, Executor uiThread, Executor background) {
        this.session = session;
        this.uiThread = uiThread;
        this.background = background;
        session.traceProperty().addListener((obs, old, t) -> {
            session.selectedRequest().set(null);
            session.highlightedFinding().set(null);
            session.analysis().set(null);
            rerun();
        });
        thresholds.addListener((obs, old, t) -> rerun());
        rerun();
    }

    public TraceSession session() {
        return session;
    }

    /** The thresholds in force; setting them re-runs the rules. */
    public ObjectProperty<Thresholds> thresholds() {
        return thresholds;
    }

    /** The latest analysis, or null while none is computed. */
    public AnalysisResult result() {
        return session.analysis().get();
    }

    /** True while an analysis runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the last run failed, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Every threshold the rules read, in rule order, with its key, default, unit and meaning. */
    public static List<Threshold> thresholdList() {
        return List.copyOf(ENGINE.thresholds().values());
    }

    /** The rule with this id (for its explanation and severity), or null. */
    public static Rule rule(String id) {
        return ENGINE.rule(id);
    }

    /** Sets one threshold, keeping the others; re-runs the rules. */
    public void setThreshold(Threshold t, double value) {
        thresholds.set(thresholds.get().with(t, value));
    }

    /** Puts every threshold back to its default; re-runs the rules. */
    public void resetThresholds() {
        thresholds.set(Thresholds.defaults());
    }

    private void rerun() {
        long ticket = generation.incrementAndGet();
        Trace trace = session.trace();
        if (trace == null) {
            running.set(false);
            session.analysis().set(null);
            return;
        }
        AnalysisOptions options = AnalysisOptions.defaults().withThresholds(thresholds.get());
        running.set(true);
        background.execute(() -> {
            if (ticket != generation.get()) {
                return; // a newer run is queued behind this one
            }
            AnalysisResult result = null;
            String why = null;
            try {
                result = Analysis.run(trace, options);
            } catch (RuntimeException e) {
                why = "Requests could not be analysed: " + e.getMessage();
            }
            AnalysisResult done = result;
            String failure = why;
            uiThread.execute(() -> {
                if (ticket == generation.get()) {
                    problem.set(failure);
                    session.analysis().set(done);
                    running.set(false);
                }
            });
        });
    }
}
