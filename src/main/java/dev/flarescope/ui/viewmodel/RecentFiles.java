package dev.flarescope.ui.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The paths opened most recently, newest first, at most {@link #MAX}, kept across runs in
 * {@link Preferences} so the start screen can offer them again. Entries are stored as absolute paths
 * under keys {@code 0..MAX-1}; a path opened again moves to the front instead of appearing twice.
 */
public final class RecentFiles {
    public static final int MAX = 10;

    private final Preferences node;
    private final ObservableList<Path> entries = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(entries);

    /** Recent files stored in {@code node} (tests pass a throwaway node). */
    public RecentFiles(Preferences node) {
        this.node = node;
        for (int i = 0; i < MAX; i++) {
            String p = node.get(Integer.toString(i), null);
            if (p != null && !p.isBlank()) {
                entries.add(Path.of(p));
            }
        }
    }

    /** The user's recent files of this application. */
    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("dev/flarescope/recent"));
    }

    /** Newest first. */
    public ObservableList<Path> entries() {
        return readOnly;
    }

    /** Puts {@code paths} at the front, the first one newest, and saves the list. */
    public void remember(List<Path> paths) {
        List<Path> next = new ArrayList<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!next.contains(abs)) {
                next.add(abs);
            }
        }
        for (Path p : entries) {
            if (!next.contains(p)) {
                next.add(p);
            }
        }
        entries.setAll(next.subList(0, Math.min(MAX, next.size())));
        save();
    }

    /** Forgets every entry. */
    public void clear() {
        entries.clear();
        save();
    }

    private void save() {
        for (int i = 0; i < MAX; i++) {
            if (i < entries.size()) {
                node.put(Integer.toString(i), entries.get(i).toString());
            } else {
                node.remove(Integer.toString(i));
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // the list still works for this run; it is only not kept for the next one
        }
    }
}
