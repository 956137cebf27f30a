package dev.flarescope.ui.export;

import dev.flarescope.notes.Note;
import dev.flarescope.ui.render.export.HeaderPainter;
import dev.flarescope.ui.render.export.NoteListPainter;
import dev.flarescope.ui.view.common.SharpCanvas;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * Composes an exported picture of a laid-out view: the header band, the view as it is on screen, and,
 * for views without a time axis, the list of notes under it. The view's controls come from a snapshot
 * taken at the export's scale (so they are drawn again at that resolution, not enlarged); its canvases
 * ({@link SharpCanvas}) are painted again into the scaled picture for the same reason, with the notes
 * and finding markers that their renderers draw.
 *
 * <p>FX thread only. The view must be laid out (in a window, or in an off-screen scene for the command
 * line).
 */
public final class ViewPicture {
    /** Largest side of a picture, in pixels: beyond it the graphics pipeline may refuse the texture. */
    public static final int MAX_SIDE = 16_384;

    private final HeaderPainter header = new HeaderPainter();
    private final NoteListPainter noteList = new NoteListPainter();

    /**
     * The picture of {@code view} at its current size, {@code scale} pixels per logical pixel.
     *
     * @param listed       notes to list under the view (empty for views that draw them)
     * @param traceStartNs where the trace starts, for the list's relative times
     * @param brand        the product line at the header's right ("Flarescope 1.0")
     */
    public WritableImage render(Node view, ExportHeader text, List<Note> listed, long traceStartNs, String brand,
                                double scale) {
        Bounds viewBounds = view.getLayoutBounds();
        double w = Math.ceil(viewBounds.getWidth());
        double viewH = Math.ceil(viewBounds.getHeight());
        double listH = NoteListPainter.height(listed.size());
        double h = HeaderPainter.HEIGHT + viewH + listH;
        checkSize(w, h, scale);

        Canvas canvas = new Canvas(Math.round(w * scale), Math.round(h * scale));
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.save();
        g.scale(scale, scale);

        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        p.setFill(Color.WHITE);
        WritableImage controls = view.snapshot(p, null);
        g.drawImage(controls, 0, HeaderPainter.HEIGHT, controls.getWidth() / scale, controls.getHeight() / scale);
        for (SharpCanvas part : sharpParts(view)) {
            repaint(g, view, part);
        }
        header.paint(g, text, w, brand);
        noteList.paint(g, listed, traceStartNs, HeaderPainter.HEIGHT + viewH, w);
        g.restore();

        SnapshotParameters plain = new SnapshotParameters();
        plain.setFill(Color.WHITE);
        return canvas.snapshot(plain, null);
    }

    /** Logical height a view gets in a picture of {@code totalHeight} that lists {@code listed} notes. */
    public static double viewHeight(double totalHeight, int listed) {
        return totalHeight - HeaderPainter.HEIGHT - NoteListPainter.height(listed);
    }

    /**
     * @throws IllegalArgumentException when the picture would be empty or larger than {@link #MAX_SIDE}
     */
    public static void checkSize(double width, double height, double scale) {
        if (!(scale > 0) || width < 1 || height < 1) {
            throw new IllegalArgumentException("nothing to export: the picture would be " + (int) width + " x "
                    + (int) height + " at scale " + scale);
        }
        if (width * scale > MAX_SIDE || height * scale > MAX_SIDE) {
            throw new IllegalArgumentException("a picture of " + Math.round(width * scale) + " x "
                    + Math.round(height * scale) + " pixels is too large; at most " + MAX_SIDE + " pixels a side");
        }
    }

    /** Paints one canvas part again, scaled, where it sits in the view, clipped to what the view shows of it. */
    private static void repaint(GraphicsContext g, Node view, SharpCanvas part) {
        Canvas c = part.canvas();
        Bounds b = view.sceneToLocal(c.localToScene(c.getLayoutBounds()));
        Bounds shown = view.getLayoutBounds();
        double x0 = Math.max(b.getMinX(), shown.getMinX());
        double y0 = Math.max(b.getMinY(), shown.getMinY());
        double x1 = Math.min(b.getMaxX(), shown.getMaxX());
        double y1 = Math.min(b.getMaxY(), shown.getMaxY());
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(x0 - shown.getMinX(), HeaderPainter.HEIGHT + y0 - shown.getMinY(), x1 - x0, y1 - y0);
        g.clip();
        g.translate(b.getMinX() - shown.getMinX(), HeaderPainter.HEIGHT + b.getMinY() - shown.getMinY());
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, c.getWidth(), c.getHeight());
        part.paint(g, c.getWidth(), c.getHeight());
        g.restore();
    }

    /** The canvas parts of {@code view} that are showing, in drawing order. */
    static List<SharpCanvas> sharpParts(Node view) {
        List<SharpCanvas> found = new ArrayList<>();
        collect(view, found);
        return found;
    }

    private static void collect(Node node, List<SharpCanvas> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof SharpCanvas part && part.canvas().getWidth() > 0 && part.canvas().getHeight() > 0
                && part.canvas().isVisible()) {
            found.add(part);
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }
}
