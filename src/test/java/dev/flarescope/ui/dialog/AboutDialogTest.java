package dev.flarescope.ui.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dialog shows the version, the licence and one row per third-party component. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void showsVersionLicenceAndEveryNotice(FxRobot robot) {
        AboutInfo info = new AboutInfo("1.2.3", "Java 17, JavaFX 21", List.of(
                ThirdPartyNotice.parse("a.b:one:1.0 | Apache-2.0 | https://one"),
                ThirdPartyNotice.parse("c.d:two:2.5 | BSD-3-Clause | https://two")));
        robot.interact(() -> new AboutDialog(owner, info).show());

        List<String> labels = robot.lookup(".about .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertTrue(labels.contains("Version 1.2.3"), labels.toString());
        assertTrue(labels.contains("Java 17, JavaFX 21"), labels.toString());
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("Licensed under the Apache License, Version 2.0 "
                + "(Apache-2.0)")), labels.toString());
        TableView<ThirdPartyNotice> table = robot.lookup(".about-notices").queryTableView();
        assertEquals(List.of("one", "two"), table.getItems().stream().map(ThirdPartyNotice::name).toList());
        assertEquals("BSD-3-Clause", table.getColumns().get(2).getCellData(1));
        robot.interact(() -> robot.lookup(".about").query().getScene().getWindow().hide());
    }

    @Test
    void theShippedInfoHasTheDevVersionWhenRunFromClasses() {
        AboutInfo info = AboutInfo.current();
        assertEquals("dev", info.version());
        assertTrue(info.runtime().startsWith("Java " + System.getProperty("java.version")), info.runtime());
    }
}
