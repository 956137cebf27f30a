package dev.flarescope.ui.view.common;

import dev.flarescope.model.InputSummary;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The line at the bottom of the window: how much the open trace holds (inputs, processes, events,
 * spans, malformed lines) and how long it lasts. Hovering over the inputs lists them one by one.
 */
public final class StatusBar extends HBox {
    private final Label inputs = item();
    private final Label processes = item();
    private final Label events = item();
    private final Label spans = item();
    private final Label malformed = item();
    private final Label span = item();
    private final Tooltip inputList = new Tooltip();
    private final Region spacer = new Region();

    public StatusBar(TraceSession session) {
        getStyleClass().add("status-bar");
        malformed.getStyleClass().add("status-warning");
        inputs.setTooltip(inputList);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(inputs, processes, events, spans, malformed, spacer, span);
        session.traceProperty().addListener((obs, old, t) -> show(t));
        show(session.trace());
    }

    /** Adds an item (such as the finding counts) after the trace's figures, before the duration. */
    public void addItem(Node item) {
        getChildren().add(getChildren().indexOf(spacer), item);
    }

    private void show(Trace t) {
        if (t == null) {
            inputs.setText("No trace open");
            for (Label l : List.of(processes, events, spans, malformed, span)) {
                l.setText("");
                l.setVisible(false);
            }
            return;
        }
        long bad = 0;
        List<String> lines = new ArrayList<>();
        for (InputSummary in : t.inputs()) {
            bad += in.malformedLines();
            lines.add(in.path() + "  (" + in.format() + ", " + Units.count(in.events(), "event", "events") + ")");
        }
        inputs.setText(Units.count(t.inputs().size(), "input", "inputs"));
        inputList.setText(String.join("\n", lines));
        processes.setText(Units.count(t.processes().size(), "process", "processes"));
        events.setText(Units.count(t.events(), "event", "events"));
        spans.setText(Units.count(t.spanCount(), "span", "spans"));
        malformed.setText(Units.count(bad, "malformed line", "malformed lines"));
        span.setText("Duration " + Units.duration(Math.max(0, t.maxTs() - t.minTs())));
        for (Label l : List.of(processes, events, spans, span)) {
            l.setVisible(true);
        }
        malformed.setVisible(bad > 0);
    }

    private static Label item() {
        Label l = new Label();
        l.getStyleClass().add("status-item");
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
