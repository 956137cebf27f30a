package dev.flarescope.notes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notes of one trace, loaded from the sidecars of all its inputs and saved back to them.
 *
 * <p>A trace is often several inputs opened together, each with its own sidecar, so every note
 * remembers the input it came from and goes back there: notes made on one host's trace stay with that
 * trace when it is later opened alone. New notes go to the first input's sidecar. An input loaded with
 * a clock offset has its notes moved by the same offset, so they stay on the events they mark; they are
 * moved back when saved, since the sidecar is on its own input's clock.
 *
 * <p>Bad sidecars never stop a trace from opening: their problems are collected in {@link #problems()}.
 * A sidecar that could not be read at all is never overwritten (it may hold notes of a newer version),
 * so saving notes into it fails with a message instead.
 *
 * <p>Not thread-safe: an instance belongs to one thread (the FX thread in the app). {@link #notes()}
 * returns a snapshot, which other threads may read.
 */
public final class TraceNotes {

    /** One input's sidecar: where it is, the offset its notes were moved by, and why it is not writable. */
    private record Origin(Path sidecar, long offsetNs, String unreadable) {
    }

    private final List<Origin> origins;
    private final List<Note> notes = new ArrayList<>();
    /** For each note, the index in {@link #origins} of the sidecar it belongs to. */
    private final List<Integer> noteOrigins = new ArrayList<>();
    /** Per origin, whether its notes changed; a trace with no inputs has one slot, for its new notes. */
    private final boolean[] dirty;
    private final List<Sidecar.Problem> problems = new ArrayList<>();

    private TraceNotes(List<Origin> origins) {
        this.origins = List.copyOf(origins);
        this.dirty = new boolean[Math.max(1, origins.size())];
    }

    /**
     * Loads the notes of {@code inputs}, each from {@link Sidecar#pathFor its sidecar}, moved by the
     * input's offset in {@code offsetsNs} (keyed by the same paths; absent means 0). Never fails for a
     * bad sidecar: what could not be used is in {@link #problems()}. A note whose id was already read
     * from an earlier input is dropped, since ids name notes.
     */
    public static TraceNotes load(List<Path> inputs, Map<Path, Long> offsetsNs) {
        List<Origin> origins = new ArrayList<>();
        List<Sidecar.Problem> problems = new ArrayList<>();
        List<List<Note>> read = new ArrayList<>();
        for (Path input : inputs) {
            Path sidecar = Sidecar.pathFor(input);
            long offset = offsetsNs.getOrDefault(input, 0L);
            List<Note> shifted = new ArrayList<>();
            String unreadable = null;
            if (Files.exists(sidecar)) {
                try {
                    Sidecar.Contents c = Sidecar.read(sidecar);
                    problems.addAll(c.problems());
                    for (Note n : c.notes()) {
                        try {
                            shifted.add(shift(n, offset));
                        } catch (ArithmeticException e) {
                            problems.add(new Sidecar.Problem(sidecar.toString(), -1, -1, "note \"" + n.title()
                                    + "\": its time is out of range once the input's offset is applied; skipped"));
                        }
                    }
                } catch (SidecarException e) {
                    problems.add(e.toProblem());
                    unreadable = e.getMessage();
                }
            }
            origins.add(new Origin(sidecar, offset, unreadable));
            read.add(shifted);
        }
        TraceNotes t = new TraceNotes(origins);
        t.problems.addAll(problems);
        Set<String> ids = new HashSet<>();
        for (int o = 0; o < read.size(); o++) {
            for (Note n : read.get(o)) {
                if (ids.add(n.id())) {
                    t.notes.add(n);
                    t.noteOrigins.add(o);
                } else {
                    t.problems.add(new Sidecar.Problem(origins.get(o).sidecar().toString(), -1, -1, "note \""
                            + n.title() + "\" has the id of a note of an earlier input; dropped"));
                }
            }
        }
        return t;
    }

    /** The notes of a trace that has no file yet (a live capture): they can only be saved with {@link #saveAs}. */
    public static TraceNotes inMemory() {
        return new TraceNotes(List.of());
    }

    /** Every note: by input, then in file order, notes added since then last. A snapshot. */
    public List<Note> notes() {
        return List.copyOf(notes);
    }

    /** What could not be loaded: unreadable sidecars and skipped notes, each naming its file. */
    public List<Sidecar.Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Adds a note, to be saved with the first input's notes.
     *
     * @throws IllegalArgumentException when a note with its id exists
     */
    public void add(Note note) {
        if (indexOf(note.id()) >= 0) {
            throw new IllegalArgumentException("a note with id " + note.id() + " exists already");
        }
        notes.add(note);
        noteOrigins.add(0);
        dirty[0] = true;
    }

    /**
     * Puts {@code note} in place of the note with its id, keeping its position and its sidecar.
     *
     * @throws IllegalArgumentException when no note has its id
     */
    public void replace(Note note) {
        int i = indexOf(note.id());
        if (i < 0) {
            throw new IllegalArgumentException("no note has id " + note.id());
        }
        if (!notes.get(i).equals(note)) {
            notes.set(i, note);
            dirty[noteOrigins.get(i)] = true;
        }
    }

    /** Removes the note with this id; returns whether there was one. */
    public boolean remove(String id) {
        int i = indexOf(id);
        if (i < 0) {
            return false;
        }
        notes.remove(i);
        dirty[noteOrigins.remove(i)] = true;
        return true;
    }

    /** Whether notes changed since they were loaded or last saved. */
    public boolean isDirty() {
        for (boolean d : dirty) {
            if (d) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the sidecars whose notes changed, each note moved back to its input's clock. Sidecars are
     * written one by one; when one fails, those before it are saved and the rest stay dirty.
     *
     * @throws IOException           when a sidecar cannot be written, or could not be read when the
     *                               trace was opened (it is then left as it is)
     * @throws IllegalStateException when the trace has no file ({@link #inMemory()}) and notes changed
     */
    public void save() throws IOException {
        if (origins.isEmpty()) {
            if (dirty[0]) {
                throw new IllegalStateException("these notes belong to a trace with no file yet: save them with saveAs");
            }
            return;
        }
        for (int o = 0; o < origins.size(); o++) {
            if (!dirty[o]) {
                continue;
            }
            Origin origin = origins.get(o);
            if (origin.unreadable() != null) {
                throw new IOException("notes not saved to " + origin.sidecar() + ": the file could not be read"
                        + " when the trace was opened, so it is left as it is (" + origin.unreadable()
                        + "); fix or move it, then open the trace again");
            }
            List<Note> own = new ArrayList<>();
            for (int i = 0; i < notes.size(); i++) {
                if (noteOrigins.get(i) == o) {
                    own.add(unshift(notes.get(i), origin));
                }
            }
            Sidecar.write(origin.sidecar(), own);
            dirty[o] = false;
        }
    }

    /**
     * Writes every note, as it is now (on this trace's clock, offsets applied), to the sidecar of
     * {@code newTrace}: for a trace saved under a new name or merged into one file, whose times carry
     * the offsets. This object is unchanged: its notes still belong to their inputs. Writes nothing
     * when there are no notes and {@code newTrace} has no sidecar.
     *
     * @return the sidecar's path
     */
    public Path saveAs(Path newTrace) throws IOException {
        Path sidecar = Sidecar.pathFor(newTrace);
        Sidecar.write(sidecar, notes());
        return sidecar;
    }

    private int indexOf(String id) {
        for (int i = 0; i < notes.size(); i++) {
            if (notes.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static Note unshift(Note n, Origin origin) throws IOException {
        try {
            return shift(n, -origin.offsetNs());
        } catch (ArithmeticException e) {
            throw new IOException("note \"" + n.title() + "\" cannot be saved to " + origin.sidecar()
                    + ": its time is out of range on that input's clock");
        }
    }

    /** The note {@code deltaNs} later; throws ArithmeticException where a time would overflow. */
    private static Note shift(Note n, long deltaNs) {
        if (deltaNs == 0) {
            return n;
        }
        Math.addExact(n.anchor().startNs(), deltaNs);
        Math.addExact(n.anchor().endNs(), deltaNs);
        return n.withAnchor(n.anchor().shift(deltaNs));
    }
}
