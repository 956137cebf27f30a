package dev.flarescope.icons;

import dev.flarescope.model.Severity;
import java.net.URL;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The small icons drawn for Flarescope: toolbar actions and finding severities. Each is drawn once as
 * an SVG on a 16 px grid (in the project's {@code icons/} folder) and shipped as PNGs rendered at
 * {@link #SIZES}, since JavaFX cannot draw SVG files; picking the rendered size instead of scaling one
 * image keeps the lines sharp.
 */
public enum Icon {
    OPEN("actions"),
    FOLDER("actions"),
    ADD("actions"),
    SEARCH("actions"),
    RESET_ZOOM("actions"),
    EXPORT("actions"),
    SAVE("actions"),
    ATTACH("actions"),
    NOTES("actions"),
    INFO("severity"),
    WARNING("severity"),
    ERROR("severity");

    /** The pixel sizes each icon is rendered at. */
    public static final int[] SIZES = {16, 24, 32};

    private final String folder;

    Icon(String folder) {
        this.folder = folder;
    }

    /** The icon that marks findings of {@code severity}. */
    public static Icon of(Severity severity) {
        return switch (severity) {
            case INFO -> INFO;
            case WARNING -> WARNING;
            case ERROR -> ERROR;
        };
    }

    /**
     * The PNG of this icon at {@code size} px.
     *
     * @throws IllegalArgumentException when {@code size} is not one of {@link #SIZES}
     */
    public URL resource(int size) {
        if (IntStream.of(SIZES).noneMatch(s -> s == size)) {
            throw new IllegalArgumentException("no " + size + " px rendering of " + this + "; sizes are 16, 24, 32");
        }
        String file = folder + "/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + size + ".png";
        return Icon.class.getResource(file);
    }
}
