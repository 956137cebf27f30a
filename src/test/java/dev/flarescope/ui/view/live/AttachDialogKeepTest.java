package dev.flarescope.ui.view.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flarescope.live.Retention;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Attach dialog's "Keep" row: shows the retention in force and reads the user's choice back. */
@ExtendWith(ApplicationExtension.class)
class AttachDialogKeepTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void showsTheRetentionInForceAndReadsTheChoiceBack(FxRobot robot) {
        AtomicReference<AttachDialog> dialog = new AtomicReference<>();
        robot.interact(() -> dialog.set(new AttachDialog(stage, List.of(), Retention.DEFAULT)));
        TextField minutes = (TextField) dialog.get().getDialogPane().lookup("#attach-keep-minutes");
        TextField events = (TextField) dialog.get().getDialogPane().lookup("#attach-keep-events");
        assertEquals("10", minutes.getText());
        assertEquals("5,000,000", events.getText());
        assertEquals(Retention.DEFAULT, dialog.get().retention());

        robot.interact(() -> {
            minutes.setText("0");
            events.setText("250 000");
        });
        assertEquals(new Retention(null, 250_000), dialog.get().retention());
        robot.interact(() -> minutes.setText("90"));
        assertEquals(new Retention(Duration.ofMinutes(90), 250_000), dialog.get().retention());
        robot.interact(() -> events.setText("-5"));
        assertNull(dialog.get().retention());
        robot.interact(() -> events.setText("lots"));
        assertNull(dialog.get().retention());
    }

    @Test
    void wholeNumbersAcceptGroupSeparatorsOnly() {
        assertEquals(1_000_000, AttachDialog.wholeNumber("1,000,000"));
        assertEquals(1_000_000, AttachDialog.wholeNumber(" 1_000_000 "));
        assertEquals(0, AttachDialog.wholeNumber("0"));
        assertEquals(-1, AttachDialog.wholeNumber(""));
        assertEquals(-1, AttachDialog.wholeNumber("1.5"));
        assertEquals(-1, AttachDialog.wholeNumber("1e9"));
        assertEquals(-1, AttachDialog.wholeNumber("9999999999999999"));
    }
}
