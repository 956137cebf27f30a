package dev.flarescope.ui.view.start;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the window shows before a trace is open: a drop zone, buttons to open files, a folder or the
 * bundled sample, and the recently opened paths. It only offers choices; the {@link Actions} given by
 * the window carry them out.
 */
public final class StartScreen extends StackPane {

    /** What the buttons and links of the start screen do. */
    public interface Actions {
        void openFiles();

        void openFolder();

        void openSample();

        void openRecent(Path path);
    }

    private final VBox recentList = new VBox(2);
    private final Actions actions;

    /**
     * @param recent       recently opened paths, newest first; the list follows changes
     * @param sampleExists whether the "Open sample" button can do anything
     */
    public StartScreen(ObservableList<Path> recent, boolean sampleExists, Actions actions) {
        this.actions = actions;
        getStyleClass().add("start-screen");
        getStylesheets().add(StartScreen.class.getResource("start.css").toExternalForm());

        Label title = new Label("Flarescope");
        title.getStyleClass().add("start-title");
        Label subtitle = new Label("Profiling viewer for LLM-serving stacks");
        subtitle.getStyleClass().add("start-subtitle");

        Label dropIcon = new Label("\u2193");
        dropIcon.getStyleClass().add("drop-icon");
        Label dropText = new Label("Drop trace files or folders here");
        dropText.getStyleClass().add("drop-text");
        Label dropFormats = new Label("Chrome trace JSON / JSONL \u00b7 per-process fragments \u00b7 "
                + "request metrics logs \u00b7 llama-bench \u00b7 V8 CPU profiles");
        dropFormats.getStyleClass().add("drop-formats");
        dropFormats.setWrapText(true);
        VBox dropZone = new VBox(6, dropIcon, dropText, dropFormats);
        dropZone.getStyleClass().add("drop-zone");
        dropZone.setAlignment(Pos.CENTER);

        Button open = new Button("Open\u2026");
        open.getStyleClass().add("primary");
        open.setDefaultButton(true);
        open.setOnAction(e -> actions.openFiles());
        Button folder = new Button("Open folder\u2026");
        folder.setOnAction(e -> actions.openFolder());
        Button sample = new Button("Open sample");
        sample.setOnAction(e -> actions.openSample());
        sample.setDisable(!sampleExists);
        if (!sampleExists) {
            sample.setTooltip(new Tooltip("The sample traces are not next to the app (sample-traces/)"));
        }
        HBox buttons = new HBox(8, open, folder, sample);
        buttons.setAlignment(Pos.CENTER);

        Label recentTitle = new Label("Recent");
        recentTitle.getStyleClass().add("recent-title");
        VBox recentBox = new VBox(6, recentTitle, recentList);
        recentBox.getStyleClass().add("recent");
        recentBox.visibleProperty().bind(Bindings.isNotEmpty(recent));
        recentBox.managedProperty().bind(recentBox.visibleProperty());
        recent.addListener((ListChangeListener<Path>) c -> showRecent(recent));
        showRecent(recent);

        VBox column = new VBox(20, new VBox(2, title, subtitle), dropZone, buttons, recentBox);
        column.getStyleClass().add("start-column");
        column.setMaxWidth(560);
        column.setMaxHeight(Region.USE_PREF_SIZE);
        getChildren().add(column);
    }

    private void showRecent(ObservableList<Path> recent) {
        recentList.getChildren().clear();
        for (Path p : recent) {
            Path name = p.getFileName();
            Hyperlink link = new Hyperlink(name == null ? p.toString() : name.toString());
            link.getStyleClass().add("recent-link");
            link.setOnAction(e -> actions.openRecent(p));
            Path parent = p.getParent();
            Label where = new Label(parent == null ? "" : parent.toString());
            where.getStyleClass().add("recent-where");
            HBox row = new HBox(8, link, where);
            row.setAlignment(Pos.BASELINE_LEFT);
            if (!Files.exists(p)) {
                row.getStyleClass().add("missing");
                link.setTooltip(new Tooltip("No longer exists: " + p));
            } else {
                link.setTooltip(new Tooltip(p.toString()));
            }
            recentList.getChildren().add(row);
        }
    }
}
