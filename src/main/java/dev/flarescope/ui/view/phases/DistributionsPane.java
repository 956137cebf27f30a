package dev.flarescope.ui.view.phases;

import dev.flarescope.ui.render.phases.HistogramRenderer;
import dev.flarescope.ui.viewmodel.PhaseTimelineModel;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The distributions beside the request rows: histograms of TTFT, inter-token latency and decode speed
 * of the requests shown, each with its p50, p90 and p99.
 */
final class DistributionsPane extends Region {
    private static final double GAP = 6;

    private final PhaseTimelineModel model;
    private final Canvas canvas = new Canvas();
    private final HistogramRenderer renderer = new HistogramRenderer();

    DistributionsPane(PhaseTimelineModel model) {
        this.model = model;
        getStyleClass().add("distributions");
        getChildren().add(canvas);
        model.ttftHistogram().addListener(x -> draw());
        model.itlHistogram().addListener(x -> draw());
        model.decodeHistogram().addListener(x -> draw());
        setMinWidth(200);
    }

    /** Draws into {@code target} at its size (PNG export). */
    void renderTo(Canvas target) {
        paint(target);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(1, getWidth()));
        canvas.setHeight(Math.max(1, getHeight()));
        draw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 290;
    }

    private void draw() {
        paint(canvas);
    }

    private void paint(Canvas c) {
        double w = c.getWidth();
        double each = Math.min(190, (c.getHeight() - 2 * GAP) / 3);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setFill(Color.rgb(247, 248, 250));
        g.fillRect(0, 0, w, c.getHeight());
        renderer.render(g, model.ttftHistogram().get(), "TTFT", "ms", "no request has a first token", 0, 0, w, each);
        renderer.render(g, model.itlHistogram().get(), "Inter-token latency", "ms",
                "no token times or reported gaps", 0, each + GAP, w, each);
        renderer.render(g, model.decodeHistogram().get(), "Decode speed", "tok/s", "no decode speeds", 0,
                2 * (each + GAP), w, each);
    }
}
