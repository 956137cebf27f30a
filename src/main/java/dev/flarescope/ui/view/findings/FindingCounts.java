package dev.flarescope.ui.view.findings;

import dev.flarescope.model.Severity;
import dev.flarescope.ui.viewmodel.FindingsModel;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The finding counts for the status bar, one per severity with its icon ("7 errors", "11 warnings");
 * severities without findings are hidden, and clicking a count shows the findings of that severity.
 */
public final class FindingCounts extends HBox {
    public FindingCounts(FindingsModel model, Runnable showFindings) {
        super(12);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("finding-counts");
        for (Severity s : FindingsModel.SEVERITIES) {
            Label l = new Label("", new SeverityIcon(s, 12));
            l.getStyleClass().addAll("status-item", "finding-count");
            l.setId("finding-count-" + s.id());
            l.setCursor(Cursor.HAND);
            l.setTooltip(new Tooltip("Show the " + s.id() + " findings"));
            l.managedProperty().bind(l.visibleProperty());
            Runnable update = () -> {
                int n = model.count(s).get();
                l.setText(n + " " + s.id() + (n == 1 || s == Severity.INFO ? "" : "s"));
                l.setVisible(n > 0);
            };
            model.count(s).addListener(x -> update.run());
            update.run();
            l.setOnMouseClicked(e -> {
                for (Severity other : Severity.values()) {
                    model.showSeverity(other).set(other == s);
                }
                showFindings.run();
            });
            getChildren().add(l);
        }
    }
}
