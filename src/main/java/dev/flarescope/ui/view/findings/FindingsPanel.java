package dev.flarescope.ui.view.findings;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.model.Severity;
import dev.flarescope.ui.viewmodel.AnalysisViewModel;
import dev.flarescope.ui.viewmodel.FindingsModel;
import dev.flarescope.ui.viewmodel.FindingsModel.RuleFilter;
import dev.flarescope.ui.viewmodel.TimelineTarget;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "Findings" view: every finding of the analysis with its severity icon, rule, one-line message
 * and the numbers that convict, filtered by severity and rule; the decode speed ceiling in force
 * ("ceiling: 21.3 tok/s measured by llama-bench (...)"); the selected finding in full with the rule's
 * explanation; and the rule thresholds, editable.
 *
 * <p>Selecting a finding highlights its evidence in every view and selects its request. A double
 * click or Enter (or the buttons) goes there: to the request's row when it names a request, else to
 * the time range and thread in the trace timeline.
 */
public final class FindingsPanel extends BorderPane {
    private final FindingsModel model;
    private final ListView<Finding> list;
    private final FindingDetails details = new FindingDetails();
    private Consumer<String> onShowRequest = id -> { };
    private Consumer<TimelineTarget> onShowInTimeline = t -> { };
    private Consumer<Finding> onAddNote;

    public FindingsPanel(AnalysisViewModel analysis, FindingsModel model) {
        this.model = model;
        getStyleClass().add("findings-panel");
        getStylesheets().add(FindingsPanel.class.getResource("findings.css").toExternalForm());
        list = new ListView<>(model.shown());
        list.setCellFactory(v -> new FindingCell());
        list.getStyleClass().add("findings-list");
        Label none = new Label("No findings: the numbers in this trace are consistent with each other and with "
                + "what the hardware can do.");
        none.getStyleClass().add("placeholder-text");
        none.setWrapText(true);
        list.setPlaceholder(none);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, f) -> {
            model.select(f);
            details.show(f, f == null ? null : model.target(f));
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() >= 2) {
                navigate(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                navigate(list.getSelectionModel().getSelectedItem());
            }
        });
        details.showRequest.setOnAction(e -> showRequest(list.getSelectionModel().getSelectedItem()));
        details.showInTimeline.setOnAction(e -> showInTimeline(list.getSelectionModel().getSelectedItem()));
        details.addNote.setOnAction(e -> {
            Finding f = list.getSelectionModel().getSelectedItem();
            if (f != null && onAddNote != null) {
                onAddNote.accept(f);
            }
        });
        analysis.session().highlightedFinding().addListener((obs, old, f) -> {
            if (f != null && f != list.getSelectionModel().getSelectedItem() && model.shown().contains(f)) {
                list.getSelectionModel().select(f);
                list.scrollTo(f);
            }
        });

        ScrollPane detailsScroll = new ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        detailsScroll.getStyleClass().add("finding-details-scroll");
        ThresholdsPane thresholds = new ThresholdsPane(analysis);
        ScrollPane thresholdsScroll = new ScrollPane(thresholds);
        thresholdsScroll.setFitToWidth(true);
        thresholdsScroll.getStyleClass().add("finding-details-scroll");
        SplitPane side = new SplitPane(detailsScroll, thresholdsScroll);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.58);
        SplitPane split = new SplitPane(list, side);
        split.setDividerPositions(0.6);

        VBox top = new VBox(filterBar(), ceilingBanner(analysis));
        setTop(top);
        setCenter(split);
    }

    /** What "Show request" does with a request id. */
    public void setOnShowRequest(Consumer<String> action) {
        this.onShowRequest = action;
    }

    /** What "Show in timeline" does with a finding's place in the trace timeline. */
    public void setOnShowInTimeline(Consumer<TimelineTarget> action) {
        this.onShowInTimeline = action;
    }

    /**
     * What "Add as note" does with the selected finding (the button shows only once this is set): the
     * app opens the note editor with the rule, numbers and explanation written out.
     */
    public void setOnAddNote(Consumer<Finding> action) {
        this.onAddNote = action;
        details.addNote.setVisible(action != null);
    }

    /** Selects {@code f} in the list when the filters show it. */
    public void select(Finding f) {
        list.getSelectionModel().select(f);
        if (f != null) {
            list.scrollTo(f);
        }
    }

    private void navigate(Finding f) {
        if (f == null) {
            return;
        }
        FindingsModel.Target t = model.target(f);
        if (t.requestId() != null) {
            onShowRequest.accept(t.requestId());
        } else if (t.timeline() != null) {
            onShowInTimeline.accept(t.timeline());
        }
    }

    private void showRequest(Finding f) {
        if (f != null && model.target(f).requestId() != null) {
            onShowRequest.accept(model.target(f).requestId());
        }
    }

    private void showInTimeline(Finding f) {
        if (f != null && model.target(f).timeline() != null) {
            onShowInTimeline.accept(model.target(f).timeline());
        }
    }

    private HBox filterBar() {
        HBox bar = new HBox(8);
        bar.getStyleClass().add("findings-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(5, 8, 5, 8));
        for (Severity s : FindingsModel.SEVERITIES) {
            ToggleButton b = new ToggleButton("", new SeverityIcon(s, 12));
            b.setId("show-" + s.id());
            b.selectedProperty().bindBidirectional(model.showSeverity(s));
            b.textProperty().bind(Bindings.createStringBinding(() -> label(s, model.count(s).get()), model.count(s)));
            b.setTooltip(new Tooltip("Show or hide " + s.id() + " findings"));
            bar.getChildren().add(b);
        }
        ChoiceBox<RuleFilter> rule = new ChoiceBox<>(model.ruleFilters());
        rule.setId("rule-filter");
        rule.valueProperty().bindBidirectional(model.ruleFilter());
        Label shown = new Label();
        shown.getStyleClass().add("finding-numbers");
        shown.textProperty().bind(Bindings.size(model.shown()).asString("%d shown"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("Double-click a finding to go to it");
        hint.getStyleClass().add("finding-numbers");
        bar.getChildren().addAll(new Label("Rule"), rule, shown, spacer, hint);
        return bar;
    }

    private VBox ceilingBanner(AnalysisViewModel analysis) {
        VBox banner = new VBox(2);
        banner.getStyleClass().add("ceiling-banner");
        Runnable update = () -> {
            banner.getChildren().clear();
            for (String line : model.ceilingLines()) {
                Label l = new Label(line);
                l.getStyleClass().add("ceiling-line");
                banner.getChildren().add(l);
            }
        };
        analysis.session().analysis().addListener(x -> update.run());
        analysis.thresholds().addListener(x -> update.run());
        update.run();
        return banner;
    }

    private static String label(Severity s, int n) {
        String noun = s == Severity.INFO ? "info" : s.id() + "s";
        return n + " " + noun;
    }
}
