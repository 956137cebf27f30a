package dev.flarescope.ui.view.stats;

import dev.flarescope.analysis.stats.SpanStat;
import dev.flarescope.ui.view.common.FxExecutors;
import dev.flarescope.ui.view.common.Units;
import dev.flarescope.ui.viewmodel.StatisticsViewModel;
import dev.flarescope.ui.viewmodel.StatisticsViewModel.ScopeChoice;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * "Where did the time go": one row per span name with count, total, self, max, mean, percentiles and
 * share of self time, for all threads, one process or one thread, following the time selection of
 * the session. Columns sort by clicking their header; the field above filters names. Double-clicking a
 * row (or Enter) selects the longest span of that name and shows it on the timeline.
 */
public final class StatisticsView extends BorderPane {
    private final StatisticsViewModel model;
    private final TableView<SpanStat> table = new TableView<>();
    private Runnable onReveal = () -> {
    };

    public StatisticsView(TraceSession session) {
        this(session, new StatisticsViewModel(session, FxExecutors.fxThread(),
                FxExecutors.background("flarescope-statistics")));
    }

    /** A view of an existing view model of {@code session} (an export builds its view model to compute at once). */
    public StatisticsView(TraceSession session, StatisticsViewModel model) {
        this.model = model;
        getStyleClass().add("statistics-view");
        getStylesheets().add(StatisticsView.class.getResource("stats.css").toExternalForm());

        TextField filter = new TextField();
        filter.setPromptText("Filter names");
        filter.getStyleClass().add("stats-filter");
        filter.textProperty().bindBidirectional(model.filter());

        ComboBox<ScopeChoice> scope = new ComboBox<>(model.scopes());
        scope.valueProperty().bindBidirectional(model.scope());
        scope.getStyleClass().add("stats-scope");
        scope.setVisibleRowCount(16);

        Label range = new Label();
        range.getStyleClass().add("stats-range");
        range.textProperty().bind(Bindings.createStringBinding(
                () -> rangeText(session.timeSelection().get(), model.spanCountProperty().get()),
                session.timeSelection(), model.spanCountProperty()));

        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("stats-busy");
        busy.visibleProperty().bind(model.computingProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, filter, scope, spacer, busy, range);
        bar.getStyleClass().add("stats-bar");
        bar.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        Label empty = new Label();
        empty.getStyleClass().add("placeholder-text");
        empty.textProperty().bind(Bindings.createStringBinding(() -> placeholder(session, model),
                session.traceProperty(), model.problemProperty(), model.filter(), model.computingProperty()));
        table.setPlaceholder(empty);

        setTop(bar);
        setCenter(table);
    }

    /** What to do after a row was revealed on the timeline (the window switches to the Timeline tab). */
    public void setOnReveal(Runnable action) {
        onReveal = action == null ? () -> {
        } : action;
    }

    private void buildTable() {
        TableColumn<SpanStat, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().name().isEmpty() ? "(unnamed)" : c.getValue().name()));
        name.setPrefWidth(300);
        TableColumn<SpanStat, Number> count = new TableColumn<>("Count");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        count.setCellFactory(col -> numberCell(n -> Units.count(n.longValue())));
        count.setPrefWidth(80);
        table.getColumns().add(name);
        table.getColumns().add(count);
        table.getColumns().add(durationColumn("Total", SpanStat::totalNs));
        table.getColumns().add(durationColumn("Self", SpanStat::selfNs));
        table.getColumns().add(durationColumn("Max", SpanStat::maxNs));
        TableColumn<SpanStat, Number> mean = new TableColumn<>("Mean");
        mean.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().meanNs()));
        mean.setCellFactory(col -> numberCell(n -> Units.duration(n.doubleValue())));
        mean.setPrefWidth(82);
        table.getColumns().add(mean);
        table.getColumns().add(durationColumn("p50", SpanStat::p50Ns));
        table.getColumns().add(durationColumn("p90", SpanStat::p90Ns));
        table.getColumns().add(durationColumn("p99", SpanStat::p99Ns));
        table.getColumns().add(shareColumn(SpanStat::share));

        SortedList<SpanStat> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<SpanStat> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    reveal(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            SpanStat s = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && s != null) {
                reveal(s);
                e.consume();
            }
        });
    }

    private void reveal(SpanStat stat) {
        if (model.reveal(stat)) {
            onReveal.run();
        }
    }

    private static TableColumn<SpanStat, Number> durationColumn(String title, ToLongFunction<SpanStat> value) {
        TableColumn<SpanStat, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.applyAsLong(f.getValue())));
        c.setCellFactory(col -> numberCell(n -> Units.duration(n.doubleValue())));
        c.setPrefWidth(82);
        return c;
    }

    private static TableColumn<SpanStat, Number> shareColumn(ToDoubleFunction<SpanStat> value) {
        TableColumn<SpanStat, Number> c = new TableColumn<>("Share");
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(f.getValue())));
        c.setCellFactory(col -> new ShareCell());
        c.setPrefWidth(110);
        return c;
    }

    private static TableCell<SpanStat, Number> numberCell(Function<Number, String> format) {
        TableCell<SpanStat, Number> cell = new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
        cell.getStyleClass().add("number-cell");
        return cell;
    }

    /** The share as a percentage over a bar filled in proportion, so the big consumers stand out. */
    private static final class ShareCell extends TableCell<SpanStat, Number> {
        ShareCell() {
            getStyleClass().add("share-cell");
        }

        @Override
        protected void updateItem(Number item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setStyle(null);
                return;
            }
            double pct = Math.max(0, Math.min(100, item.doubleValue() * 100));
            setText(Units.percent(item.doubleValue()));
            setStyle(String.format(Locale.ROOT,
                    "-fx-background-color: linear-gradient(to right, -share-bar %.2f%%, transparent %.2f%%);"
                            + " -fx-background-insets: 3 4 3 4;", pct, pct));
        }
    }

    private static String rangeText(TimeRange selection, long spans) {
        String what = Units.count(spans, "span", "spans");
        return selection == null ? what + " in the whole trace"
                : what + " starting in the selected " + Units.duration(selection.duration());
    }

    private static String placeholder(TraceSession session, StatisticsViewModel model) {
        if (session.trace() == null) {
            return "No trace open";
        }
        if (model.problemProperty().get() != null) {
            return model.problemProperty().get();
        }
        if (model.computingProperty().get()) {
            return "Computing\u2026";
        }
        return model.filter().get().isBlank() ? "No finished spans in this scope"
                : "No span names contain \u201c" + model.filter().get().strip() + "\u201d";
    }
}
