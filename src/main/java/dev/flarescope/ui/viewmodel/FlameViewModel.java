package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.flame.FlameLayout;
import dev.flarescope.analysis.flame.FlameOptions;
import dev.flarescope.analysis.flame.FlameOrder;
import dev.flarescope.analysis.flame.FlameScope;
import dev.flarescope.analysis.flame.FlameTree;
import dev.flarescope.analysis.flame.FlameTreeBuilder;
import dev.flarescope.analysis.flame.FlameUnit;
import dev.flarescope.analysis.flame.FunctionStat;
import dev.flarescope.analysis.flame.Sandwich;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.Palette;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the flame graph tab, on the FX thread: which mode, which threads and time range (the session's
 * time selection when there is one), flame or icicle, and the graphs that result.
 *
 * <p>Any change that needs a new graph starts one build through the {@link FlameWorker}, cancelling the
 * build still running; a result that arrives after a newer request is dropped. The tree of the current
 * scope is kept, so switching between left-heavy and sandwich or flipping the orientation only lays out
 * again. Searching never rebuilds: it recolours the graphs and updates the share of time that matches.
 */
public final class FlameViewModel {
    /**
     * Frames narrower than this share of the whole graph are left out of layouts: a millionth is below a
     * pixel until the user zooms a thousandfold into a thousand-pixel-wide view.
     */
    static final double MIN_WIDTH_FRACTION = 1e-6;

    private final TraceSession session;
    private final FlameWorker worker;
    private final Palette palette = new Palette();

    private final ObjectProperty<FlameMode> mode = new SimpleObjectProperty<>(this, "mode", FlameMode.LEFT_HEAVY);
    private final BooleanProperty inverted = new SimpleBooleanProperty(this, "inverted", true);
    private final ObjectProperty<FlameScopeChoice> scope = new SimpleObjectProperty<>(this, "scope",
            FlameScopeChoice.ALL);
    private final BooleanProperty followSelection = new SimpleBooleanProperty(this, "followSelection", true);
    private final StringProperty sandwichFunction = new SimpleStringProperty(this, "sandwichFunction");
    private final ObservableList<FlameScopeChoice> scopeChoices = FXCollections.observableArrayList();
    private final ObservableList<FlameScopeChoice> threadChoices = FXCollections.observableArrayList();
    private final ObservableList<FunctionStat> functions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper(this, "building");
    private final ReadOnlyBooleanWrapper needsThread = new ReadOnlyBooleanWrapper(this, "needsThread");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyStringWrapper matchSummary = new ReadOnlyStringWrapper(this, "matchSummary", "");
    private final FlameGraphModel graph = new FlameGraphModel();
    private final FlameGraphModel callers = new FlameGraphModel();
    private final FlameGraphModel callees = new FlameGraphModel();

    private FlameWorker.Job running;
    private long generation;
    private ScopeKey cachedKey;
    private FlameTree cachedTree;
    private boolean applying;

    /** A view model whose builds run in background tasks. */
    public FlameViewModel(TraceSession session) {
        this(session, FlameWorker.fxTasks());
    }

    public FlameViewModel(TraceSession session, FlameWorker worker) {
        this.session = session;
        this.worker = worker;
        session.traceProperty().addListener((obs, old, t) -> traceChanged(t));
        mode.addListener((obs, old, m) -> rebuild());
        scope.addListener((obs, old, s) -> rebuild());
        followSelection.addListener((obs, old, f) -> rebuild());
        session.timeSelection().addListener((obs, old, s) -> {
            if (followSelection.get()) {
                rebuild();
            }
        });
        inverted.addListener((obs, old, i) -> {
            if (mode.get() != FlameMode.SANDWICH) {
                rebuild();
            }
        });
        sandwichFunction.addListener((obs, old, f) -> {
            if (!applying && mode.get() == FlameMode.SANDWICH) {
                rebuild();
            }
        });
        session.searchQuery().addListener((obs, old, q) -> searchChanged());
        traceChanged(session.trace());
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<FlameMode> mode() {
        return mode;
    }

    /**
     * True for an icicle (root at the top, the default: serving traces are shallow, so their frames then
     * sit under the toolbar), false for a flame (root at the bottom).
     */
    public BooleanProperty inverted() {
        return inverted;
    }

    public ObjectProperty<FlameScopeChoice> scope() {
        return scope;
    }

    /** When true and the session has a time selection, only the selected time counts. */
    public BooleanProperty followSelection() {
        return followSelection;
    }

    /** Name of the function the sandwich shows; the heaviest function when unset or absent. */
    public StringProperty sandwichFunction() {
        return sandwichFunction;
    }

    public ObservableList<FlameScopeChoice> scopeChoices() {
        return scopeChoices;
    }

    public ObservableList<FlameScopeChoice> threadChoices() {
        return threadChoices;
    }

    /** The sandwich's function table: per function total, self and count in the current scope. */
    public ObservableList<FunctionStat> functions() {
        return functions;
    }

    public ReadOnlyBooleanProperty buildingProperty() {
        return building.getReadOnlyProperty();
    }

    /** True when time order is asked for but the scope is not a single thread. */
    public ReadOnlyBooleanProperty needsThreadProperty() {
        return needsThread.getReadOnlyProperty();
    }

    /** Why there is no graph (no trace, a failed build), or null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "matches: 12.3% of total" while searching, else empty. */
    public ReadOnlyStringProperty matchSummaryProperty() {
        return matchSummary.getReadOnlyProperty();
    }

    /** The left-heavy graph or the flame chart. */
    public FlameGraphModel graph() {
        return graph;
    }

    /** The sandwich's upper half: who calls the function. */
    public FlameGraphModel callers() {
        return callers;
    }

    /** The sandwich's lower half: what the function calls. */
    public FlameGraphModel callees() {
        return callees;
    }

    /** The time range the graphs cover, or null for all of it. */
    public TimeRange effectiveRange() {
        return followSelection.get() ? session.timeSelection().get() : null;
    }

    /** The sandwich's function row named {@code name}, or null. */
    public FunctionStat function(String name) {
        return functions.stream().filter(s -> Objects.equals(s.name(), name)).findFirst().orElse(null);
    }

    /** Root total of the current scope's tree (what the function table's shares are of), or 0. */
    public long scopeTotal() {
        return cachedTree == null ? 0 : cachedTree.rootTotal();
    }

    /** Unit of the current scope's tree values. */
    public FlameUnit scopeUnit() {
        return cachedTree == null ? FlameUnit.NANOSECONDS : cachedTree.unit();
    }

    /** The palette the graphs are coloured with (the timeline's colours). */
    public Palette palette() {
        return palette;
    }

    // ------------------------------------------------------------------ building

    private void traceChanged(Trace trace) {
        cachedKey = null;
        cachedTree = null;
        if (trace == null) {
            scopeChoices.clear();
            threadChoices.clear();
        } else {
            scopeChoices.setAll(FlameScopeChoice.choices(trace));
            threadChoices.setAll(FlameScopeChoice.threadChoices(trace));
        }
        FlameScopeChoice current = scope.get();
        if (trace != null && current != null && current.fits(trace) && scopeChoices.contains(current)) {
            rebuild();
        } else {
            scope.set(FlameScopeChoice.ALL); // rebuilds when it changes
            rebuild();
        }
    }

    /** Starts the build the current state asks for, cancelling the one running. */
    private void rebuild() {
        if (running != null) {
            running.cancel();
            running = null;
        }
        long gen = ++generation;
        Trace trace = session.trace();
        FlameScopeChoice choice = scope.get() == null ? FlameScopeChoice.ALL : scope.get();
        needsThread.set(trace != null && mode.get() == FlameMode.TIME_ORDER && !choice.isThread());
        if (trace == null || needsThread.get()) {
            building.set(false);
            message.set(trace == null ? "Open a trace to see where its time goes." : null);
            show(new Result(null, null, List.of(), null, null, null, null));
            return;
        }
        Request request = new Request(trace, choice, effectiveRange(), mode.get(), inverted.get(),
                sandwichFunction.get());
        FlameTree known = request.key().equals(cachedKey) ? cachedTree : null;
        building.set(true);
        message.set(null);
        running = worker.submit("flame-build", cancel -> compute(request, known, cancel),
                result -> {
                    if (gen == generation) {
                        running = null;
                        building.set(false);
                        show(result);
                    }
                },
                error -> {
                    if (gen == generation) {
                        running = null;
                        building.set(false);
                        message.set("Could not build the flame graph: " + error.getMessage());
                        show(new Result(null, null, List.of(), null, null, null, null));
                    }
                });
    }

    /** What a build needs, taken on the FX thread. */
    private record Request(Trace trace, FlameScopeChoice choice, TimeRange range, FlameMode mode, boolean inverted,
                           String function) {
        ScopeKey key() {
            return new ScopeKey(trace, choice, range);
        }

        FlameScope scope() {
            FlameScope s = choice.toScope(trace);
            return range == null ? s : s.withRange(range.start(), range.end());
        }
    }

    /** Identifies the tree of a scope, for reuse. */
    private record ScopeKey(Trace trace, FlameScopeChoice choice, TimeRange range) {
    }

    /** A finished build. Trees and frames are immutable, so they cross threads safely. */
    private record Result(ScopeKey key, FlameTree tree, List<FunctionStat> functions, String function,
                          FlameFrames main, FlameFrames callers, FlameFrames callees) {
    }

    /** Runs off the FX thread. */
    private static Result compute(Request r, FlameTree known, BooleanSupplier cancel) {
        if (r.mode() == FlameMode.TIME_ORDER) {
            ThreadTrack thread = r.trace().processes().get(r.choice().process()).threads().get(r.choice().thread());
            SpanTable spans = thread.spans();
            FlameLayout layout = r.range() == null
                    ? FlameLayout.timeOrder(spans, r.inverted(), MIN_WIDTH_FRACTION)
                    : FlameLayout.timeOrder(spans, r.range().start(), r.range().end(), r.inverted(),
                    MIN_WIDTH_FRACTION);
            FlameFrames frames = FlameFrames.ofSpans(r.trace(), spans, layout, thread.label());
            return new Result(null, null, List.of(), null, frames, null, null);
        }
        FlameTree tree = known != null ? known : FlameTreeBuilder.build(r.trace(), r.scope(), FlameOptions.DEFAULT,
                cancel);
        if (r.mode() == FlameMode.LEFT_HEAVY) {
            FlameLayout layout = FlameLayout.of(tree, FlameOrder.LEFT_HEAVY, r.inverted(), MIN_WIDTH_FRACTION);
            return new Result(r.key(), tree, List.of(), null, FlameFrames.ofTree(tree, layout), null, null);
        }
        List<FunctionStat> table = Sandwich.functions(tree);
        FunctionStat chosen = table.stream().filter(s -> s.name().equals(r.function())).findFirst()
                .orElse(table.isEmpty() ? null : table.get(0));
        if (chosen == null) {
            return new Result(r.key(), tree, table, null, null, null, null);
        }
        Sandwich sandwich = Sandwich.of(tree, chosen.nameId());
        FlameLayout up = FlameLayout.of(sandwich.callers(), FlameOrder.LEFT_HEAVY, false, MIN_WIDTH_FRACTION);
        FlameLayout down = FlameLayout.of(sandwich.callees(), FlameOrder.LEFT_HEAVY, true, MIN_WIDTH_FRACTION);
        return new Result(r.key(), tree, table, chosen.name(), null, FlameFrames.ofTree(sandwich.callers(), up),
                FlameFrames.ofTree(sandwich.callees(), down));
    }

    /** Applies a result on the FX thread. */
    private void show(Result r) {
        if (r.tree() != null) {
            cachedKey = r.key();
            cachedTree = r.tree();
        }
        applying = true;
        try {
            if (!functions.equals(r.functions())) {
                functions.setAll(r.functions());
            }
            if (r.function() != null) {
                sandwichFunction.set(r.function());
            }
        } finally {
            applying = false;
        }
        graph.show(r.main());
        callers.show(r.callers());
        callees.show(r.callees());
        searchChanged();
    }

    private void searchChanged() {
        String query = session.searchQuery().get();
        graph.setSearch(query);
        callers.setSearch(query);
        callees.setSearch(query);
        double share;
        if (query == null || query.isBlank()) {
            share = Double.NaN;
        } else if (mode.get() == FlameMode.SANDWICH && cachedTree != null) {
            String q = query.strip().toLowerCase(Locale.ROOT);
            share = cachedTree.matching(name -> name.toLowerCase(Locale.ROOT).contains(q)).share();
        } else {
            share = graph.matchShare();
        }
        matchSummary.set(Double.isNaN(share) ? "" : "matches: " + FlameFormat.percent(share) + " of total");
    }
}
