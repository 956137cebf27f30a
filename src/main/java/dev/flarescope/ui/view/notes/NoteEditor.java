package dev.flarescope.ui.view.notes;

import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteColor;
import dev.flarescope.ui.render.notes.NotePainter;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Writes or edits one note: its text (Ctrl+Enter saves, Esc cancels), its colour from
 * {@link NoteColor#PALETTE}, whether an arrow points at what it marks, and what it is pinned to, in
 * words. The pane holds all the logic so it is tested without a window; {@link #open} shows it in a
 * small window of its own that does not block the caller.
 */
public final class NoteEditor extends VBox {
    private final Note initial;
    private final TextArea text = new TextArea();
    private final ToggleGroup colors = new ToggleGroup();
    private final CheckBox arrow = new CheckBox("Arrow to the target");
    private final Button save = new Button("Save");
    private final Button cancel = new Button("Cancel");
    private Consumer<Note> onSave = n -> { };
    private Runnable onCancel = () -> { };

    /**
     * @param note     the note as it is now (a new note has empty text)
     * @param pinnedTo what it is pinned to, in words
     */
    public NoteEditor(Note note, String pinnedTo) {
        super(10);
        this.initial = note;
        getStyleClass().add("note-editor");
        getStylesheets().add(NoteEditor.class.getResource("notes.css").toExternalForm());

        Label where = new Label("Pinned to " + pinnedTo);
        where.getStyleClass().add("note-editor-where");
        where.setWrapText(true);

        text.setId("note-text");
        text.setText(note.text());
        text.setWrapText(true);
        text.setPrefRowCount(4);
        text.setPrefColumnCount(36);
        text.setPromptText("What is here? (the first line is the title)");
        text.setTextFormatter(new TextFormatter<String>(c ->
                c.getControlNewText().length() <= Note.MAX_TEXT ? c : null));
        VBox.setVgrow(text, Priority.ALWAYS);

        HBox swatches = new HBox(6);
        swatches.setAlignment(Pos.CENTER_LEFT);
        swatches.getChildren().add(new Label("Colour"));
        for (NoteColor c : NoteColor.PALETTE) {
            ToggleButton b = new ToggleButton();
            Rectangle r = new Rectangle(16, 16, NotePainter.color(c));
            r.setArcWidth(4);
            r.setArcHeight(4);
            b.setGraphic(r);
            b.setUserData(c);
            b.setToggleGroup(colors);
            b.getStyleClass().add("note-swatch");
            b.setId("note-color-" + c.hex().substring(1));
            b.setTooltip(new Tooltip(c.hex()));
            swatches.getChildren().add(b);
            if (c.equals(note.color())) {
                b.setSelected(true);
            }
        }
        colors.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one colour is always chosen
            }
        });
        if (colors.getSelectedToggle() == null) { // a colour from elsewhere (a sidecar edited by hand): keep it
            ToggleButton own = new ToggleButton();
            own.setGraphic(new Rectangle(16, 16, NotePainter.color(note.color())));
            own.setUserData(note.color());
            own.setToggleGroup(colors);
            own.getStyleClass().add("note-swatch");
            own.setSelected(true);
            swatches.getChildren().add(own);
        }

        arrow.setId("note-arrow");
        arrow.setSelected(note.arrow());

        Label hint = new Label("Ctrl+Enter saves \u00b7 Esc cancels");
        hint.getStyleClass().add("note-editor-hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        save.setId("note-save");
        save.setDefaultButton(false);
        save.getStyleClass().add("note-save");
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> text.getText().isBlank(),
                text.textProperty()));
        save.setOnAction(e -> save());
        cancel.setOnAction(e -> onCancel.run());
        HBox buttons = new HBox(8, hint, spacer, cancel, save);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(where, text, swatches, arrow, buttons);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                save();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                onCancel.run();
                e.consume();
            }
        });
    }

    /** The note as the editor shows it now: same id and anchor, the edited text, colour and arrow. */
    public Note result() {
        Toggle t = colors.getSelectedToggle();
        return initial.withText(text.getText().strip()).withColor((NoteColor) t.getUserData())
                .withArrow(arrow.isSelected());
    }

    /** Called with the edited note when the user saves (never with blank text). */
    public void setOnSave(Consumer<Note> action) {
        this.onSave = action;
    }

    public void setOnCancel(Runnable action) {
        this.onCancel = action;
    }

    /** The text field, focused when the editor opens. */
    public TextArea textArea() {
        return text;
    }

    private void save() {
        if (!text.getText().isBlank()) {
            onSave.accept(result());
        }
    }

    /**
     * Shows {@code editor} in a small window over {@code owner} (null: none) and returns at once; the
     * window closes when the user saves or cancels, and {@code onSave} gets the note.
     */
    public static Stage open(Window owner, String title, NoteEditor editor, Consumer<Note> onSave) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(title);
        editor.setOnSave(n -> {
            stage.close();
            onSave.accept(n);
        });
        editor.setOnCancel(stage::close);
        stage.setScene(new Scene(editor));
        stage.setOnShown(e -> {
            editor.textArea().requestFocus();
            editor.textArea().end();
        });
        stage.show();
        return stage;
    }
}
