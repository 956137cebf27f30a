package dev.flarescope.ui.render.phases;

import dev.flarescope.model.Severity;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * How a finding's severity looks wherever it is drawn (phase rows, the timeline ruler, the findings
 * list, dashboard tiles): a colour, a light tint for row backgrounds, and an icon: a red disc with "!"
 * for errors, an amber triangle with "!" for warnings, a blue disc with "i" for information.
 */
public final class SeverityStyle {
    private static final Font ICON_FONT = Font.font("System", FontWeight.BOLD, 10);

    private SeverityStyle() {
    }

    public static Color color(Severity s) {
        return switch (s) {
            case ERROR -> Color.rgb(220, 38, 38);
            case WARNING -> Color.rgb(217, 119, 6);
            case INFO -> Color.rgb(37, 99, 235);
        };
    }

    /** A pale version of the colour for the background of a row that has such a finding. */
    public static Color tint(Severity s) {
        return switch (s) {
            case ERROR -> Color.rgb(254, 236, 236);
            case WARNING -> Color.rgb(255, 246, 224);
            case INFO -> Color.rgb(236, 243, 255);
        };
    }

    /** Draws the icon of {@code s}, {@code size} pixels square, its top-left corner at (x, y). */
    public static void icon(GraphicsContext g, Severity s, double x, double y, double size) {
        g.setFill(color(s));
        if (s == Severity.WARNING) {
            g.fillPolygon(new double[] {x + size / 2, x + size, x}, new double[] {y, y + size, y + size}, 3);
        } else {
            g.fillOval(x, y, size, size);
        }
        g.setFill(Color.WHITE);
        g.setFont(ICON_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s == Severity.INFO ? "i" : "!", x + size / 2, y + size / 2 + (s == Severity.WARNING ? 2 : 0.5));
        g.setTextAlign(TextAlignment.LEFT);
    }
}
