package dev.flarescope.notes;

import java.util.Objects;
import java.util.UUID;

/**
 * A note a user pinned to the trace: a short text, a colour, what it marks, and whether an arrow points
 * from the text to that place. Notes are values: editing one makes a new note with the same id, which
 * is how the views and the sidecar recognise it.
 *
 * @param id     stable identity, unique within a trace's notes
 * @param text   what the user wrote; may span lines
 * @param color  how it is drawn
 * @param anchor what it is pinned to
 * @param arrow  whether the label points at its anchor with an arrow
 */
public record Note(String id, String text, NoteColor color, NoteAnchor anchor, boolean arrow) {
    /** Longest text a note keeps; a note is a label, not a document. */
    public static final int MAX_TEXT = 2000;

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(anchor, "anchor");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a note needs an id");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("note text has " + text.length() + " characters, at most "
                    + MAX_TEXT + " are kept");
        }
    }

    /** A new note with a fresh random id. */
    public static Note create(String text, NoteColor color, NoteAnchor anchor, boolean arrow) {
        return new Note(UUID.randomUUID().toString(), text, color, anchor, arrow);
    }

    public Note withText(String newText) {
        return new Note(id, newText, color, anchor, arrow);
    }

    public Note withColor(NoteColor newColor) {
        return new Note(id, text, newColor, anchor, arrow);
    }

    public Note withArrow(boolean newArrow) {
        return new Note(id, text, color, anchor, newArrow);
    }

    public Note withAnchor(NoteAnchor newAnchor) {
        return new Note(id, text, color, newAnchor, arrow);
    }

    /** The first line of the text, for lists and labels. */
    public String title() {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }
}
