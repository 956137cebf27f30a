package dev.flarescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.ui.viewmodel.RecentFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Export from the window: the picture of each tab is the view as laid out on screen under a 68 px
 * header band, at 1x and 2x; the whole window is the scene's size plus the band.
 */
@ExtendWith(ApplicationExtension.class)
class ExportFromWindowTest {
    @TempDir
    static Path dir;

    private final Preferences prefs = Preferences.userRoot().node("dev/flarescope/test-" + UUID.randomUUID());
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, new RecentFiles(prefs), dir.resolve("no-sample-here"));
        stage.show();
    }

    @AfterEach
    void removePrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void everyTabExportsAtItsOnScreenSizeUnderTheHeader(FxRobot robot) throws Exception {
        Path serving = TestTraces.write(dir, "serving.json", TestTraces.SERVING);
        robot.interact(() -> window.open(List.of(serving)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.session().trace() != null && window.session().analysis().get() != null);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            AtomicReference<WritableImage> one = new AtomicReference<>();
            AtomicReference<WritableImage> two = new AtomicReference<>();
            robot.interact(() -> {
                one.set(window.exporter().picture(false, 1));
                two.set(window.exporter().picture(false, 2));
            });
            Node view = tab == tabs.getTabs().get(0) ? robot.lookup(".timeline-view").query() : tab.getContent();
            double w = Math.ceil(view.getLayoutBounds().getWidth());
            double h = Math.ceil(view.getLayoutBounds().getHeight());
            double notesList = 0; // this trace has no notes
            assertEquals(w, one.get().getWidth(), tab.getText());
            assertEquals(68 + h + notesList, one.get().getHeight(), tab.getText());
            assertEquals(2 * w, two.get().getWidth(), tab.getText());
            assertEquals(2 * (68 + h + notesList), two.get().getHeight(), tab.getText());
            assertBand(one.get().getPixelReader(), 1);
            assertBand(two.get().getPixelReader(), 2);
        }
    }

    @Test
    void theWholeWindowIsTheSceneUnderTheHeader(FxRobot robot) throws Exception {
        Path serving = TestTraces.write(dir, "serving2.json", TestTraces.SERVING);
        robot.interact(() -> window.open(List.of(serving)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.session().trace() != null);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(window.exporter().picture(true, 1)));
        assertEquals(Math.ceil(stage.getScene().getWidth()), image.get().getWidth());
        assertEquals(68 + Math.ceil(stage.getScene().getHeight()), image.get().getHeight());
        assertBand(image.get().getPixelReader(), 1);
    }

    @Test
    void copyPutsThePictureOfTheViewOnTheClipboard(FxRobot robot) throws Exception {
        Path serving = TestTraces.write(dir, "serving3.json", TestTraces.SERVING);
        robot.interact(() -> window.open(List.of(serving)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.session().trace() != null);
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.interact(() -> window.exporter().copyView());
        AtomicReference<Image> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getImage()));
        Node view = robot.lookup(".timeline-view").query();
        assertEquals(Math.ceil(view.getLayoutBounds().getWidth()), copied.get().getWidth());
        assertEquals(68 + Math.ceil(view.getLayoutBounds().getHeight()), copied.get().getHeight());
        assertBand(copied.get().getPixelReader(), 1);
    }

    /** The band's dark colour at its left edge, the light view right under it. */
    private static void assertBand(PixelReader px, int scale) {
        Color band = px.getColor(2, 66 * scale);
        assertEquals(30, Math.round(band.getRed() * 255), 4);
        assertEquals(48, Math.round(band.getBlue() * 255), 4);
        assertTrue(px.getColor(2, 68 * scale + 3).getBrightness() > 0.6, "view not drawn under the band");
    }
}
