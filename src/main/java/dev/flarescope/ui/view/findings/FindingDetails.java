package dev.flarescope.ui.view.findings;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.anomaly.Quantity;
import dev.flarescope.model.Severity;
import dev.flarescope.ui.viewmodel.FindingsModel;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The selected finding in full: what is wrong, the numbers that convict, why the rule holds ("why this
 * is impossible", from the rule's own explanation), buttons to go where it happened, and one to keep
 * it as a note on the trace.
 */
final class FindingDetails extends VBox {
    private final Label title = new Label();
    private final Label message = new Label();
    private final GridPane numbers = new GridPane();
    private final Label whyTitle = new Label();
    private final Label why = new Label();
    private final HBox head = new HBox(8);
    final Button showRequest = new Button("Show request");
    final Button showInTimeline = new Button("Show in timeline");
    final Button addNote = new Button("Add as note\u2026");

    FindingDetails() {
        super(8);
        getStyleClass().add("finding-details");
        title.getStyleClass().add("finding-details-title");
        message.getStyleClass().add("finding-details-message");
        message.setWrapText(true);
        numbers.getStyleClass().add("finding-details-numbers");
        numbers.setHgap(14);
        numbers.setVgap(3);
        whyTitle.getStyleClass().add("finding-details-heading");
        why.getStyleClass().add("finding-details-why");
        why.setWrapText(true);
        head.setAlignment(Pos.CENTER_LEFT);
        addNote.setId("finding-add-note");
        addNote.setVisible(false);
        addNote.managedProperty().bind(addNote.visibleProperty());
        HBox buttons = new HBox(8, showRequest, showInTimeline, addNote);
        getChildren().addAll(head, message, numbers, whyTitle, why, buttons);
        show(null, null);
    }

    /** Shows {@code f} (null: a hint to pick one) and where it can be navigated to. */
    void show(Finding f, FindingsModel.Target target) {
        boolean some = f != null;
        for (var n : getChildren()) {
            n.setVisible(some || n == head);
            n.setManaged(some || n == head);
        }
        if (!some) {
            title.setText("Select a finding to see its numbers and why it cannot be right.");
            title.getStyleClass().add("placeholder-text");
            head.getChildren().setAll(title);
            return;
        }
        title.getStyleClass().remove("placeholder-text");
        title.setText(f.severity().id().toUpperCase(Locale.ROOT) + "  \u00b7  " + f.ruleId());
        head.getChildren().setAll(new SeverityIcon(f.severity(), 16), title);
        message.setText(f.message());
        numbers.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, Quantity> e : f.evidence().numbers().entrySet()) {
            Label name = new Label(e.getKey());
            name.getStyleClass().add("finding-number-name");
            Label value = new Label(e.getValue().format());
            value.getStyleClass().add("finding-number-value");
            numbers.addRow(row++, name, value);
        }
        if (f.evidence().requestId() != null) {
            Label name = new Label("request");
            name.getStyleClass().add("finding-number-name");
            numbers.addRow(row, name, new Label(f.evidence().requestId()));
        }
        whyTitle.setText(f.severity() == Severity.ERROR ? "Why this is impossible" : "Why this matters");
        why.setText(FindingsModel.explanation(f));
        showRequest.setDisable(target == null || target.requestId() == null);
        showInTimeline.setDisable(target == null || target.timeline() == null);
    }
}
