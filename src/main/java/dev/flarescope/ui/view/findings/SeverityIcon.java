package dev.flarescope.ui.view.findings;

import dev.flarescope.model.Severity;
import dev.flarescope.ui.render.phases.SeverityStyle;
import javafx.scene.canvas.Canvas;

/** A severity's icon as a node, drawn as on the phase rows and the timeline ruler. */
public final class SeverityIcon extends Canvas {
    public SeverityIcon(Severity severity, double size) {
        super(size, size);
        SeverityStyle.icon(getGraphicsContext2D(), severity, 0, 0, size);
    }
}
