package dev.flarescope.ui.view.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The details pane on the serving-run sample: a prefill batch shows its args (with the request id list
 * as an expandable array) and its flows, and clicking a flow selects the span at the other end. With
 * {@code flarescope.screenshots} set, the pane is also saved as a PNG there.
 */
@ExtendWith(ApplicationExtension.class)
class DetailsPaneTest {
    private static Trace trace;
    private final TraceSession session = new TraceSession();
    private DetailsPane pane;

    @BeforeAll
    static void load() {
        trace = TraceLoader.load(List.of(Path.of("sample-traces", "serving-run"))).trace();
    }

    @Start
    void start(Stage stage) {
        session.setTrace(trace, List.of("serving-run"));
        pane = new DetailsPane(session);
        stage.setScene(new Scene(pane, 1200, 280));
        stage.show();
    }

    @Test
    void prefillBatchShowsArgsAndFollowsFlows(FxRobot robot) throws Exception {
        SpanRef batch = firstWithFlowIn("WorkerProcess.batch_prefill");
        robot.interact(() -> session.selectedSpan().set(batch));
        assertEquals("WorkerProcess.batch_prefill", robot.lookup(".details-title").queryAs(Label.class).getText());
        @SuppressWarnings("unchecked")
        TreeTableView<ArgsTree.Entry> args = robot.lookup(".details-args").queryAs(TreeTableView.class);
        TreeItem<ArgsTree.Entry> ids = args.getRoot().getChildren().stream()
                .filter(i -> i.getValue().key().equals("request_ids")).findFirst().orElseThrow();
        int n = ids.getChildren().size();
        assertEquals("[" + n + (n == 1 ? " item]" : " items]"), ids.getValue().value());

        String dir = System.getProperty("flarescope.screenshots");
        if (dir != null) {
            robot.interact(() -> {
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(pane.snapshot(null, null), null), "png",
                            new File(dir, "details-pane.png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        Hyperlink link = robot.lookup(".hyperlink").queryAs(Hyperlink.class);
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        SpanRef other = session.selectedSpan().get();
        assertTrue(other != null && !other.equals(batch), "the flow's other end is selected");
        assertEquals(other.name(trace), robot.lookup(".details-title").queryAs(Label.class).getText());
    }

    /** The first span named {@code name} that some flow enters or leaves. */
    private static SpanRef firstWithFlowIn(String name) {
        var f = trace.flows();
        for (int k = 0; k < f.size(); k++) {
            for (SpanRef r : new SpanRef[] {new SpanRef(f.fromProcess(k), f.fromThread(k), f.fromSpan(k)),
                    new SpanRef(f.toProcess(k), f.toThread(k), f.toSpan(k))}) {
                if (r.span() >= 0) {
                    SpanTable s = r.table(trace);
                    if (trace.string(s.name(r.span())).equals(name) && s.args(r.span()) >= 0) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no " + name + " with a flow");
    }
}
