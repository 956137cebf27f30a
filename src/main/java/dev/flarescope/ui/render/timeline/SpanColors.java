package dev.flarescope.ui.render.timeline;

import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.Palette;
import javafx.scene.paint.Color;

/**
 * Span colours indexed by name id, so that drawing a slice costs an array read instead of a string
 * lookup: the stable {@link Palette} colour, its washed-out variant for spans that do not match a
 * search, and a translucent variant for overlap lanes. {@code cname} colours are looked up as given.
 */
final class SpanColors {
    private static final double DIM = 0.78;

    private final Trace trace;
    private final Palette palette = new Palette();
    private final Color[] normal;
    private final Color[] dimmed;

    SpanColors(Trace trace) {
        this.trace = trace;
        this.normal = new Color[trace.strings().size()];
        this.dimmed = new Color[normal.length];
    }

    Color of(int name, int cname, boolean dim) {
        if (cname >= 0) {
            Color c = palette.forSpan(trace.string(name), trace.string(cname));
            return dim ? washed(c) : c;
        }
        if (name < 0 || name >= normal.length) {
            return dim ? washed(palette.forName("")) : palette.forName("");
        }
        Color c = normal[name];
        if (c == null) {
            c = palette.forName(trace.string(name));
            normal[name] = c;
            dimmed[name] = washed(c);
        }
        return dim ? dimmed[name] : c;
    }

    Color forName(String name) {
        return palette.forName(name);
    }

    static Color washed(Color c) {
        return c.interpolate(Color.rgb(245, 246, 248), DIM);
    }
}
