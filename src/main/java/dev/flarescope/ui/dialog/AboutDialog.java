package dev.flarescope.ui.dialog;

import dev.flarescope.icons.Icons;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help &gt; About Flarescope: the version (the one {@code flarescope --version} prints), the runtime,
 * the licence, and every third-party component shipped with the app with its licence, as the
 * licences of those components ask.
 */
public final class AboutDialog extends Dialog<Void> {

    /** Builds the dialog over {@code owner}; {@code show()} or {@code showAndWait()} opens it. */
    public AboutDialog(Window owner, AboutInfo info) {
        initOwner(owner);
        setTitle("About Flarescope");
        DialogPane pane = getDialogPane();
        pane.getStyleClass().add("about");
        pane.getStylesheets().add(AboutDialog.class.getResource("about.css").toExternalForm());
        pane.setContent(content(info));
        pane.getButtonTypes().add(ButtonType.CLOSE);
        ((Stage) pane.getScene().getWindow()).getIcons().setAll(Icons.appIcons());
    }

    private static Node content(AboutInfo info) {
        Label name = new Label("Flarescope");
        name.getStyleClass().add("about-name");
        Label version = new Label("Version " + info.version());
        version.getStyleClass().add("about-version");
        Label what = new Label("Profiling viewer for LLM-serving stacks.");
        Label runtime = new Label(info.runtime());
        runtime.getStyleClass().add("about-detail");
        VBox text = new VBox(2, name, version, what, runtime);
        HBox header = new HBox(16, new ImageView(Icons.appIcon(64)), text);
        header.getStyleClass().add("about-header");

        Label licence = new Label("Licensed under the " + AboutInfo.LICENCE_NAME + " (" + AboutInfo.LICENCE
                + "), " + AboutInfo.LICENCE_URL + ".");
        licence.setWrapText(true);
        Label heading = new Label("Third-party software");
        heading.getStyleClass().add("about-heading");

        VBox box = new VBox(10, header, licence, heading, noticeTable(info));
        box.getStyleClass().add("about-content");
        return box;
    }

    private static TableView<ThirdPartyNotice> noticeTable(AboutInfo info) {
        TableView<ThirdPartyNotice> table = new TableView<>();
        table.getStyleClass().add("about-notices");
        table.getColumns().add(column("Component", 190, ThirdPartyNotice::name));
        table.getColumns().add(column("Version", 70, ThirdPartyNotice::version));
        table.getColumns().add(column("Licence", 270, ThirdPartyNotice::licence));
        table.getColumns().add(column("Source", 260, ThirdPartyNotice::url));
        table.getItems().setAll(info.thirdParty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(260);
        return table;
    }

    private static TableColumn<ThirdPartyNotice, String> column(String title, double width,
            Function<ThirdPartyNotice, String> value) {
        TableColumn<ThirdPartyNotice, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
