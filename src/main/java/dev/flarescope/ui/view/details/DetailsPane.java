package dev.flarescope.ui.view.details;

import dev.flarescope.model.Trace;
import dev.flarescope.ui.viewmodel.SpanDetails;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TraceSession;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Details of the selected span ({@link TraceSession#selectedSpan()}): name, category, timing, thread and
 * process, flags, its args as an expandable tree (with a copy button for the JSON), and its flows in and
 * out; clicking a flow selects the span at its other end.
 */
public final class DetailsPane extends BorderPane {
    private final TraceSession session;
    private final Label title = new Label();
    private final HBox flagChips = new HBox(6);
    private final GridPane facts = new GridPane();
    private final TreeTableView<ArgsTree.Entry> args = new TreeTableView<>();
    private final Button copy = new Button("Copy JSON");
    private final VBox flows = new VBox(2);
    private final Label placeholder = new Label("Select a span in the timeline to see its details.");
    private final BorderPane content = new BorderPane();
    private String argsJson;

    public DetailsPane(TraceSession session) {
        this.session = session;
        getStyleClass().add("details-pane");
        getStylesheets().add(DetailsPane.class.getResource("details.css").toExternalForm());
        title.getStyleClass().add("details-title");
        placeholder.getStyleClass().add("details-placeholder");
        facts.getStyleClass().add("details-facts");
        facts.setHgap(12);
        facts.setVgap(3);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(70);
        facts.getColumnConstraints().addAll(keys, new ColumnConstraints());

        setupArgsTable();
        copy.setOnAction(e -> copyArgs());
        copy.getStyleClass().add("details-copy");

        HBox header = new HBox(10, title, flagChips);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 10, 6, 10));
        header.getStyleClass().add("details-header");

        Label argsHeading = heading("Arguments");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox argsBar = new HBox(8, argsHeading, spacer, copy);
        argsBar.setAlignment(Pos.CENTER_LEFT);
        VBox argsBox = new VBox(4, argsBar, args);
        VBox.setVgrow(args, Priority.ALWAYS);
        HBox.setHgrow(argsBox, Priority.ALWAYS);

        ScrollPane flowScroll = new ScrollPane(flows);
        flowScroll.setFitToWidth(true);
        flowScroll.getStyleClass().add("details-flows");
        VBox flowBox = new VBox(4, heading("Flows"), flowScroll);
        VBox.setVgrow(flowScroll, Priority.ALWAYS);
        flowBox.setPrefWidth(300);
        flowBox.setMinWidth(200);

        VBox factsBox = new VBox(4, heading("Span"), facts);
        factsBox.setPrefWidth(340);
        factsBox.setMinWidth(260);

        HBox body = new HBox(16, factsBox, argsBox, flowBox);
        body.setPadding(new Insets(4, 10, 8, 10));
        content.setTop(header);
        content.setCenter(body);

        session.selectedSpan().addListener((obs, was, now) -> show(now));
        session.traceProperty().addListener((obs, was, now) -> show(session.selectedSpan().get()));
        show(session.selectedSpan().get());
    }

    private void setupArgsTable() {
        TreeTableColumn<ArgsTree.Entry, String> key = new TreeTableColumn<>("Key");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().key()));
        key.setPrefWidth(180);
        TreeTableColumn<ArgsTree.Entry, String> value = new TreeTableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().value()));
        value.setPrefWidth(320);
        args.getColumns().add(key);
        args.getColumns().add(value);
        args.setShowRoot(false);
        args.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        args.setPlaceholder(new Label("No arguments"));
        args.getStyleClass().add("details-args");
    }

    private void show(SpanRef ref) {
        Trace trace = session.trace();
        if (ref == null || trace == null) {
            setCenter(placeholder);
            argsJson = null;
            return;
        }
        SpanDetails d = SpanDetails.of(trace, ref);
        title.setText(d.name());
        flagChips.getChildren().clear();
        for (String f : d.flags()) {
            Label chip = new Label(f);
            chip.getStyleClass().addAll("details-flag", f.startsWith("from") ? "info" : "warning");
            flagChips.getChildren().add(chip);
        }
        facts.getChildren().clear();
        int row = 0;
        row = fact(row, "Category", d.category().isEmpty() ? "(none)" : d.category());
        row = fact(row, "Start", d.start() + " after trace start");
        row = fact(row, "Duration", d.duration());
        row = fact(row, "Self time", d.selfTime());
        row = fact(row, "Thread", d.thread());
        row = fact(row, "Process", d.process());
        fact(row, "Host", d.host().isEmpty() ? "(not given)" : d.host());

        argsJson = d.argsJson();
        TreeItem<ArgsTree.Entry> root = ArgsTree.build(argsJson);
        args.setRoot(root);
        copy.setDisable(argsJson == null);

        flows.getChildren().clear();
        if (d.flows().isEmpty()) {
            Label none = new Label("No flows");
            none.getStyleClass().add("details-muted");
            flows.getChildren().add(none);
        }
        for (SpanDetails.FlowLink f : d.flows()) {
            String arrow = f.outgoing() ? "→ " : "← ";
            String text = arrow + (f.name().isEmpty() ? "" : f.name() + ": ") + f.description();
            if (f.other() == null) {
                Label l = new Label(text);
                l.getStyleClass().add("details-muted");
                flows.getChildren().add(l);
            } else {
                Hyperlink link = new Hyperlink(text);
                link.setWrapText(true);
                SpanRef other = f.other();
                link.setOnAction(e -> session.selectedSpan().set(other));
                flows.getChildren().add(link);
            }
        }
        setCenter(content);
    }

    private int fact(int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("details-key");
        Label v = new Label(value);
        v.getStyleClass().add("details-value");
        v.setWrapText(true);
        facts.addRow(row, k, v);
        return row + 1;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("details-heading");
        return l;
    }

    private void copyArgs() {
        if (argsJson != null) {
            ClipboardContent c = new ClipboardContent();
            c.putString(ArgsTree.pretty(argsJson));
            Clipboard.getSystemClipboard().setContent(c);
        }
    }
}
