package dev.flarescope.cli;

import dev.flarescope.format.InputException;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.InputSummary;
import dev.flarescope.notes.Sidecar;
import dev.flarescope.notes.TraceNotes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loading for the commands: offsets applied, unreadable inputs reported on stderr one line each. */
final class Inputs {
    private Inputs() {
    }

    static TraceLoader.Result load(List<Path> paths, List<TimeOffset> offsets, PrintWriter err) {
        Map<String, Long> byPath = new LinkedHashMap<>();
        for (TimeOffset o : offsets) {
            byPath.put(o.path(), o.ns());
        }
        TraceLoader.Result result = TraceLoader.load(paths, TraceLoader.Options.defaults().withOffsets(byPath));
        for (InputException f : result.failures()) {
            err.println("flarescope: " + f.userMessage());
        }
        Set<String> loaded = new HashSet<>();
        for (InputSummary in : result.trace().inputs()) {
            loaded.add(in.path());
        }
        for (InputException f : result.failures()) {
            loaded.add(f.path());
        }
        for (String path : byPath.keySet()) {
            if (!loaded.contains(path)) {
                err.println("flarescope: warning: --offset " + path + ": no input has that path; offset not applied");
            }
        }
        return result;
    }

    /**
     * The notes saved beside {@code paths}, moved by the same offsets as their events; a sidecar that
     * cannot be read is reported on {@code err}, one line each, and leaves out only its own notes.
     */
    static TraceNotes notes(List<Path> paths, List<TimeOffset> offsets, PrintWriter err) {
        Map<Path, Long> offsetsNs = new HashMap<>();
        for (TimeOffset o : offsets) {
            offsetsNs.put(Path.of(o.path()), o.ns());
        }
        TraceNotes notes = TraceNotes.load(paths, offsetsNs);
        for (Sidecar.Problem p : notes.problems()) {
            err.println("flarescope: warning: notes: " + p.userMessage());
        }
        return notes;
    }
}
