package dev.flarescope.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The live targets attached to most recently, newest first, at most {@link #MAX}, kept across runs in
 * {@link Preferences} so the attach dialog can offer them again. Tokens are not stored: a target
 * comes back with its kind and address only.
 */
public final class RecentTargets {
    public static final int MAX = 8;

    private final Preferences node;
    private final List<AttachTarget> entries = new ArrayList<>();

    /** Recent targets stored in {@code node} (tests pass a throwaway node). */
    public RecentTargets(Preferences node) {
        this.node = node;
        for (int i = 0; i < MAX; i++) {
            AttachTarget t = AttachTarget.fromKey(node.get(Integer.toString(i), null));
            if (t != null) {
                entries.add(t);
            }
        }
    }

    /** The user's recent targets of this application. */
    public static RecentTargets forUser() {
        return new RecentTargets(Preferences.userRoot().node("dev/flarescope/recent-live"));
    }

    /** Newest first. */
    public List<AttachTarget> entries() {
        return List.copyOf(entries);
    }

    /** Puts {@code target} at the front (once) and saves the list. */
    public void remember(AttachTarget target) {
        entries.removeIf(t -> t.key().equals(target.key()));
        entries.add(0, new AttachTarget(target.kind(), target.address(), null));
        while (entries.size() > MAX) {
            entries.remove(entries.size() - 1);
        }
        for (int i = 0; i < MAX; i++) {
            if (i < entries.size()) {
                node.put(Integer.toString(i), entries.get(i).key());
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
