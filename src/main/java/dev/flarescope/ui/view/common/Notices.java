package dev.flarescope.ui.view.common;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Short messages that slide in at the bottom right of the window and go away by themselves: a summary
 * after a load, and problems with inputs (kept up longer, since they need reading).
 */
public final class Notices {
    private static final Duration INFO_TIME = Duration.seconds(6);
    private static final Duration PROBLEM_TIME = Duration.seconds(20);

    private Notices() {
    }

    public static void info(Window owner, String title, String text) {
        base(owner, title, text, INFO_TIME).showInformation();
    }

    public static void problem(Window owner, String title, String text) {
        base(owner, title, text, PROBLEM_TIME).showError();
    }

    private static Notifications base(Window owner, String title, String text, Duration time) {
        return Notifications.create().owner(owner).title(title).text(text).position(Pos.BOTTOM_RIGHT)
                .hideAfter(time);
    }
}
