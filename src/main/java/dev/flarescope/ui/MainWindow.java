package dev.flarescope.ui;

import dev.flarescope.icons.Icon;
import dev.flarescope.icons.Icons;
import dev.flarescope.ui.dialog.AboutDialog;
import dev.flarescope.ui.dialog.AboutInfo;
import dev.flarescope.ui.dialog.OpenDialogs;
import dev.flarescope.ui.export.ExportController;
import dev.flarescope.ui.export.ExportView;
import dev.flarescope.ui.view.common.DropTarget;
import dev.flarescope.ui.view.common.FxExecutors;
import dev.flarescope.ui.view.common.LoadMessages;
import dev.flarescope.ui.view.common.LoadProgressPane;
import dev.flarescope.ui.view.common.Notices;
import dev.flarescope.ui.view.common.StatusBar;
import dev.flarescope.ui.view.common.Units;
import dev.flarescope.ui.view.dashboard.DashboardView;
import dev.flarescope.ui.view.details.DetailsPane;
import dev.flarescope.ui.view.findings.FindingCounts;
import dev.flarescope.ui.view.findings.FindingsPanel;
import dev.flarescope.ui.view.flame.FlameGraphView;
import dev.flarescope.ui.view.live.AttachDialog;
import dev.flarescope.ui.view.live.LiveBadge;
import dev.flarescope.ui.view.notes.NoteCommands;
import dev.flarescope.ui.view.notes.NotesPanel;
import dev.flarescope.ui.view.phases.PhaseTimelineView;
import dev.flarescope.ui.view.start.StartScreen;
import dev.flarescope.ui.view.stats.StatisticsView;
import dev.flarescope.ui.view.timeline.TimelineView;
import dev.flarescope.ui.viewmodel.AnalysisViewModel;
import dev.flarescope.ui.viewmodel.LiveViewModel;
import dev.flarescope.ui.viewmodel.FindingsModel;
import dev.flarescope.ui.viewmodel.InputNames;
import dev.flarescope.ui.viewmodel.LoadOutcome;
import dev.flarescope.ui.viewmodel.LoadViewModel;
import dev.flarescope.ui.viewmodel.NotesViewModel;
import dev.flarescope.ui.viewmodel.RecentFiles;
import dev.flarescope.ui.viewmodel.RecentTargets;
import dev.flarescope.ui.viewmodel.SaveTraceModel;
import dev.flarescope.ui.viewmodel.TimelineTarget;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The application window: a toolbar (open, add, search, reset zoom), the start screen or the views of
 * the open trace in tabs (Timeline, Flame graph, Statistics, and the request views: Requests, Findings,
 * Dashboard), and a status bar with the finding counts. Every way of opening
 * traces (dialogs, start screen, recent files, the command line, dropping files) ends in
 * {@link #open(List)} or {@link #add(List)}, which hand the paths to the {@link LoadViewModel}.
 *
 * <p>Dropping files works at any time: on the start screen it opens them, on an open trace it adds
 * them as further inputs. While a trace loads, the one shown before stays usable.
 */
public final class MainWindow {
    /** Toolbar width below which, while a live source is attached, the opening buttons show icons alone. */
    private static final double COMPACT_TOOLBAR_BELOW = 1500;

    private final Stage stage;
    private final Path sample;
    private final TraceSession session = new TraceSession();
    private final LoadViewModel loader;
    private final TimelineView timeline;
    private final OpenDialogs dialogs = new OpenDialogs();
    private final TextField searchField = new TextField();
    private final TabPane tabs = new TabPane();
    private final Tab timelineTab = new Tab("Timeline");
    private final Tab flameTab = new Tab("Flame graph");
    private final Tab statisticsTab = new Tab("Statistics");
    private final AnalysisViewModel analysis = new AnalysisViewModel(session, FxExecutors.fxThread(),
            FxExecutors.background("flarescope-analysis"));
    private final FindingsModel findings = new FindingsModel(analysis);
    private final Tab requestsTab = new Tab("Requests");
    private final Tab findingsTab = new Tab("Findings");
    private final Tab dashboardTab = new Tab("Dashboard");
    private final StackPane root = new StackPane();
    private final LiveViewModel live = new LiveViewModel(session, FxExecutors.fxThread());
    private final RecentTargets recentTargets = RecentTargets.forUser();
    private final ExportController exporter;
    private final SaveTraceModel saver = new SaveTraceModel(session, FxExecutors.fxThread(),
            FxExecutors.background("flarescope-save"));
    private final PhaseTimelineView requests = new PhaseTimelineView(session);
    private final NotesViewModel notes = new NotesViewModel(session, FxExecutors.fxThread(),
            FxExecutors.background("flarescope-notes"));
    private final NoteCommands noteCommands = new NoteCommands(notes, () -> root.getScene() == null ? null
            : root.getScene().getWindow());

    /**
     * Builds the window into {@code stage} (scene, title, size); the caller shows it.
     *
     * @param sample the bundled sample trace that "Open sample" opens
     */
    public MainWindow(Stage stage, RecentFiles recent, Path sample) {
        this.stage = stage;
        this.sample = sample;
        this.loader = new LoadViewModel(session, recent, FxExecutors.fxThread(),
                FxExecutors.threadPerTask("flarescope-load"));
        this.timeline = new TimelineView(session);
        loader.addOutcomeListener(this::reportOutcome);

        StartScreen start = new StartScreen(recent.entries(), Files.isDirectory(sample), new StartScreen.Actions() {
            @Override
            public void openFiles() {
                chooseAndOpen();
            }

            @Override
            public void openFolder() {
                chooseFolderAndOpen();
            }

            @Override
            public void openSample() {
                open(List.of(sample));
            }

            @Override
            public void openRecent(Path path) {
                open(List.of(path));
            }
        });
        buildTabs();
        exporter = new ExportController(stage, session, this::exportTarget, root, session::notes);
        StackPane content = new StackPane(start, tabs);
        BooleanBinding noTrace = session.traceProperty().isNull();
        start.visibleProperty().bind(noTrace);
        tabs.visibleProperty().bind(noTrace.not());

        BorderPane frame = new BorderPane(content);
        frame.setTop(toolbar());
        StatusBar status = new StatusBar(session);
        status.addItem(new FindingCounts(findings, this::showFindings));
        status.addItem(notesProblem());
        frame.setBottom(status);

        LoadProgressPane progress = new LoadProgressPane(loader);
        StackPane.setAlignment(progress, Pos.CENTER);
        root.getChildren().addAll(frame, progress);
        DropTarget.install(root, paths -> LoadMessages.drop(paths, session.trace() != null), this::acceptDrop);

        // never larger than the screen: a window bigger than a small screen would open partly off it
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                this::chooseAndOpen);
        scene.getAccelerators().put(
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::chooseFolderAndOpen);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    searchField.requestFocus();
                    searchField.selectAll();
                });
        scene.getAccelerators().put(
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::chooseAndSave);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                exporter::showDialog);
        scene.getAccelerators().put(
                new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                exporter::copyView);
        stage.setScene(scene);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> live.detach());
        stage.getIcons().setAll(Icons.appIcons());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.titleProperty().bind(Bindings.createStringBinding(this::title, session.inputs()));
    }

    /** The state shared by the views of this window. */
    public TraceSession session() {
        return session;
    }

    /** Loads traces for this window (progress, cancel, outcome listeners). */
    public LoadViewModel loader() {
        return loader;
    }

    /** The live source attached to this window, if any (attach, pause, follow, detach). */
    public LiveViewModel live() {
        return live;
    }

    /** The Export action (pictures of the view in front or of the window). */
    public ExportController exporter() {
        return exporter;
    }

    public Parent root() {
        return root;
    }

    /** Replaces the open trace with {@code paths}: what the Open dialogs and the start screen call. */
    public void open(List<Path> paths) {
        live.detach();
        loader.open(paths);
    }

    /** Loads {@code paths} together with the inputs already open: what the Add dialog calls. */
    public void add(List<Path> paths) {
        live.detach();
        loader.add(paths);
    }

    /** What dropping files does: open them on the start screen, add them to an open trace. */
    public void acceptDrop(List<Path> paths) {
        if (session.trace() == null) {
            open(paths);
        } else {
            add(paths);
        }
    }

    /** Brings the Timeline tab to the front. */
    public void showTimeline() {
        tabs.getSelectionModel().select(timelineTab);
    }

    /** Brings the Statistics tab to the front. */
    public void showStatistics() {
        tabs.getSelectionModel().select(statisticsTab);
    }

    /** Brings the Findings tab to the front. */
    public void showFindings() {
        tabs.getSelectionModel().select(findingsTab);
    }

    /** The request analysis shared by the Requests, Findings and Dashboard tabs (thresholds, re-runs). */
    public AnalysisViewModel analysis() {
        return analysis;
    }

    private void buildTabs() {
        SplitPane timelineSplit = new SplitPane(timeline, detailsAndNotes());
        timelineSplit.setOrientation(Orientation.VERTICAL);
        timelineSplit.setDividerPositions(0.72);
        timelineTab.setContent(timelineSplit);
        flameTab.setContent(new FlameGraphView(session));
        StatisticsView statistics = new StatisticsView(session);
        statistics.setOnReveal(this::showTimeline);
        statisticsTab.setContent(statistics);
        tabs.getTabs().addAll(timelineTab, flameTab, statisticsTab);
        buildRequestTabs();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    /**
     * Below the timeline: the selected span's details and the notes of the trace, in tabs. Notes are
     * added from the timeline (M, right click), the request rows and the findings.
     */
    private TabPane detailsAndNotes() {
        timeline.setNoteCommands(noteCommands);
        noteCommands.setOnReveal(target -> {
            showTimeline();
            timeline.reveal(target);
        });
        Tab details = new Tab("Details", new DetailsPane(session));
        Tab notesTab = new Tab("Notes", new NotesPanel(noteCommands));
        notesTab.setId("notes-tab");
        notesTab.textProperty().bind(Bindings.createStringBinding(() -> notes.notes().isEmpty() ? "Notes"
                : "Notes (" + notes.notes().size() + ")", notes.notes()));
        TabPane below = new TabPane(details, notesTab);
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        below.getStyleClass().add("details-tabs");
        return below;
    }

    /** A status bar item that shows a problem reading or saving notes, with the whole text on hover. */
    private Label notesProblem() {
        Label problem = new Label();
        problem.getStyleClass().addAll("status-item", "status-warning");
        problem.setMaxWidth(520);
        problem.textProperty().bind(notes.messageProperty());
        Tooltip full = new Tooltip();
        full.setWrapText(true);
        full.setMaxWidth(640);
        full.textProperty().bind(notes.messageProperty());
        problem.setTooltip(full);
        problem.visibleProperty().bind(notes.messageProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    /** Requests, Findings and Dashboard, and how they take the user to each other and to the timeline. */
    private void buildRequestTabs() {
        FindingsPanel findingsPanel = new FindingsPanel(analysis, findings);
        DashboardView dashboard = new DashboardView(session);
        Consumer<TimelineTarget> toTimeline = target -> {
            showTimeline();
            timeline.reveal(target);
        };
        requests.setOnReveal(toTimeline);
        findingsPanel.setOnShowInTimeline(toTimeline);
        findingsPanel.setOnAddNote(noteCommands::addFromFinding);
        requests.setNoteCommands(noteCommands);
        findingsPanel.setOnShowRequest(id -> {
            tabs.getSelectionModel().select(requestsTab);
            requests.showRequest(id);
        });
        dashboard.setOnOpenFindings((label, rules) -> {
            findings.showRules(label, rules);
            showFindings();
        });
        requestsTab.setContent(requests);
        findingsTab.setContent(findingsPanel);
        dashboardTab.setContent(dashboard);
        tabs.getTabs().addAll(requestsTab, findingsTab, dashboardTab);
    }

    private ToolBar toolbar() {
        Button open = new Button("Open\u2026", Icons.view(Icon.OPEN));
        open.setTooltip(new Tooltip("Open trace files (Ctrl+O)"));
        open.setOnAction(e -> chooseAndOpen());
        Button folder = new Button("Open folder\u2026", Icons.view(Icon.FOLDER));
        folder.setTooltip(new Tooltip("Open a folder of fragments (Ctrl+Shift+O)"));
        folder.setOnAction(e -> chooseFolderAndOpen());
        Button add = new Button("Add\u2026", Icons.view(Icon.ADD));
        add.setTooltip(new Tooltip("Load more files together with the open trace"));
        add.setOnAction(e -> {
            List<Path> files = dialogs.chooseFiles(stage, "Add inputs to this trace");
            if (!files.isEmpty()) {
                add(files);
            }
        });

        Button attach = new Button("Attach\u2026", Icons.view(Icon.ATTACH));
        attach.setTooltip(new Tooltip("Watch a live source: growing files, a stream, pushed batches, or the demo"));
        attach.setOnAction(e -> chooseAndAttach());

        searchField.setPromptText("Search spans (Ctrl+F)");
        searchField.getStyleClass().add("search-field");
        searchField.textProperty().bindBidirectional(session.searchQuery());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    timeline.previousMatch();
                } else {
                    timeline.nextMatch();
                }
                showTimeline();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                e.consume();
            }
        });
        Label matches = new Label();
        matches.getStyleClass().add("status-item");
        matches.textProperty().bind(Bindings.createStringBinding(this::matchText,
                timeline.matchCountProperty(), timeline.currentMatchProperty(), session.searchQuery()));

        Button resetZoom = new Button("Reset zoom", Icons.view(Icon.RESET_ZOOM));
        resetZoom.setTooltip(new Tooltip("Show the whole trace"));
        resetZoom.setOnAction(e -> session.showAll());

        Button save = new Button("Save as\u2026", Icons.view(Icon.SAVE));
        save.setTooltip(new Tooltip("Write what is shown (a live capture too) as one trace file, notes beside it"
                + " (Ctrl+Shift+S)"));
        save.setOnAction(e -> chooseAndSave());
        save.disableProperty().bind(session.traceProperty().isNull().or(saver.savingProperty()));

        Button export = new Button("Export\u2026", Icons.view(Icon.EXPORT));
        export.setTooltip(new Tooltip("Save or copy a picture of this view with its notes and findings (Ctrl+E;"
                + " Ctrl+Shift+C copies it at once)"));
        export.setOnAction(e -> exporter.showDialog());

        BooleanBinding noTrace = session.traceProperty().isNull();
        add.disableProperty().bind(noTrace);
        export.disableProperty().bind(noTrace);
        searchField.disableProperty().bind(noTrace);
        resetZoom.disableProperty().bind(noTrace);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(open, folder, add, attach, new Separator(Orientation.VERTICAL), searchField, matches,
                spacer, new LiveBadge(live), resetZoom, save, export, helpMenu());
        bar.setPadding(new Insets(5, 8, 5, 8));
        // buttons never cut their labels short: while the live badge needs the room on a narrow window,
        // the opening buttons show their icons alone (their tooltips still name them), and what does not
        // fit goes to the toolbar's overflow menu
        searchField.setMinWidth(120);
        BooleanBinding compact = live.attached().and(bar.widthProperty().lessThan(COMPACT_TOOLBAR_BELOW));
        for (Button b : List.of(open, folder, add, attach)) {
            b.contentDisplayProperty().bind(Bindings.when(compact).then(ContentDisplay.GRAPHIC_ONLY)
                    .otherwise(ContentDisplay.LEFT));
        }
        for (Button b : List.of(open, folder, add, attach, resetZoom, save, export)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    /** The view in front, for the Export action: the timeline without its details, the other tabs whole. */
    private ExportController.Target exportTarget() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab == timelineTab) {
            return new ExportController.Target(ExportView.TIMELINE, timeline, session.viewport().get());
        }
        if (tab == flameTab) {
            return new ExportController.Target(ExportView.FLAME, flameTab.getContent(), session.timeSelection().get());
        }
        if (tab == statisticsTab) {
            return new ExportController.Target(ExportView.STATISTICS, statisticsTab.getContent(),
                    session.timeSelection().get());
        }
        if (tab == requestsTab) {
            return new ExportController.Target(ExportView.PHASES, requestsTab.getContent(), requests.shownOnTraceClock());
        }
        ExportView kind = tab == findingsTab ? ExportView.FINDINGS : ExportView.DASHBOARD;
        return new ExportController.Target(kind, tab.getContent(), null);
    }

    private MenuButton helpMenu() {
        MenuItem about = new MenuItem("About Flarescope");
        about.setOnAction(e -> new AboutDialog(stage, AboutInfo.current()).show());
        MenuButton help = new MenuButton("?", null, about);
        help.getStyleClass().add("help-menu");
        help.setTooltip(new Tooltip("Help"));
        return help;
    }

    private String matchText() {
        String q = session.searchQuery().get();
        if (q == null || q.isBlank()) {
            return "";
        }
        int n = timeline.matchCountProperty().get();
        int at = timeline.currentMatchProperty().get();
        if (n == 0) {
            return "no matches";
        }
        return at >= 0 ? (at + 1) + " of " + n : n + (n == 1 ? " match" : " matches");
    }

    private void chooseAndOpen() {
        List<Path> files = dialogs.chooseFiles(stage, "Open traces");
        if (!files.isEmpty()) {
            open(files);
        }
    }

    /** Asks for a live target and attaches to it; a target that cannot be opened is explained in a notice. */
    private void chooseAndAttach() {
        AttachDialog dialog = new AttachDialog(stage, recentTargets.entries(), live.retention().get());
        dialog.ask().ifPresent(target -> {
            live.retention().set(dialog.retention());
            try {
                live.attach(target);
                recentTargets.remember(target);
            } catch (IOException | IllegalArgumentException e) {
                Notices.problem(stage, "Cannot attach to " + target.label(), e.getMessage());
            }
        });
    }

    /** Asks where to save the shown trace and its notes, then writes them in the background. */
    private void chooseAndSave() {
        if (session.trace() == null || saver.savingProperty().get()) {
            return;
        }
        dialogs.chooseSaveFile(stage, "Save trace as", InputNames.savedTrace(session.inputs()))
                .ifPresent(path -> saver.save(path, o -> {
                    if (o.ok()) {
                        Notices.info(stage, "Trace saved", Units.count(o.events(), "event", "events") + " and "
                                + Units.count(o.notes(), "note", "notes") + " in " + o.path());
                    } else {
                        Notices.problem(stage, "Cannot save the trace", o.problem());
                    }
                }));
    }

    private void chooseFolderAndOpen() {
        dialogs.chooseFolder(stage, "Open a folder of traces").ifPresent(dir -> open(List.of(dir)));
    }

    /** One notice per load: the per-input summary, or the problems followed by what did open. */
    private void reportOutcome(LoadOutcome o) {
        switch (o.status()) {
            case LOADED -> {
                if (o.failures().isEmpty()) {
                    Notices.info(stage, LoadMessages.loadedTitle(o), LoadMessages.inputLines(o));
                } else {
                    Notices.problem(stage, LoadMessages.failureTitle(o), LoadMessages.failureLines(o, true));
                }
            }
            case NOTHING_LOADED -> Notices.problem(stage, LoadMessages.failureTitle(o),
                    LoadMessages.failureLines(o, session.trace() != null));
            case CANCELLED -> {
                // the user asked for it; the trace shown before is still there
            }
        }
    }

    private String title() {
        List<String> inputs = session.inputs();
        if (inputs.isEmpty()) {
            return "Flarescope";
        }
        Path first = Path.of(inputs.get(0)).getFileName();
        String name = first == null ? inputs.get(0) : first.toString();
        return (inputs.size() == 1 ? name : name + " + " + (inputs.size() - 1) + " more") + " \u2013 Flarescope";
    }
}
