package dev.flarescope.ui.export;

import dev.flarescope.Launcher;
import dev.flarescope.format.OutputFiles;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.ui.render.export.HeaderPainter;
import dev.flarescope.ui.render.export.NoteListPainter;
import dev.flarescope.ui.view.common.Notices;
import dev.flarescope.ui.viewmodel.InputNames;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The app's "Export picture" action: asks what and how (see {@link ExportDialog}), composes the picture
 * on the FX thread ({@link ViewPicture}), and saves it as a PNG in a background task or puts it on the
 * clipboard. Problems end in a notice, never in a stack trace.
 */
public final class ExportController {
    /** The view in front: what it is, its node, and the time it shows (null when it has no time axis). */
    public record Target(ExportView kind, Node node, TimeRange shown) {
    }

    private final Stage stage;
    private final TraceSession session;
    private final Supplier<Target> current;
    private final Node window;
    private final Supplier<List<Note>> notes;
    private Path lastFolder;

    /**
     * @param current the view in front now
     * @param window  the window's root, for pictures of the whole window
     * @param notes   the notes of the open trace
     */
    public ExportController(Stage stage, TraceSession session, Supplier<Target> current, Node window,
                            Supplier<List<Note>> notes) {
        this.stage = stage;
        this.session = session;
        this.current = current;
        this.window = window;
        this.notes = notes;
    }

    /** Asks what to export and does it. */
    public void showDialog() {
        if (session.trace() == null) {
            return;
        }
        Target t = current.get();
        double screenScale = stage.getOutputScaleX();
        new ExportDialog(stage, t.kind().label(), size(t.node(), t.kind()), size(window, ExportView.WINDOW), screenScale)
                .showAndWait().ifPresent(this::run);
    }

    /** Copies the current view to the clipboard at the screen's scale. */
    public void copyView() {
        if (session.trace() != null) {
            run(new ExportRequest(false, Math.max(1, stage.getOutputScaleX()), ExportRequest.Action.COPY));
        }
    }

    /** The picture a request asks for (FX thread). */
    public WritableImage picture(boolean wholeWindow, double scale) {
        Target t = wholeWindow ? new Target(ExportView.WINDOW, window, session.viewport().get()) : current.get();
        Trace trace = session.trace();
        ExportHeader header = ExportHeader.of(t.kind(), session.inputs(), t.shown(), TraceSession.bounds(trace),
                session.analysis().get());
        List<Note> listed = t.kind().drawsNotes() ? List.of() : notes.get();
        return new ViewPicture().render(t.node(), header, listed, trace.minTs(), "Flarescope " + Launcher.version(),
                scale);
    }

    private void run(ExportRequest r) {
        WritableImage image;
        try {
            image = picture(r.window(), r.scale());
        } catch (IllegalArgumentException e) {
            Notices.problem(stage, "Nothing exported", e.getMessage());
            return;
        }
        if (r.action() == ExportRequest.Action.COPY) {
            ClipboardContent content = new ClipboardContent();
            content.putImage(image);
            Clipboard.getSystemClipboard().setContent(content);
            Notices.info(stage, "Picture copied", String.format(Locale.ROOT, "%,d x %,d pixels on the clipboard",
                    (long) image.getWidth(), (long) image.getHeight()));
            return;
        }
        chooseFile(r).ifPresent(path -> save(image, path));
    }

    private Optional<Path> chooseFile(ExportRequest r) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save picture");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG picture", "*.png"));
        String view = r.window() ? "window" : current.get().kind().id();
        chooser.setInitialFileName(InputNames.picture(session.inputs(), view));
        Path folder = lastFolder != null ? lastFolder : ExportNames.folder(session.inputs());
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return Optional.ofNullable(chooser.showSaveDialog(stage)).map(f -> ExportNames.withPng(f.toPath()));
    }

    private void save(WritableImage image, Path path) {
        lastFolder = path.toAbsolutePath().getParent();
        Task<Void> write = new Task<>() {
            @Override
            protected Void call() throws IOException {
                PngFiles.write(image, path);
                return null;
            }
        };
        write.setOnSucceeded(e -> Notices.info(stage, "Picture saved", path.toString()));
        write.setOnFailed(e -> Notices.problem(stage, "Cannot save " + path.getFileName(),
                write.getException() instanceof IOException io ? OutputFiles.describe(io)
                        : String.valueOf(write.getException().getMessage())));
        Thread t = new Thread(write, "flarescope-export");
        t.setDaemon(true);
        t.start();
    }

    private double[] size(Node node, ExportView kind) {
        double listed = kind.drawsNotes() ? 0 : NoteListPainter.height(notes.get().size());
        return new double[] {Math.ceil(node.getLayoutBounds().getWidth()),
                HeaderPainter.HEIGHT + Math.ceil(node.getLayoutBounds().getHeight()) + listed};
    }
}
