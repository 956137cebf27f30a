package dev.flarescope.ui.view.findings;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.ui.viewmodel.FindingsModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One finding in the list: severity icon, rule and request, the one-line message, the numbers that convict. */
final class FindingCell extends ListCell<Finding> {
    private final Label rule = new Label();
    private final Label request = new Label();
    private final Label message = new Label();
    private final Label numbers = new Label();
    private final HBox head = new HBox(6);
    private final VBox box = new VBox(2, head, message, numbers);

    FindingCell() {
        rule.getStyleClass().add("finding-rule");
        request.getStyleClass().add("finding-request");
        message.getStyleClass().add("finding-message");
        numbers.getStyleClass().add("finding-numbers");
        head.setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("finding-cell");
        setPrefWidth(0); // take the list's width and cut long messages, instead of scrolling sideways
    }

    @Override
    protected void updateItem(Finding f, boolean empty) {
        super.updateItem(f, empty);
        if (empty || f == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        rule.setText(f.ruleId());
        String id = f.evidence().requestId();
        request.setText(id == null ? "" : "request " + id);
        message.setText(f.message());
        numbers.setText(String.join("   \u00b7   ", FindingsModel.numbers(f)));
        head.getChildren().setAll(new SeverityIcon(f.severity(), 13), rule, request);
        setText(null);
        setGraphic(box);
    }
}
