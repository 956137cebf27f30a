package dev.flarescope.ui.render;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * Stable colours: a span name always gets the same colour, in every view and every run (a hash of the
 * name picks a hue from a set chosen to be told apart and to carry black text). Chrome's reserved
 * colour names ({@code cname}) map to the colours chrome://tracing uses for them.
 */
public final class Palette {
    private static final Map<String, Color> RESERVED = new HashMap<>();

    static {
        RESERVED.put("thread_state_uninterruptible", Color.rgb(182, 125, 143));
        RESERVED.put("thread_state_iowait", Color.rgb(255, 140, 0));
        RESERVED.put("thread_state_running", Color.rgb(126, 200, 148));
        RESERVED.put("thread_state_runnable", Color.rgb(133, 160, 210));
        RESERVED.put("thread_state_sleeping", Color.rgb(240, 240, 240));
        RESERVED.put("thread_state_unknown", Color.rgb(199, 155, 125));
        RESERVED.put("background_memory_dump", Color.rgb(0, 180, 180));
        RESERVED.put("light_memory_dump", Color.rgb(0, 0, 180));
        RESERVED.put("detailed_memory_dump", Color.rgb(180, 0, 180));
        RESERVED.put("vsync_highlight_color", Color.rgb(0, 0, 255));
        RESERVED.put("generic_work", Color.rgb(125, 125, 125));
        RESERVED.put("good", Color.rgb(0, 125, 0));
        RESERVED.put("bad", Color.rgb(180, 125, 0));
        RESERVED.put("terrible", Color.rgb(180, 0, 0));
        RESERVED.put("black", Color.rgb(0, 0, 0));
        RESERVED.put("grey", Color.rgb(221, 221, 221));
        RESERVED.put("white", Color.rgb(255, 255, 255));
        RESERVED.put("yellow", Color.rgb(255, 255, 0));
        RESERVED.put("olive", Color.rgb(100, 100, 0));
        RESERVED.put("rail_response", Color.rgb(67, 135, 253));
        RESERVED.put("rail_animation", Color.rgb(244, 74, 63));
        RESERVED.put("rail_idle", Color.rgb(238, 142, 0));
        RESERVED.put("rail_load", Color.rgb(13, 168, 97));
        RESERVED.put("startup", Color.rgb(230, 230, 0));
        RESERVED.put("heap_dump_stack_frame", Color.rgb(128, 128, 128));
        RESERVED.put("cq_build_running", Color.rgb(255, 255, 119));
        RESERVED.put("cq_build_passed", Color.rgb(153, 238, 102));
        RESERVED.put("cq_build_failed", Color.rgb(238, 136, 136));
        RESERVED.put("cq_build_abandoned", Color.rgb(187, 187, 187));
        RESERVED.put("cq_build_attempt_runnig", Color.rgb(222, 222, 75));
        RESERVED.put("cq_build_attempt_passed", Color.rgb(103, 218, 35));
        RESERVED.put("cq_build_attempt_failed", Color.rgb(197, 81, 81));
    }

    private final Map<String, Color> cache = new HashMap<>();

    /** The colour of a span or frame name. */
    public Color forName(String name) {
        return cache.computeIfAbsent(name == null ? "" : name, Palette::hashColor);
    }

    /** The colour for a span: its {@code cname} when it names a reserved colour, else by name. */
    public Color forSpan(String name, String cname) {
        if (cname != null) {
            Color c = RESERVED.get(cname);
            if (c != null) {
                return c;
            }
        }
        return forName(name);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double l = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return l > 0.5 ? Color.BLACK : Color.WHITE;
    }

    private static final double[] SATURATION = {0.42, 0.62, 0.78};
    private static final double[] BRIGHTNESS = {0.96, 0.86, 0.76};

    /**
     * Hue from 16 bits of the mixed hash, and saturation and brightness each from one of three steps, so
     * that two names whose hues land close together still differ in tone.
     */
    private static Color hashColor(String name) {
        int h = name.hashCode();
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        double hue = (h & 0xffff) / 65536.0 * 360.0;
        int tone = Integer.remainderUnsigned(h >>> 16, 9);
        return Color.hsb(hue, SATURATION[tone % 3], BRIGHTNESS[tone / 3]);
    }
}
