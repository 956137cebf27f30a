package dev.flarescope.ui.view.live;

import dev.flarescope.live.Retention;
import dev.flarescope.ui.dialog.OpenDialogs;
import dev.flarescope.ui.viewmodel.AttachTarget;
import dev.flarescope.ui.viewmodel.AttachTarget.Kind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks what to attach to: a file or folder to follow, a stream URL, an address to listen on for
 * pushed batches (with an optional token), or the demo. Recently used targets of the chosen kind are
 * offered in the address box; the last one used is preselected.
 */
public final class AttachDialog extends Dialog<AttachTarget> {
    private static final Map<Kind, String> PROMPTS = new EnumMap<>(Map.of(
            Kind.FOLLOW, "/path/to/fragments or run.jsonl",
            Kind.CONNECT, "http://127.0.0.1:9411/events",
            Kind.LISTEN, "127.0.0.1:9411",
            Kind.DEMO, ""));
    private static final Map<Kind, String> HINTS = new EnumMap<>(Map.of(
            Kind.FOLLOW, "Reads JSONL fragments and metrics logs as they grow; new files in a folder are picked up.",
            Kind.CONNECT, "Reads application/x-ndjson or text/event-stream; reconnects after a drop.",
            Kind.LISTEN, "Accepts POST /v1/events and /trace/ingest. Any address but 127.0.0.1 needs a token.",
            Kind.DEMO, "Starts a simulated serving stack on 127.0.0.1 and connects to its event stream."));

    private final ToggleGroup kinds = new ToggleGroup();
    private final ComboBox<String> address = new ComboBox<>();
    private final PasswordField token = new PasswordField();
    private final Label hint = new Label();
    private final HBox browse;
    private final List<AttachTarget> recent;
    private final TextField minutes = new TextField();
    private final TextField maxEvents = new TextField();

    /**
     * @param keep what the capture keeps, shown in the "Keep" row; read the user's choice back with
     *             {@link #retention()}
     */
    public AttachDialog(Window owner, List<AttachTarget> recent, Retention keep) {
        this.recent = recent;
        initOwner(owner);
        setTitle("Attach to a live source");
        setHeaderText(null);
        getDialogPane().getStylesheets().add(AttachDialog.class.getResource("live.css").toExternalForm());
        getDialogPane().getStyleClass().add("attach-dialog");

        VBox choices = new VBox(6);
        for (Kind k : Kind.values()) {
            RadioButton r = new RadioButton(k.title());
            r.setUserData(k);
            r.setToggleGroup(kinds);
            r.setId("attach-" + k.name().toLowerCase(java.util.Locale.ROOT));
            choices.getChildren().add(r);
        }
        address.setEditable(true);
        address.setMaxWidth(Double.MAX_VALUE);
        address.setPrefWidth(420);
        HBox.setHgrow(address, Priority.ALWAYS);
        token.setPromptText("Bearer token (optional on 127.0.0.1)");
        token.managedProperty().bind(token.visibleProperty());
        hint.getStyleClass().add("attach-hint");
        hint.setWrapText(true);

        OpenDialogs dialogs = new OpenDialogs();
        Button file = new Button("File\u2026");
        file.setOnAction(e -> dialogs.chooseFiles(getOwner(), "Follow a file").stream().findFirst()
                .ifPresent(p -> address.getEditor().setText(p.toString())));
        Button folder = new Button("Folder\u2026");
        folder.setOnAction(e -> dialogs.chooseFolder(getOwner(), "Follow a folder")
                .ifPresent(p -> address.getEditor().setText(p.toString())));
        file.setMinWidth(Region.USE_PREF_SIZE); // the address box gives way, not the buttons' text
        folder.setMinWidth(Region.USE_PREF_SIZE);
        browse = new HBox(6, file, folder);
        browse.managedProperty().bind(browse.visibleProperty());
        HBox addressRow = new HBox(6, address, browse);
        addressRow.managedProperty().bind(address.visibleProperty());
        addressRow.visibleProperty().bind(address.visibleProperty());

        minutes.setText(keep.window() == null ? "0" : Long.toString(keep.window().toMinutes()));
        maxEvents.setText(keep.maxEvents() == 0 ? "0" : String.format(Locale.ROOT, "%,d", keep.maxEvents()));
        minutes.setPrefColumnCount(4);
        maxEvents.setPrefColumnCount(9);
        minutes.setId("attach-keep-minutes");
        maxEvents.setId("attach-keep-events");
        Label keepHint = new Label("0 = no limit. Older data is dropped so a capture that runs all day fits in memory.");
        keepHint.getStyleClass().add("attach-hint");
        HBox keepRow = new HBox(6, new Label("Keep the last"), minutes, new Label("minutes, at most"), maxEvents,
                new Label("events"));
        keepRow.setAlignment(Pos.BASELINE_LEFT);

        VBox content = new VBox(10, choices, addressRow, token, hint, new Separator(), keepRow, keepHint);
        content.setPadding(new Insets(12, 16, 4, 16));
        content.setPrefWidth(560);
        getDialogPane().setContent(content);

        ButtonType attach = new ButtonType("Attach", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(attach, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(attach);
        ok.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> kind() != Kind.DEMO && address.getEditor().getText().isBlank() || retention() == null,
                kinds.selectedToggleProperty(), address.getEditor().textProperty(), minutes.textProperty(),
                maxEvents.textProperty()));

        kinds.selectedToggleProperty().addListener((obs, was, now) -> showKind());
        setOnShown(e -> fitWindow());
        Kind first = recent.isEmpty() ? Kind.FOLLOW : recent.get(0).kind();
        kinds.getToggles().get(first.ordinal()).setSelected(true);
        setResultConverter(b -> b == attach
                ? new AttachTarget(kind(), address.getEditor().getText(), token.getText()) : null);
    }

    /** Shows the dialog and waits; empty when cancelled. */
    public Optional<AttachTarget> ask() {
        return showAndWait();
    }

    /** What the user chose to keep, or null while a field holds no whole number of at least 0. */
    public Retention retention() {
        long m = wholeNumber(minutes.getText());
        long n = wholeNumber(maxEvents.getText());
        return m < 0 || n < 0 ? null : new Retention(m == 0 ? null : Duration.ofMinutes(m), n);
    }

    /** The number in {@code text} (digits with optional group separators), or -1. */
    static long wholeNumber(String text) {
        String digits = text.strip().replace(",", "").replace("_", "").replace(" ", "");
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    private Kind kind() {
        return kinds.getSelectedToggle() == null ? Kind.FOLLOW : (Kind) kinds.getSelectedToggle().getUserData();
    }

    private void showKind() {
        Kind k = kind();
        List<String> used = recent.stream().filter(t -> t.kind() == k).map(AttachTarget::address).toList();
        address.getItems().setAll(used);
        address.getEditor().setText(used.isEmpty() ? "" : used.get(0));
        address.setPromptText(PROMPTS.get(k));
        address.setVisible(k != Kind.DEMO);
        browse.setVisible(k == Kind.FOLLOW);
        token.setVisible(k == Kind.LISTEN);
        hint.setText(HINTS.get(k));
        fitWindow();
    }

    /** Grows or shrinks the dialog to its content, which changes with the kind (a dialog keeps its first size). */
    private void fitWindow() {
        Window w = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (w != null) {
            w.sizeToScene();
        }
    }
}
