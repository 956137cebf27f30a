package dev.flarescope.ui.view.flame;

import dev.flarescope.analysis.flame.FlameLayout;
import dev.flarescope.ui.render.Palette;
import dev.flarescope.ui.render.flame.FlameContent;
import dev.flarescope.ui.render.flame.FlameRenderer;
import dev.flarescope.ui.view.common.SharpCanvas;
import dev.flarescope.ui.viewmodel.FlameFrames;
import dev.flarescope.ui.viewmodel.FlameGraphModel;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * One interactive flame graph: paints a {@link FlameGraphModel} with the {@link FlameRenderer}, shows a
 * tooltip for the frame under the mouse, zooms to a frame on click, and scrolls rows with the wheel when
 * the graph is deeper than the view. Right click or Esc zooms out one level.
 */
final class FlameCanvas extends Region implements SharpCanvas {
    private final FlameGraphModel model;
    private final Palette palette;
    private final FlameRenderer renderer = new FlameRenderer();
    private final Canvas canvas = new Canvas();
    private final Label tooltip = new Label();
    private double scrollY;

    FlameCanvas(FlameGraphModel model, Palette palette) {
        this.model = model;
        this.palette = palette;
        getStyleClass().add("flame-canvas");
        setFocusTraversable(true);
        setMinSize(0, 0);
        tooltip.getStyleClass().add("flame-tooltip");
        tooltip.setManaged(false);
        tooltip.setMouseTransparent(true);
        tooltip.setVisible(false);
        getChildren().addAll(canvas, tooltip);

        model.framesProperty().addListener((obs, o, n) -> {
            scrollY = 0;
            hideTooltip();
            repaint();
        });
        model.viewportProperty().addListener((obs, o, n) -> repaint());
        model.matchesProperty().addListener((obs, o, n) -> repaint());
        model.hoveredFrameProperty().addListener((obs, o, n) -> repaint());

        addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            model.hoveredFrameProperty().set(-1);
            hideTooltip();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
        addEventHandler(ScrollEvent.SCROLL, this::scroll);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.zoomOut();
                e.consume();
            }
        });
    }

    /** The canvas painted on (for pixel checks and snapshots). */
    @Override
    public Canvas canvas() {
        return canvas;
    }

    @Override
    public void paint(GraphicsContext g, double width, double height) {
        FlameContent c = content();
        if (c == null) {
            g.clearRect(0, 0, width, height);
        } else {
            renderer.draw(g, c, width, height);
        }
    }

    /** What is painted now, or null with nothing to paint. */
    FlameContent content() {
        FlameFrames f = model.frames();
        if (f == null || model.viewport() == null) {
            return null;
        }
        FlameLayout layout = f.layout();
        return new FlameContent(layout, model.viewport(), layout.inverted(), f::name, i -> f.color(i, palette),
                model.matchesProperty().get(), model.hoveredFrameProperty().get(), scrollY);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            scrollY = clampScroll(scrollY);
            repaint();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }

    private void repaint() {
        paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
    }

    private int frameAt(double x, double y) {
        FlameContent c = content();
        return c == null ? -1 : renderer.frameAt(c, canvas.getWidth(), canvas.getHeight(), x, y);
    }

    private void hover(MouseEvent e) {
        int frame = frameAt(e.getX(), e.getY());
        model.hoveredFrameProperty().set(frame);
        if (frame < 0) {
            hideTooltip();
            return;
        }
        tooltip.setText(model.info(frame).text());
        tooltip.setVisible(true);
        tooltip.autosize();
        double x = e.getX() + 14;
        double y = e.getY() + 16;
        if (x + tooltip.getWidth() > getWidth()) {
            x = Math.max(0, e.getX() - tooltip.getWidth() - 8);
        }
        if (y + tooltip.getHeight() > getHeight()) {
            y = Math.max(0, e.getY() - tooltip.getHeight() - 8);
        }
        tooltip.relocate(x, y);
    }

    private void hideTooltip() {
        tooltip.setVisible(false);
    }

    private void click(MouseEvent e) {
        requestFocus();
        if (!e.isStillSincePress()) {
            return;
        }
        if (e.getButton() == MouseButton.SECONDARY) {
            model.zoomOut();
        } else if (e.getButton() == MouseButton.PRIMARY) {
            int frame = frameAt(e.getX(), e.getY());
            if (frame >= 0) {
                model.zoomTo(frame);
            }
        }
    }

    private void scroll(ScrollEvent e) {
        FlameContent c = content();
        if (c == null) {
            return;
        }
        // a flame grows upward, so scrolling up reveals its deeper rows; an icicle the other way round
        double delta = c.inverted() ? -e.getDeltaY() : e.getDeltaY();
        double next = clampScroll(scrollY + delta);
        if (next != scrollY) {
            scrollY = next;
            repaint();
        }
        e.consume();
    }

    private double clampScroll(double value) {
        FlameContent c = content();
        double max = c == null ? 0 : Math.max(0, renderer.contentHeight(c) - canvas.getHeight());
        return Math.max(0, Math.min(max, value));
    }
}
