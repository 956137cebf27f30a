package dev.flarescope.ui.export;

import dev.flarescope.Launcher;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.ui.MainWindow;
import dev.flarescope.ui.view.dashboard.DashboardView;
import dev.flarescope.ui.view.findings.FindingsPanel;
import dev.flarescope.ui.view.flame.FlameGraphView;
import dev.flarescope.ui.view.phases.PhaseTimelineView;
import dev.flarescope.ui.view.stats.StatisticsView;
import dev.flarescope.ui.view.timeline.TimelineView;
import dev.flarescope.ui.viewmodel.AnalysisViewModel;
import dev.flarescope.ui.viewmodel.FindingsModel;
import dev.flarescope.ui.viewmodel.FlameViewModel;
import dev.flarescope.ui.viewmodel.FlameWorker;
import dev.flarescope.ui.viewmodel.StatisticsViewModel;
import dev.flarescope.ui.viewmodel.NoteAnchors;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * One of the app's views of a trace, built off screen for the command line's {@code export-png}: the
 * same classes as in the window, with every computation (request analysis, flame graph, statistics)
 * run at once on the FX thread rather than in background tasks, so the view is complete as soon as it
 * is built. Create and use on the FX thread.
 */
public final class OffscreenView {
    private static final Executor AT_ONCE = Runnable::run;

    private final ExportView kind;
    private final TraceSession session = new TraceSession();
    private final AnalysisViewModel analysis;
    private final Region view;
    private final List<Note> listed;

    /**
     * Builds {@code kind} for {@code trace} in an off-screen scene sized so that the whole picture
     * (header, view, note list) is {@code width} x {@code height} logical pixels.
     *
     * @param range the time to show (timeline, requests) or to summarise (flame graph, statistics), or
     *              null for the whole trace
     */
    public OffscreenView(ExportView kind, Trace trace, List<String> inputs, TimeRange range, List<Note> notes,
                         double width, double height) {
        if (kind == ExportView.WINDOW) {
            throw new IllegalArgumentException("the whole window is exported from the app only");
        }
        this.kind = kind;
        this.listed = kind.drawsNotes() ? List.of() : List.copyOf(notes);
        session.setTrace(trace, inputs);
        session.showNotes(notes);
        analysis = new AnalysisViewModel(session, AT_ONCE, AT_ONCE);
        if (range != null) {
            if (kind == ExportView.FLAME || kind == ExportView.STATISTICS) {
                session.timeSelection().set(range);
            } else {
                session.viewport().set(range);
            }
        }
        view = build();
        double viewHeight = ViewPicture.viewHeight(height, listed.size());
        ViewPicture.checkSize(width, viewHeight, 1);
        StackPane root = new StackPane(view);
        Scene scene = new Scene(root, width, viewHeight);
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        root.applyCss();
        root.layout();
        if (view instanceof TimelineView timeline) {
            showFirstSpanNote(timeline);
        }
    }

    /**
     * Scrolls the timeline to the thread of the first note pinned to a span in the time shown, so the
     * picture shows that span outlined with its label rather than a band over its time.
     */
    private void showFirstSpanNote(TimelineView timeline) {
        TimeRange shown = session.viewport().get();
        for (Note n : session.notes()) {
            Optional<SpanRef> span = NoteAnchors.span(session.trace(), n);
            if (span.isPresent() && shown != null && shown.overlaps(n.anchor().startNs(), n.anchor().endNs() + 1)) {
                timeline.scrollToThread(span.get().process(), span.get().thread());
                return;
            }
        }
    }

    /** The session the view shows (its notes, selection and viewport can still be set). */
    public TraceSession session() {
        return session;
    }

    /** Lays the view out again (after session changes) and returns the picture at {@code scale}. */
    public WritableImage render(double scale) {
        view.applyCss();
        view.getParent().layout();
        ExportHeader header = ExportHeader.of(kind, session.inputs(), shownRange(), TraceSession.bounds(session.trace()),
                session.analysis().get());
        return new ViewPicture().render(view, header, listed, session.trace().minTs(),
                "Flarescope " + Launcher.version(), scale);
    }

    /** Findings of the request analysis behind the picture. */
    public int findingCount() {
        return session.analysis().get() == null ? 0 : session.analysis().get().findings().size();
    }

    /** The findings, with the first (most severe) one selected so that its explanation is in the picture. */
    private FindingsPanel findings() {
        FindingsPanel panel = new FindingsPanel(analysis, new FindingsModel(analysis));
        if (findingCount() > 0) {
            panel.select(session.analysis().get().findings().get(0));
        }
        return panel;
    }

    private TimeRange shownRange() {
        return switch (kind) {
            case TIMELINE, PHASES -> session.viewport().get();
            case FLAME, STATISTICS -> session.timeSelection().get();
            default -> null;
        };
    }

    private Region build() {
        return switch (kind) {
            case TIMELINE -> new TimelineView(session);
            case FLAME -> new FlameGraphView(session, new FlameViewModel(session, FlameWorker.immediate()));
            case PHASES -> new PhaseTimelineView(session);
            case FINDINGS -> findings();
            case DASHBOARD -> new DashboardView(session);
            case STATISTICS -> new StatisticsView(session, new StatisticsViewModel(session, AT_ONCE, AT_ONCE));
            case WINDOW -> throw new IllegalArgumentException("window");
        };
    }
}
