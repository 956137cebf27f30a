package dev.flarescope.ui.render.export;

import dev.flarescope.ui.export.ExportHeader;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the band on top of an exported picture: the title and the time range on the first line, the
 * key numbers on the second, the inputs on the third, light on dark so that it reads as a caption and
 * not as part of the view. Lines that do not fit are shortened with an ellipsis, never wrapped, so the
 * band has one height at every width.
 */
public final class HeaderPainter {
    /** Height of the band in logical pixels. */
    public static final double HEIGHT = 68;

    static final Color BACKGROUND = Color.rgb(30, 37, 48);
    private static final Color TITLE = Color.WHITE;
    private static final Color TEXT = Color.rgb(222, 228, 236);
    private static final Color MUTED = Color.rgb(150, 162, 178);
    private static final double PAD = 14;
    private static final double GAP = 24;

    private final Font title = Font.font("System", FontWeight.BOLD, 15);
    private final Font body = Font.font("System", 12.5);
    private final Font small = Font.font("System", 11.5);

    /** Paints {@code header} into the band {@code (0, 0, width, HEIGHT)} of {@code g}. */
    public void paint(GraphicsContext g, ExportHeader header, double width, String brand) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, HEIGHT);
        g.setTextBaseline(VPos.CENTER);

        double inner = width - 2 * PAD;
        g.setFont(small);
        g.setFill(MUTED);
        g.setTextAlign(TextAlignment.RIGHT);
        String brandText = TextLine.fit(brand, small, inner / 4);
        double brandWidth = TextLine.width(brandText, small);
        g.fillText(brandText, width - PAD, 15);

        g.setTextAlign(TextAlignment.LEFT);
        double titleMax = Math.max(0, inner - brandWidth - GAP);
        String titleText = TextLine.fit(header.title(), title, titleMax);
        g.setFont(title);
        g.setFill(TITLE);
        g.fillText(titleText, PAD, 16);
        double rangeX = PAD + TextLine.width(titleText, title) + GAP;
        g.setFont(body);
        g.setFill(MUTED);
        g.fillText(TextLine.fit(header.range(), body, Math.max(0, width - PAD - brandWidth - GAP - rangeX)), rangeX, 16);

        g.setFill(TEXT);
        g.fillText(TextLine.fit(header.numbers(), body, inner), PAD, 36);
        g.setFont(small);
        g.setFill(MUTED);
        g.fillText(TextLine.fit(header.inputs(), small, inner), PAD, 54);
    }
}
