package dev.flarescope.ui.view.notes;

import dev.flarescope.notes.Note;
import dev.flarescope.ui.render.notes.NotePainter;
import dev.flarescope.ui.viewmodel.NotesViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * Every note of the open trace: its colour, its first line and what it is pinned to. A double click
 * or Enter goes to the note (its span selected, its range or request shown); Edit opens the editor;
 * Delete (the button or the key) removes it. With no notes, the panel says how to add one. A problem reading or saving notes
 * is shown above the list.
 */
public final class NotesPanel extends BorderPane {
    private final NoteCommands commands;
    private final ListView<Note> list;

    public NotesPanel(NoteCommands commands) {
        this.commands = commands;
        NotesViewModel model = commands.model();
        getStyleClass().add("notes-panel");
        getStylesheets().add(NotesPanel.class.getResource("notes.css").toExternalForm());

        list = new ListView<>(model.notes());
        list.getStyleClass().add("notes-list");
        list.setCellFactory(v -> new NoteCell(model));
        Label empty = new Label("No notes yet. Press M in the timeline to pin a note to the selected span, the "
                + "time selection or the time under the mouse, or right-click a span, a request or a finding.");
        empty.getStyleClass().add("placeholder-text");
        empty.setWrapText(true);
        empty.setMaxWidth(460);
        list.setPlaceholder(empty);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() >= 2) {
                navigateToSelected();
            }
        });
        list.setOnKeyPressed(e -> {
            Note n = selected();
            if (n == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                commands.navigate(n);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                commands.delete(n);
                e.consume();
            }
        });

        Button show = new Button("Show");
        show.setTooltip(new Tooltip("Go to the note in the timeline (double click, Enter)"));
        show.setOnAction(e -> navigateToSelected());
        Button edit = new Button("Edit\u2026");
        edit.setId("note-edit");
        edit.setOnAction(e -> {
            if (selected() != null) {
                commands.edit(selected());
            }
        });
        Button delete = new Button("Delete");
        delete.setId("note-delete");
        delete.setTooltip(new Tooltip("Delete the note (Delete key)"));
        delete.setOnAction(e -> {
            if (selected() != null) {
                commands.delete(selected());
            }
        });
        for (Button b : new Button[] {show, edit, delete}) {
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label count = new Label();
        count.getStyleClass().add("note-where");
        count.textProperty().bind(Bindings.createStringBinding(() -> saved(model), model.notes(),
                model.messageProperty()));
        HBox bar = new HBox(8, count, spacer, show, edit, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("notes-bar");

        Label message = new Label();
        message.getStyleClass().add("notes-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());

        setTop(message);
        setCenter(list);
        setBottom(bar);
    }

    /** The list, for selecting a note from outside. */
    public ListView<Note> list() {
        return list;
    }

    private Note selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    private void navigateToSelected() {
        if (selected() != null) {
            commands.navigate(selected());
        }
    }

    private static String saved(NotesViewModel model) {
        int n = model.notes().size();
        return n == 0 ? "" : n + (n == 1 ? " note" : " notes") + (model.messageProperty().get() == null
                ? ", saved beside the trace" : "");
    }

    /** A note in the list: a swatch in its colour, its first line, and where it is pinned below. */
    private static final class NoteCell extends ListCell<Note> {
        private final NotesViewModel model;
        private final Rectangle swatch = new Rectangle(12, 12);
        private final Label title = new Label();
        private final Label where = new Label();
        private final HBox box;

        NoteCell(NotesViewModel model) {
            this.model = model;
            swatch.setArcWidth(3);
            swatch.setArcHeight(3);
            title.getStyleClass().add("note-title");
            where.getStyleClass().add("note-where");
            VBox text = new VBox(1, title, where);
            box = new HBox(8, swatch, text);
            box.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(text, Priority.ALWAYS);
        }

        @Override
        protected void updateItem(Note note, boolean empty) {
            super.updateItem(note, empty);
            if (empty || note == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            swatch.setFill(NotePainter.color(note.color()));
            title.setText(note.title().isEmpty() ? "(no text)" : note.title());
            where.setText(model.describe(note.anchor()));
            setGraphic(box);
            setText(null);
        }
    }
}
