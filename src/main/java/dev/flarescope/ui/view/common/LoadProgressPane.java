package dev.flarescope.ui.view.common;

import dev.flarescope.ui.viewmodel.LoadViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The card shown while a trace loads: what is loading, a bar of bytes read out of the total, and a
 * Cancel button. It floats over the window instead of replacing it, so the trace that was open stays
 * visible and usable underneath until the new one is ready.
 */
public final class LoadProgressPane extends VBox {
    private final Button cancel = new Button("Cancel");

    public LoadProgressPane(LoadViewModel load) {
        getStyleClass().add("load-card");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setFillWidth(true);

        Label title = new Label();
        title.getStyleClass().add("load-title");
        title.textProperty().bind(Bindings.createStringBinding(
                () -> load.loadingPathsProperty().get().isEmpty() ? ""
                        : LoadMessages.loading(load.loadingPathsProperty().get()),
                load.loadingPathsProperty()));

        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(
                () -> fraction(load.bytesDoneProperty().get(), load.bytesTotalProperty().get()),
                load.bytesDoneProperty(), load.bytesTotalProperty()));

        Label detail = new Label();
        detail.getStyleClass().add("load-detail");
        detail.textProperty().bind(Bindings.createStringBinding(
                () -> detail(load.bytesDoneProperty().get(), load.bytesTotalProperty().get()),
                load.bytesDoneProperty(), load.bytesTotalProperty()));
        detail.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(detail, Priority.ALWAYS);

        cancel.setOnAction(e -> load.cancel());
        cancel.setCancelButton(true);
        HBox bottom = new HBox(12, detail, cancel);
        bottom.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, bar, bottom);
        visibleProperty().bind(load.loadingProperty());
        managedProperty().bind(visibleProperty());
    }

    /** The bar's value: indeterminate until sizes are known, then bytes read out of all bytes. */
    static double fraction(long done, long total) {
        return total <= 0 ? ProgressBar.INDETERMINATE_PROGRESS : Math.min(1.0, (double) done / total);
    }

    /** "Reading 45.2 MB of 120 MB", then "Building the trace" once every byte is read. */
    static String detail(long done, long total) {
        if (total < 0) {
            return "Looking at the inputs";
        }
        if (done >= total) {
            return "Building the trace";
        }
        return "Reading " + Units.bytes(done) + " of " + Units.bytes(total);
    }
}
