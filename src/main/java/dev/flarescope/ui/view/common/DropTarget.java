package dev.flarescope.ui.view.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;

/**
 * Makes a pane accept files and folders dropped from the desktop. While something is dragged over it,
 * an overlay covers the pane and says what a drop will do (the text comes from {@code describe}, which
 * knows whether a trace is open); on drop the paths go to {@code onDrop}.
 */
public final class DropTarget {
    private final StackPane overlay = new StackPane();
    private final Label message = new Label();

    private DropTarget(StackPane host, Function<List<Path>, String> describe, Consumer<List<Path>> onDrop) {
        message.getStyleClass().add("drop-message");
        overlay.getStyleClass().add("drop-overlay");
        overlay.getChildren().add(message);
        StackPane.setAlignment(message, Pos.CENTER);
        overlay.setMouseTransparent(true);
        overlay.setVisible(false);
        host.getChildren().add(overlay);

        host.setOnDragOver(e -> {
            List<Path> paths = paths(e.getDragboard());
            if (!paths.isEmpty()) {
                e.acceptTransferModes(TransferMode.COPY);
                message.setText(describe.apply(paths));
                overlay.toFront();
                overlay.setVisible(true);
            }
            e.consume();
        });
        host.setOnDragExited(e -> overlay.setVisible(false));
        host.setOnDragDropped((DragEvent e) -> {
            overlay.setVisible(false);
            List<Path> paths = paths(e.getDragboard());
            if (!paths.isEmpty()) {
                onDrop.accept(paths);
            }
            e.setDropCompleted(!paths.isEmpty());
            e.consume();
        });
    }

    /** Installs drop handling and the overlay on {@code host} (the overlay becomes its last child). */
    public static void install(StackPane host, Function<List<Path>, String> describe, Consumer<List<Path>> onDrop) {
        new DropTarget(host, describe, onDrop);
    }

    private static List<Path> paths(Dragboard board) {
        return board.hasFiles() ? board.getFiles().stream().map(File::toPath).toList() : List.of();
    }
}
