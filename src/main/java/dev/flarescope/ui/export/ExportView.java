package dev.flarescope.ui.export;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an exported picture shows: one of the trace's views, or the whole window (app only). The
 * {@link #id()} is the name the command line takes ({@code --view timeline}).
 */
public enum ExportView {
    TIMELINE("timeline", "Timeline"),
    FLAME("flame", "Flame graph"),
    PHASES("phases", "Requests"),
    FINDINGS("findings", "Findings"),
    DASHBOARD("dashboard", "Dashboard"),
    STATISTICS("statistics", "Statistics"),
    WINDOW("window", "Window");

    private final String id;
    private final String label;

    ExportView(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The command line's name for it. */
    public String id() {
        return id;
    }

    /** The name of its tab in the app, used in the picture's header. */
    public String label() {
        return label;
    }

    /** Whether notes are drawn in the view itself on the trace's time axis (otherwise they are listed). */
    public boolean drawsNotes() {
        return this == TIMELINE || this == PHASES;
    }

    /** The view named {@code id} (case-insensitive) among those the command line can render headless. */
    public static ExportView parseHeadless(String id) {
        for (ExportView v : values()) {
            if (v != WINDOW && v.id.equalsIgnoreCase(id.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown view '" + id + "': expected one of " + headlessIds());
    }

    /** The views the command line renders, as "timeline|flame|...". */
    public static String headlessIds() {
        return Arrays.stream(values()).filter(v -> v != WINDOW).map(ExportView::id)
                .collect(Collectors.joining("|"));
    }
}
