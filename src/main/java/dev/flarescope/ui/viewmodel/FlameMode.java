package dev.flarescope.ui.viewmodel;

/**
 * What the flame graph tab shows. Left-heavy merges identical call paths to show where time goes;
 * time order keeps one thread's spans where they happened to show when; sandwich answers "who calls
 * this function and what does it call" for one function at a time.
 */
public enum FlameMode {
    LEFT_HEAVY("Left heavy"),
    TIME_ORDER("Time order"),
    SANDWICH("Sandwich");

    private final String label;

    FlameMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
