package dev.flarescope.icons;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * Loads the {@link Icon}s and the application icon as JavaFX images, once each: toolbars and tables
 * show the same few icons many times over.
 */
public final class Icons {
    /** The sizes the application icon is shipped at; the window manager picks one per place it shows it. */
    static final int[] APP_SIZES = {16, 24, 32, 48, 64, 128, 256};

    private static final Map<URL, Image> CACHE = new ConcurrentHashMap<>();

    private Icons() {
    }

    /** {@code icon} at {@code size} px (16, 24 or 32). */
    public static Image image(Icon icon, int size) {
        return load(icon.resource(size));
    }

    /** A fresh view of {@code icon} at 16 px, for a button or a table cell. */
    public static ImageView view(Icon icon) {
        return new ImageView(image(icon, 16));
    }

    /** The application icon in every shipped size, for {@code Stage.getIcons()}. */
    public static List<Image> appIcons() {
        return IntStream.of(APP_SIZES).mapToObj(Icons::appIcon).toList();
    }

    /** The application icon at {@code size} px, one of {@link #APP_SIZES}. */
    public static Image appIcon(int size) {
        return load(appIconResource(size));
    }

    static URL appIconResource(int size) {
        if (IntStream.of(APP_SIZES).noneMatch(s -> s == size)) {
            throw new IllegalArgumentException("no " + size + " px application icon");
        }
        return Icons.class.getResource("app/flarescope-" + size + ".png");
    }

    private static Image load(URL url) {
        if (url == null) {
            throw new IllegalStateException("icon missing from the application's resources");
        }
        return CACHE.computeIfAbsent(url, u -> new Image(u.toExternalForm()));
    }
}
