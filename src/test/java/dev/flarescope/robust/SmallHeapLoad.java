package dev.flarescope.robust;

import dev.flarescope.ui.viewmodel.LoadOutcome;
import dev.flarescope.ui.viewmodel.LoadViewModel;
import dev.flarescope.ui.viewmodel.RecentFiles;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;

/**
 * Run in a JVM with a small heap by {@link SmallHeapTest}: opens a small trace, then one larger than the
 * heap, then the small one again, through the app's {@link LoadViewModel}, and prints what the app
 * would show after each, one line per load.
 */
public final class SmallHeapLoad {
    private SmallHeapLoad() {
    }

    /** {@code args}: the small trace, the large trace. */
    public static void main(String[] args) throws Exception {
        Preferences prefs = Preferences.userRoot().node("dev/flarescope/test-" + UUID.randomUUID());
        try {
            TraceSession session = new TraceSession();
            LoadViewModel load = new LoadViewModel(session, new RecentFiles(prefs), Runnable::run, Runnable::run);
            List<LoadOutcome> outcomes = new ArrayList<>();
            load.addOutcomeListener(outcomes::add);
            for (String path : List.of(args[0], args[1], args[0])) {
                load.open(List.of(Path.of(path)));
                LoadOutcome o = outcomes.get(outcomes.size() - 1);
                System.out.println(o.status() + "|" + o.error() + "|" + session.inputs() + "|"
                        + (session.trace() == null ? 0 : session.trace().events()));
            }
        } finally {
            prefs.removeNode();
        }
    }
}
