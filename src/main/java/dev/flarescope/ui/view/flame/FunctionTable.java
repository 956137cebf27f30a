package dev.flarescope.ui.view.flame;

import dev.flarescope.analysis.flame.FunctionStat;
import dev.flarescope.ui.viewmodel.FlameFormat;
import dev.flarescope.ui.viewmodel.FlameViewModel;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The sandwich's function list: every function of the scope with its total and self time, sortable by
 * any column and filtered by a name fragment. Selecting a row shows that function's sandwich.
 */
final class FunctionTable extends VBox {
    private final FlameViewModel vm;
    private final TextField filter = new TextField();
    private final TableView<FunctionStat> table = new TableView<>();
    private boolean syncing;

    FunctionTable(FlameViewModel vm) {
        this.vm = vm;
        getStyleClass().add("flame-functions");
        filter.setPromptText("Filter functions");
        filter.getStyleClass().add("flame-function-filter");

        FilteredList<FunctionStat> filtered = new FilteredList<>(vm.functions());
        filter.textProperty().addListener((obs, o, text) -> {
            String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(q.isEmpty() ? null : s -> s.name().toLowerCase(Locale.ROOT).contains(q));
        });
        SortedList<FunctionStat> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        TableColumn<FunctionStat, Long> total = valueColumn("Total", true);
        TableColumn<FunctionStat, Long> self = valueColumn("Self", false);
        TableColumn<FunctionStat, String> name = new TableColumn<>("Function");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setCellFactory(c -> new NameCell());
        name.setPrefWidth(200);
        table.getColumns().add(total);
        table.getColumns().add(self);
        table.getColumns().add(name);
        table.getSortOrder().add(total);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No functions in this scope"));
        VBox.setVgrow(table, Priority.ALWAYS);

        table.getSelectionModel().selectedItemProperty().addListener((obs, o, row) -> {
            if (!syncing && row != null) {
                vm.sandwichFunction().set(row.name());
            }
        });
        vm.sandwichFunction().addListener((obs, o, f) -> selectFunction(f));
        vm.functions().addListener((ListChangeListener<FunctionStat>) c ->
                selectFunction(vm.sandwichFunction().get()));
        getChildren().addAll(filter, table);
    }

    TableView<FunctionStat> table() {
        return table;
    }

    private void selectFunction(String function) {
        FunctionStat row = vm.function(function);
        syncing = true;
        try {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        } finally {
            syncing = false;
        }
    }

    private TableColumn<FunctionStat, Long> valueColumn(String title, boolean isTotal) {
        TableColumn<FunctionStat, Long> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(isTotal ? c.getValue().total() : c.getValue().self()));
        col.setSortType(TableColumn.SortType.DESCENDING);
        col.setCellFactory(c -> new ValueCell());
        col.setPrefWidth(120);
        col.setMinWidth(90);
        return col;
    }

    /** A value and its share of the scope. */
    private final class ValueCell extends TableCell<FunctionStat, Long> {
        ValueCell() {
            getStyleClass().add("flame-value-cell");
        }

        @Override
        protected void updateItem(Long value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setText(null);
                return;
            }
            long whole = vm.scopeTotal();
            String share = whole > 0 ? "  " + FlameFormat.percent((double) value / whole) : "";
            setText(FlameFormat.value(value, vm.scopeUnit()) + share);
        }
    }

    /** The function name beside a swatch of its colour. */
    private final class NameCell extends TableCell<FunctionStat, String> {
        private final Rectangle swatch = new Rectangle(10, 10);

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            if (empty || name == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            swatch.setFill(vm.palette().forName(name));
            setText(name);
            setGraphic(swatch);
        }
    }
}
