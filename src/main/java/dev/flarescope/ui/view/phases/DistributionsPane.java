package dev.flarescope.ui.view.phases;

import dev.flarescope.ui.render.phases.HistogramRenderer;
import dev.flarescope.ui.viewmodel.PhaseTimelineModel;
import dev.flarescope.ui.view.common.SharpCanvas;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The distributions beside the request rows: histograms of TTFT, inter-token latency and decode speed
 * of the requests shown, each with its p50, p90 and p99.
 */
final class DistributionsPane extends Region implements SharpCanvas {
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

    @Override
    public Canvas canvas() {
        return canvas;
    }

    @Override
    public void paint(GraphicsContext g, double w, double h) {
        double each = Math.min(190, (h - 2 * GAP) / 3);
        g.setFill(Color.rgb(247, 248, 250));
        g.fillRect(0, 0, w, h);
        renderer.render(g, model.ttftHistogram().get(), "TTFT", "ms", "no request has a first token", 0, 0, w, each);
        renderer.render(g, model.itlHistogram().get(), "Inter-token latency", "ms",
                "no token times or reported gaps", 0, each + GAP, w, each);
        renderer.render(g, model.decodeHistogram().get(), "Decode speed", "tok/s", "no decode speeds", 0,
                2 * (each + GAP), w, each);
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
        paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
    }
}
