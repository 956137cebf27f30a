package dev.flarescope.ui.view.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.ui.MainWindow;
import dev.flarescope.ui.viewmodel.AttachTarget;
import dev.flarescope.ui.viewmodel.RecentFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window attached to a JSONL file that grows: the status bar counts along, detach stops it. */
@ExtendWith(ApplicationExtension.class)
class LiveAttachWindowTest {
    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("dev/flarescope/test-" + UUID.randomUUID());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new RecentFiles(prefs), Path.of("no-sample-here"));
        stage.show();
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        robot.interact(() -> window.live().detach());
        prefs.removeNode();
    }

    @Test
    void theStatusBarCountGrowsWithTheFileAndStopsAfterDetach(FxRobot robot) throws Exception {
        Path file = dir.resolve("api.jsonl");
        appendInstants(file, 0, 2);
        robot.interact(() -> {
            try {
                window.live().attach(new AttachTarget(AttachTarget.Kind.FOLLOW, file.toString(), null));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        waitFor(() -> statusItems(robot).contains("2 events"));
        assertTrue(robot.lookup(".live-badge").query().isVisible());

        appendInstants(file, 2, 5);
        waitFor(() -> statusItems(robot).contains("5 events"));
        String badge = robot.lookup(".live-text").queryAs(Label.class).getText();
        assertTrue(badge.startsWith("connected \u00b7 "), badge);

        robot.interact(() -> window.live().detach());
        waitFor(() -> !robot.lookup(".live-badge").query().isVisible());
        appendInstants(file, 5, 6);
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(statusItems(robot).contains("5 events"), statusItems(robot).toString());
        assertFalse(window.live().attached().get());
        assertEquals("stopped", window.live().state().get());
    }

    private static void appendInstants(Path file, int from, int to) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("{\"ph\":\"i\",\"name\":\"tick\",\"s\":\"t\",\"pid\":1,\"tid\":1,\"ts\":").append(1000 + i)
                    .append("}\n");
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> statusItems(FxRobot robot) {
        return robot.lookup(".status-bar .status-item").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
