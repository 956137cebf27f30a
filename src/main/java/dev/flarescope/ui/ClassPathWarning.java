package dev.flarescope.ui;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps JavaFX's start-up warning about running from the class path ("Unsupported JavaFX
 * configuration: classes were loaded from 'unnamed module'") out of the terminal. The shaded jar is how
 * Flarescope ships, so the line would only alarm users. Other JavaFX warnings still show: the logger is
 * quiet only between {@link #silence()} and {@link #restore()}, around the toolkit's start.
 */
public final class ClassPathWarning {
    /** Held here so the logger and its level outlive the calls (loggers are only weakly kept). */
    private static final Logger JAVAFX = Logger.getLogger("javafx");
    private static Level before;
    private static boolean silenced;

    private ClassPathWarning() {
    }

    /** Quiets JavaFX's logger until {@link #restore()}. */
    public static synchronized void silence() {
        if (!silenced) {
            before = JAVAFX.getLevel();
            JAVAFX.setLevel(Level.SEVERE);
            silenced = true;
        }
    }

    /** Gives JavaFX's logger back the level it had. */
    public static synchronized void restore() {
        if (silenced) {
            JAVAFX.setLevel(before);
            silenced = false;
        }
    }
}
