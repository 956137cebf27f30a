package dev.flarescope.ui.view.phases;

import dev.flarescope.analysis.requests.Phase;
import dev.flarescope.ui.render.phases.PhaseRenderer;
import dev.flarescope.ui.view.notes.NoteCommands;
import dev.flarescope.ui.viewmodel.PhaseTimelineModel;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.PhaseTimelineModel.GroupKey;
import dev.flarescope.ui.viewmodel.PhaseTimelineModel.SortKey;
import dev.flarescope.ui.viewmodel.RequestClock;
import dev.flarescope.ui.viewmodel.TimelineTarget;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The "Requests" view: what each request experienced, one row per request along time (see
 * {@link PhaseRowsView}), with sorting, grouping, a filter, a phase legend, and the distributions of
 * TTFT, inter-token latency and decode speed beside the rows. Requests on the trace's clock share the
 * trace timeline's viewport.
 */
public final class PhaseTimelineView extends BorderPane {
    private static final String[] LEGEND = {"Queue", "Prefill", "KV transfer", "Decode"};

    private final PhaseTimelineModel model;
    private final PhaseRowsView rows;
    private final DistributionsPane distributions;

    public PhaseTimelineView(TraceSession session) {
        this.model = new PhaseTimelineModel(session);
        this.rows = new PhaseRowsView(model);
        this.distributions = new DistributionsPane(model);
        getStyleClass().add("phase-timeline-view");
        getStylesheets().add(PhaseTimelineView.class.getResource("phases.css").toExternalForm());

        Label empty = new Label("No requests: open a metrics log (llm-metrics, llama.cpp timings, SGLang) or a "
                + "trace whose events carry request ids.");
        empty.getStyleClass().add("placeholder-text");
        empty.setWrapText(true);
        empty.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.rows().isEmpty(),
                model.rowsProperty()));
        StackPane rowsArea = new StackPane(rows, empty);
        StackPane.setAlignment(empty, Pos.CENTER);

        SplitPane split = new SplitPane(rowsArea, distributions);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(distributions, false);
        setTop(toolbar());
        setCenter(split);
    }

    public PhaseTimelineModel model() {
        return model;
    }

    /** The time the rows show when it is on the trace's clock, else null (records on their own clock). */
    public TimeRange shownOnTraceClock() {
        return model.clock().get() == RequestClock.TRACE ? model.viewport().get() : null;
    }

    /** What a double click on a request (or Enter) does with the request's place in the trace timeline. */
    public void setOnReveal(Consumer<TimelineTarget> action) {
        rows.setOnReveal(action);
    }

    /** Lets the user add notes on requests (context menu), and edit and delete them. */
    public void setNoteCommands(NoteCommands commands) {
        rows.setNoteCommands(commands);
    }

    /** Selects a request and brings its row on screen; false when there is no such request. */
    public boolean showRequest(String requestId) {
        int row = model.reveal(requestId);
        model.select(requestId);
        rows.scrollToRow(row);
        return row >= 0;
    }

    private HBox toolbar() {
        ChoiceBox<SortKey> sort = new ChoiceBox<>();
        sort.getItems().setAll(SortKey.values());
        sort.valueProperty().bindBidirectional(model.sort());
        ChoiceBox<GroupKey> group = new ChoiceBox<>();
        group.getItems().setAll(GroupKey.values());
        group.valueProperty().bindBidirectional(model.group());
        TextField filter = new TextField();
        filter.setPromptText("Filter: id, model, process, rule");
        filter.getStyleClass().add("phase-filter");
        filter.textProperty().bindBidirectional(model.filter());
        CheckBox onlyFindings = new CheckBox("Only with findings");
        onlyFindings.selectedProperty().bindBidirectional(model.onlyWithFindings());
        ChoiceBox<RequestClock> clock = new ChoiceBox<>(model.clocks());
        clock.valueProperty().bindBidirectional(model.clock());
        clock.setTooltip(new Tooltip("Requests timed by trace events are on the trace's clock and share the "
                + "timeline's axis; requests known only from metrics records are on the records' clock"));
        clock.visibleProperty().bind(Bindings.size(model.clocks()).greaterThan(1));
        clock.managedProperty().bind(clock.visibleProperty());
        Button all = new Button("Show all");
        all.setTooltip(new Tooltip("Zoom out to every request (Esc)"));
        all.setOnAction(e -> model.showAll());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, label("Sort"), sort, label("Group"), group, filter, onlyFindings, clock, spacer,
                legend(), all);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(5, 8, 5, 8));
        bar.getStyleClass().add("phase-toolbar");
        return bar;
    }

    private static HBox legend() {
        HBox box = new HBox(10);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Phase p : Phase.values()) {
            Rectangle swatch = new Rectangle(12, 9, PhaseRenderer.PHASE_COLORS[p.ordinal()]);
            Label l = new Label(LEGEND[p.ordinal()], swatch);
            l.getStyleClass().add("legend-item");
            box.getChildren().add(l);
        }
        Rectangle first = new Rectangle(2, 12, Color.rgb(17, 24, 39));
        Label firstToken = new Label("first token", first);
        firstToken.getStyleClass().add("legend-item");
        box.getChildren().add(firstToken);
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("toolbar-label");
        return l;
    }
}
