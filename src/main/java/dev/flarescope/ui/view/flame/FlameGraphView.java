package dev.flarescope.ui.view.flame;

import dev.flarescope.ui.viewmodel.FlameFormat;
import dev.flarescope.ui.viewmodel.FlameGraphModel;
import dev.flarescope.ui.viewmodel.FlameMode;
import dev.flarescope.ui.viewmodel.FlameScopeChoice;
import dev.flarescope.ui.viewmodel.FlameViewModel;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.Property;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The flame graph tab. A bar on top picks the mode (left heavy, time order, sandwich), flame or icicle,
 * and the scope (all threads, a process or a thread, limited to the session's time selection when there
 * is one); below it the breadcrumbs of the zoom. The graph follows the session's search: matching frames
 * keep their colour, the rest fade, and the bar says how much of the time matches.
 *
 * <p>All state lives in a {@link FlameViewModel}; this class only lays out controls and binds them.
 */
public final class FlameGraphView extends BorderPane {
    private final TraceSession session;
    private final FlameViewModel vm;
    private final FlameCanvas graph;
    private final FlameCanvas callers;
    private final FlameCanvas callees;
    private final FunctionTable functionTable;
    private final ToggleGroup modes = new ToggleGroup();

    public FlameGraphView(TraceSession session) {
        this(session, new FlameViewModel(session));
    }

    /** A view of an existing view model (an export builds its view model to run builds at once). */
    public FlameGraphView(TraceSession session, FlameViewModel vm) {
        this.session = session;
        this.vm = vm;
        getStyleClass().add("flame-view");
        getStylesheets().add(Objects.requireNonNull(FlameGraphView.class.getResource("flame.css")).toExternalForm());
        graph = new FlameCanvas(vm.graph(), vm.palette());
        callers = new FlameCanvas(vm.callers(), vm.palette());
        callees = new FlameCanvas(vm.callees(), vm.palette());
        functionTable = new FunctionTable(vm);

        Breadcrumbs crumbs = new Breadcrumbs(vm.graph());
        crumbs.visibleProperty().bind(vm.mode().isNotEqualTo(FlameMode.SANDWICH)
                .and(vm.graph().framesProperty().isNotNull()));
        crumbs.managedProperty().bind(crumbs.visibleProperty());
        setTop(new VBox(toolbar(), crumbs));
        setCenter(center());
    }

    public FlameViewModel viewModel() {
        return vm;
    }

    FlameCanvas graphCanvas() {
        return graph;
    }

    FlameCanvas callersCanvas() {
        return callers;
    }

    FlameCanvas calleesCanvas() {
        return callees;
    }

    FunctionTable functionTable() {
        return functionTable;
    }

    // ------------------------------------------------------------------ top bar

    private HBox toolbar() {
        HBox modeButtons = segmented();
        for (FlameMode m : FlameMode.values()) {
            ToggleButton b = new ToggleButton(m.label());
            b.setId("flame-mode-" + m.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setUserData(m);
            b.setToggleGroup(modes);
            modeButtons.getChildren().add(b);
        }
        styleSegments(modeButtons);
        syncToggle(modes, vm.mode());

        ToggleGroup orientation = new ToggleGroup();
        ToggleButton flame = new ToggleButton("Flame");
        flame.setUserData(false);
        ToggleButton icicle = new ToggleButton("Icicle");
        icicle.setUserData(true);
        flame.setToggleGroup(orientation);
        icicle.setToggleGroup(orientation);
        HBox orientationButtons = segmented();
        orientationButtons.getChildren().addAll(flame, icicle);
        styleSegments(orientationButtons);
        syncToggle(orientation, vm.inverted());
        orientationButtons.disableProperty().bind(vm.mode().isEqualTo(FlameMode.SANDWICH));

        ComboBox<FlameScopeChoice> scope = new ComboBox<>(vm.scopeChoices());
        scope.getStyleClass().add("flame-scope");
        scope.valueProperty().bindBidirectional(vm.scope());
        scope.setCellFactory(list -> new ScopeCell());
        scope.setVisibleRowCount(18);

        CheckBox selection = new CheckBox();
        selection.getStyleClass().add("flame-selection");
        selection.selectedProperty().bindBidirectional(vm.followSelection());
        selection.visibleProperty().bind(session.timeSelection().isNotNull());
        selection.managedProperty().bind(selection.visibleProperty());
        selection.textProperty().bind(Bindings.createStringBinding(() -> {
            TimeRange r = session.timeSelection().get();
            return r == null ? "" : "Selection only (" + FlameFormat.duration(r.duration()) + ")";
        }, session.timeSelection()));

        Label matches = new Label();
        matches.getStyleClass().add("flame-matches");
        matches.textProperty().bind(vm.matchSummaryProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("flame-busy");
        busy.visibleProperty().bind(vm.buildingProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label scopeLabel = new Label("Scope");
        scopeLabel.getStyleClass().add("flame-bar-label");
        HBox bar = new HBox(modeButtons, orientationButtons, new Separator(Orientation.VERTICAL), scopeLabel, scope,
                selection, spacer, matches, busy);
        bar.getStyleClass().add("flame-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static HBox segmented() {
        HBox box = new HBox();
        box.getStyleClass().add("flame-segmented");
        return box;
    }

    /** Gives a row of toggle buttons the joined pill look of a segmented control. */
    private static void styleSegments(HBox box) {
        int n = box.getChildren().size();
        for (int k = 0; k < n; k++) {
            box.getChildren().get(k).getStyleClass().add(k == 0 ? "left-pill" : k == n - 1 ? "right-pill" : "center-pill");
        }
    }

    /** Keeps a toggle group and a property in step; a selected toggle cannot be unselected by clicking it. */
    private static <T> void syncToggle(ToggleGroup group, Property<T> property) {
        Runnable fromProperty = () -> {
            for (Toggle t : group.getToggles()) {
                if (Objects.equals(t.getUserData(), property.getValue())) {
                    group.selectToggle(t);
                }
            }
        };
        group.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                group.selectToggle(old);
            } else {
                @SuppressWarnings("unchecked")
                T value = (T) t.getUserData();
                property.setValue(value);
            }
        });
        property.addListener((obs, o, n) -> fromProperty.run());
        fromProperty.run();
    }

    private static void syncToggle(ToggleGroup group, BooleanProperty property) {
        syncToggle(group, property.asObject());
    }

    // ------------------------------------------------------------------ centre

    private Node center() {
        Node sandwich = sandwichPane();
        Node threadPrompt = threadPrompt();
        Label message = new Label();
        message.getStyleClass().add("flame-message");
        message.textProperty().bind(vm.messageProperty());

        graph.visibleProperty().bind(vm.mode().isNotEqualTo(FlameMode.SANDWICH).and(vm.needsThreadProperty().not())
                .and(vm.messageProperty().isNull()));
        sandwich.visibleProperty().bind(vm.mode().isEqualTo(FlameMode.SANDWICH).and(vm.messageProperty().isNull()));
        threadPrompt.visibleProperty().bind(vm.needsThreadProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotNull());

        StackPane stack = new StackPane(graph, sandwich, threadPrompt, message);
        stack.getStyleClass().add("flame-center");
        return stack;
    }

    private Node sandwichPane() {
        SplitPane halves = new SplitPane(half("Callers of ", vm.callers(), callers),
                half("Callees of ", vm.callees(), callees));
        halves.setOrientation(Orientation.VERTICAL);
        SplitPane split = new SplitPane(functionTable, halves);
        split.setDividerPositions(0.32);
        SplitPane.setResizableWithParent(functionTable, false);
        split.getStyleClass().add("flame-sandwich");
        return split;
    }

    private VBox half(String title, FlameGraphModel model, FlameCanvas canvas) {
        Label heading = new Label();
        heading.getStyleClass().add("flame-half-title");
        heading.textProperty().bind(Bindings.createStringBinding(() -> {
            String f = vm.sandwichFunction().get();
            return f == null ? "" : title + f;
        }, vm.sandwichFunction()));
        Breadcrumbs crumbs = new Breadcrumbs(model);
        // the title names the function already; the path is worth showing once zoomed below it
        crumbs.visibleProperty().bind(Bindings.size(model.crumbs()).greaterThan(1));
        HBox header = new HBox(10, heading, crumbs);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("flame-half-header");
        VBox.setVgrow(canvas, Priority.ALWAYS);
        return new VBox(header, canvas);
    }

    private Node threadPrompt() {
        Label text = new Label("Time order draws one thread's spans where they happened, and the current scope "
                + "has several threads. Pick a thread:");
        text.setWrapText(true);
        text.getStyleClass().add("flame-prompt-text");
        ComboBox<FlameScopeChoice> threads = new ComboBox<>(vm.threadChoices());
        threads.setId("flame-thread-picker");
        threads.setPromptText("Thread");
        threads.setOnAction(e -> {
            FlameScopeChoice t = threads.getValue();
            if (t != null) {
                vm.scope().set(t);
                threads.setValue(null);
            }
        });
        VBox box = new VBox(10, text, threads);
        box.getStyleClass().add("flame-prompt");
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(460, Region.USE_PREF_SIZE);
        return new StackPane(box);
    }

    /** Scope entries: threads indented under their process. */
    private static final class ScopeCell extends ListCell<FlameScopeChoice> {
        @Override
        protected void updateItem(FlameScopeChoice item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("flame-scope-thread", "flame-scope-group");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.isThread() ? item.label().substring(item.label().indexOf('\u203a') + 2) : item.label());
            getStyleClass().add(item.isThread() ? "flame-scope-thread" : "flame-scope-group");
        }
    }
}
