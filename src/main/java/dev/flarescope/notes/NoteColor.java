package dev.flarescope.notes;

import java.util.List;
import java.util.Locale;

/**
 * The colour of a note, as 24-bit RGB. Notes carry plain RGB rather than a toolkit colour so that the
 * sidecar file, the command line and the views agree on it; {@link #PALETTE} holds the choices the app
 * offers, picked to stay distinct from the span colours and legible with white text.
 */
public record NoteColor(int rgb) {
    public static final NoteColor RED = new NoteColor(0xD32F2F);
    public static final NoteColor ORANGE = new NoteColor(0xEF6C00);
    public static final NoteColor GREEN = new NoteColor(0x2E7D32);
    public static final NoteColor BLUE = new NoteColor(0x1565C0);
    public static final NoteColor PURPLE = new NoteColor(0x6A1B9A);
    public static final NoteColor GREY = new NoteColor(0x455A64);

    /** The colours offered when a note is added, in menu order; the first is the default. */
    public static final List<NoteColor> PALETTE = List.of(RED, ORANGE, GREEN, BLUE, PURPLE, GREY);

    public NoteColor {
        if ((rgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("not a 24-bit RGB colour: 0x" + Integer.toHexString(rgb));
        }
    }

    /**
     * Parses {@code #rrggbb} (case-insensitive, the leading # required).
     *
     * @throws IllegalArgumentException with the text and what was expected, when it is not a colour
     */
    public static NoteColor parse(String text) {
        if (text == null || text.length() != 7 || text.charAt(0) != '#') {
            throw new IllegalArgumentException("expected a colour as #rrggbb, found " + quote(text));
        }
        int v = 0;
        for (int i = 1; i < 7; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                throw new IllegalArgumentException("expected a colour as #rrggbb, found " + quote(text));
            }
            v = v << 4 | d;
        }
        return new NoteColor(v);
    }

    /** {@code #rrggbb} in lower case, as written to the sidecar. */
    public String hex() {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    public int red() {
        return rgb >> 16 & 0xFF;
    }

    public int green() {
        return rgb >> 8 & 0xFF;
    }

    public int blue() {
        return rgb & 0xFF;
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }
}
