package dev.flarescope.ui.viewmodel;

import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import java.util.ArrayList;
import java.util.List;

/**
 * A note with its span found in the loaded trace, so that renderers draw it without searching the
 * trace on every frame. Notes are pinned again when the notes or the trace change.
 *
 * @param note the note
 * @param span the span it is pinned to, when it is pinned to a span the trace holds; else null
 */
public record PinnedNote(Note note, SpanRef span) {
    /** Every note of {@code notes}, pinned in {@code trace} (null: no span is found). */
    public static List<PinnedNote> pin(List<Note> notes, Trace trace) {
        if (notes.isEmpty()) {
            return List.of();
        }
        List<PinnedNote> out = new ArrayList<>(notes.size());
        for (Note n : notes) {
            out.add(new PinnedNote(n, NoteAnchors.span(trace, n).orElse(null)));
        }
        return List.copyOf(out);
    }
}
