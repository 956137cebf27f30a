package dev.flarescope.ui.export;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * Asks what to export (the current view or the whole window), at which scale, and whether to save the
 * picture as a PNG file or copy it to the clipboard. It shows the size in pixels the picture will have.
 */
public final class ExportDialog extends Dialog<ExportRequest> {
    static final ButtonType SAVE = new ButtonType("Save PNG\u2026", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType COPY = new ButtonType("Copy", ButtonBar.ButtonData.APPLY);

    private final ToggleGroup what = new ToggleGroup();
    private final ToggleGroup scales = new ToggleGroup();

    /**
     * @param viewLabel     the current view's name ("Timeline")
     * @param viewSize      the picture's logical size for the view, header included
     * @param windowSize    the same for the whole window
     * @param initialScale  the scale selected at first (the screen's, 1 or 2)
     */
    public ExportDialog(Window owner, String viewLabel, double[] viewSize, double[] windowSize, double initialScale) {
        initOwner(owner);
        setTitle("Export picture");
        setHeaderText(null);

        RadioButton view = option("Current view: " + viewLabel, what, false);
        view.setId("export-view");
        RadioButton window = option("Whole window", what, true);
        window.setId("export-window");
        view.setSelected(true);
        RadioButton one = option("1x", scales, 1.0);
        one.setId("export-scale-1");
        RadioButton two = option("2x (sharp on high-density screens)", scales, 2.0);
        two.setId("export-scale-2");
        (initialScale >= 1.5 ? two : one).setSelected(true);

        Label size = new Label();
        size.setId("export-size");
        size.getStyleClass().add("export-size");
        Runnable updateSize = () -> {
            double[] s = isWindow() ? windowSize : viewSize;
            double k = scale();
            size.setText(String.format(Locale.ROOT, "%,d x %,d pixels, with a header naming the inputs, the time"
                    + " shown and the key numbers", Math.round(s[0] * k), Math.round(s[1] * k)));
        };
        what.selectedToggleProperty().addListener(x -> updateSize.run());
        scales.selectedToggleProperty().addListener(x -> updateSize.run());
        updateSize.run();

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Picture"), new HBox(14, view, window));
        grid.addRow(1, new Label("Scale"), new HBox(14, one, two));
        grid.add(size, 1, 2);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(SAVE, COPY, ButtonType.CANCEL);
        setResultConverter(b -> b == SAVE || b == COPY
                ? new ExportRequest(isWindow(), scale(), b == SAVE ? ExportRequest.Action.SAVE : ExportRequest.Action.COPY)
                : null);
    }

    private boolean isWindow() {
        return Boolean.TRUE.equals(what.getSelectedToggle().getUserData());
    }

    private double scale() {
        return (Double) scales.getSelectedToggle().getUserData();
    }

    private static RadioButton option(String text, ToggleGroup group, Object value) {
        RadioButton r = new RadioButton(text);
        r.setToggleGroup(group);
        r.setUserData(value);
        return r;
    }
}
