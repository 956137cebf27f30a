package dev.flarescope.ui.view.findings;

import dev.flarescope.analysis.anomaly.Threshold;
import dev.flarescope.analysis.anomaly.Thresholds;
import dev.flarescope.ui.viewmodel.AnalysisViewModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The settings of the rules: every threshold with its value, unit and meaning. A value takes effect
 * when Enter is pressed or the field loses focus, and the rules re-run at once; a value that is not a
 * number is refused with a message and the one in force stays.
 */
final class ThresholdsPane extends VBox {
    private final AnalysisViewModel analysis;
    private final Map<Threshold, TextField> fields = new LinkedHashMap<>();
    private final Label problem = new Label();

    ThresholdsPane(AnalysisViewModel analysis) {
        super(8);
        this.analysis = analysis;
        getStyleClass().add("thresholds-pane");
        Label title = new Label("Rule thresholds");
        title.getStyleClass().add("finding-details-heading");
        Label hint = new Label("Changes re-run the rules at once.");
        hint.getStyleClass().add("finding-numbers");
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(5);
        int row = 0;
        for (Threshold t : AnalysisViewModel.thresholdList()) {
            Label name = new Label(t.key());
            name.setTooltip(new Tooltip(t.description() + " (default " + format(t.defaultValue()) + " " + t.unit() + ")"));
            name.getStyleClass().add("finding-number-name");
            TextField field = new TextField();
            field.setPrefColumnCount(6);
            field.setId("threshold-" + t.key());
            field.setOnAction(e -> commit(t, field));
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now) {
                    commit(t, field);
                }
            });
            field.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    show(analysis.thresholds().get());
                }
            });
            fields.put(t, field);
            grid.addRow(row++, name, field, new Label(t.unit()));
        }
        problem.getStyleClass().add("threshold-problem");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        Button reset = new Button("Reset to defaults");
        reset.setOnAction(e -> analysis.resetThresholds());
        Label running = new Label("re-running rules\u2026");
        running.getStyleClass().add("finding-numbers");
        running.visibleProperty().bind(analysis.runningProperty());
        HBox buttons = new HBox(8, reset, running);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, hint, grid, problem, buttons);
        analysis.thresholds().addListener((obs, old, t) -> show(t));
        show(analysis.thresholds().get());
    }

    private void show(Thresholds values) {
        fields.forEach((t, f) -> {
            f.setText(format(values.get(t)));
            f.getStyleClass().remove("invalid");
        });
        problem.setVisible(false);
    }

    private void commit(Threshold t, TextField field) {
        String text = field.getText().strip();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value) || value < 0) {
            if (!field.getStyleClass().contains("invalid")) {
                field.getStyleClass().add("invalid");
            }
            problem.setText(t.key() + ": \"" + text + "\" is not a number of " + t.unit() + " (0 or more); "
                    + format(analysis.thresholds().get().get(t)) + " stays in force.");
            problem.setVisible(true);
            return;
        }
        field.getStyleClass().remove("invalid");
        problem.setVisible(false);
        if (value != analysis.thresholds().get().get(t)) {
            analysis.setThreshold(t, value);
        }
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%s", v);
    }
}
