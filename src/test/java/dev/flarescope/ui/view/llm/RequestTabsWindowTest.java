package dev.flarescope.ui.view.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.model.Severity;
import dev.flarescope.ui.MainWindow;
import dev.flarescope.ui.viewmodel.RecentFiles;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window on the metrics log with the impossible-speed bug and its llama-bench baseline: the
 * status bar counts the findings (7 errors, 11 warnings, as the command line's report does), and the
 * counts and the dashboard's tiles take the user to the findings behind them.
 */
@ExtendWith(ApplicationExtension.class)
class RequestTabsWindowTest {
    private static final Path SAMPLES = Path.of("sample-traces");

    private final Preferences prefs = Preferences.userRoot().node("dev/flarescope/test-" + UUID.randomUUID());
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, new RecentFiles(prefs), SAMPLES.resolve("serving-run"));
        // the whole window on the headless screen, status bar included, whatever earlier tests left
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void removePrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void findingCountsAndTilesOpenTheFindingsBehindThem(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(List.of(SAMPLES.resolve("llm-metrics-impossible.jsonl"),
                SAMPLES.resolve("llama-bench-qwen3-8b.json"))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.session().analysis().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("7 errors", robot.lookup("#finding-count-error").queryAs(Label.class).getText());
        assertEquals("11 warnings", robot.lookup("#finding-count-warning").queryAs(Label.class).getText());

        robot.clickOn("#finding-count-error");
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Findings", tabs.getSelectionModel().getSelectedItem().getText());
        ListView<?> list = robot.lookup(".findings-list").queryAs(ListView.class);
        assertEquals(7, list.getItems().size());
        assertTrue(list.getItems().stream().allMatch(f -> ((Finding) f).severity() == Severity.ERROR));
        assertTrue(robot.lookup(".ceiling-line").queryAs(Label.class).getText()
                .startsWith("ceiling: 21.3 tok/s measured by llama-bench (qwen3 8B Q4_K - Medium)"));

        robot.clickOn("Dashboard");
        robot.clickOn("#tile-decode");
        assertEquals("Findings", tabs.getSelectionModel().getSelectedItem().getText());
        // five buffered-stream requests, each with impossible-generation-speed, speed-mismatch, burst-delivery
        assertEquals(15, list.getItems().size());
        save(robot, "window-findings-decode-tile.png");

        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getText().equals("Requests")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, "window-requests.png");
    }

    private void save(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("flarescope.screenshots");
        if (dir != null) {
            WritableImage[] img = new WritableImage[1];
            robot.interact(() -> img[0] = stage.getScene().snapshot(null));
            ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", new File(dir, name));
        }
    }
}
