package dev.flarescope.ui;

import dev.flarescope.format.InputException;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Trace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop window: drop traces on it (or pass paths on the command line) and it loads them and
 * says what it found. Loading runs in a background {@link Task} so the window never freezes.
 */
public final class FlarescopeApp extends Application {
    /** Opened when the app starts without paths and this folder exists (the bundled demo). */
    static final Path SAMPLE = Path.of("sample-traces", "serving-run");

    private final Label title = new Label("Drop a trace here");
    private final Label status = new Label();

    /** Starts JavaFX and opens the window; {@code args} are paths to load. */
    public static void launchApp(String... args) {
        Application.launch(FlarescopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        status.setWrapText(true);
        VBox root = new VBox(12, title, status);
        root.setAlignment(Pos.CENTER);
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        stage.setTitle("Flarescope");
        stage.setScene(new Scene(root, 900, 600));
        stage.show();

        List<Path> paths = getParameters().getRaw().stream().map(Path::of).toList();
        if (paths.isEmpty() && Files.isDirectory(SAMPLE)) {
            paths = List.of(SAMPLE);
        }
        if (!paths.isEmpty()) {
            open(paths);
        }
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private void open(List<Path> paths) {
        title.setText(paths.stream().map(p -> String.valueOf(p.getFileName())).collect(Collectors.joining(", ")));
        status.setText("Loading...");
        Task<TraceLoader.Result> load = new Task<>() {
            @Override
            protected TraceLoader.Result call() {
                return TraceLoader.load(paths);
            }
        };
        load.setOnSucceeded(ev -> status.setText(summary(load.getValue())));
        load.setOnFailed(ev -> status.setText("Could not load: " + load.getException().getMessage()));
        Thread t = new Thread(load, "flarescope-load");
        t.setDaemon(true);
        t.start();
    }

    /** One line: processes and events loaded, then one line per input that could not be read. */
    static String summary(TraceLoader.Result r) {
        Trace trace = r.trace();
        StringBuilder sb = new StringBuilder();
        sb.append(count(trace.processes().size(), "process", "processes")).append(", ")
                .append(count(trace.events(), "event", "events")).append(" from ")
                .append(count(trace.inputs().size(), "input", "inputs"));
        for (InputException f : r.failures()) {
            sb.append('\n').append(f.userMessage());
        }
        return sb.toString();
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
