package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.flame.FlameUnit;
import java.util.Locale;

/**
 * What the tooltip says about a frame.
 *
 * @param name        frame name
 * @param total       value in and below the frame
 * @param self        value in the frame itself
 * @param count       span instances (or samples) merged into the frame
 * @param shareOfRoot total as a share of the whole graph
 * @param zoomedName  name of the frame zoomed into, or null when the graph is not zoomed
 * @param shareOfZoom total as a share of the zoomed frame (NaN when not zoomed)
 * @param unit        unit of the values
 */
public record FlameFrameInfo(String name, long total, long self, long count, double shareOfRoot, String zoomedName,
                             double shareOfZoom, FlameUnit unit) {

    /** Lines for a tooltip: name, total with shares, self, count. */
    public String text() {
        StringBuilder sb = new StringBuilder(name).append('\n');
        sb.append("Total: ").append(FlameFormat.value(total, unit)).append("  (")
                .append(FlameFormat.percent(shareOfRoot)).append(" of all");
        if (zoomedName != null) {
            sb.append(", ").append(FlameFormat.percent(shareOfZoom)).append(" of ").append(zoomedName);
        }
        sb.append(")\n");
        sb.append("Self: ").append(FlameFormat.value(self, unit)).append('\n');
        sb.append("Count: ").append(String.format(Locale.ROOT, "%,d", count));
        return sb.toString();
    }
}
