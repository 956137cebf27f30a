package dev.flarescope.ui.view.common;

import dev.flarescope.format.InputException;
import dev.flarescope.model.InputSummary;
import dev.flarescope.ui.viewmodel.LoadOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The words the window uses about loading: what a drop will do, what each input held, and which
 * inputs could not be read and why. Kept apart from the controls so the wording is tested directly.
 */
public final class LoadMessages {
    /** Lines of a summary beyond which the rest is counted instead of listed. */
    static final int MAX_LINES = 8;

    private LoadMessages() {
    }

    /** "Drop to open serving-run", "Drop to open 3 files", "Drop to add 2 inputs to this trace". */
    public static String drop(List<Path> paths, boolean traceOpen) {
        if (traceOpen) {
            return "Drop to add " + Units.count(paths.size(), "input", "inputs") + " to this trace";
        }
        if (paths.size() == 1) {
            return "Drop to open " + name(paths.get(0));
        }
        long folders = paths.stream().filter(Files::isDirectory).count();
        long files = paths.size() - folders;
        if (folders == 0) {
            return "Drop to open " + Units.count(files, "file", "files");
        }
        if (files == 0) {
            return "Drop to open " + Units.count(folders, "folder", "folders");
        }
        return "Drop to open " + Units.count(files, "file", "files") + " and "
                + Units.count(folders, "folder", "folders");
    }

    /** "Loading serving-run" or "Loading 3 inputs". */
    public static String loading(List<Path> paths) {
        return paths.size() == 1 ? "Loading " + name(paths.get(0))
                : "Loading " + Units.count(paths.size(), "input", "inputs");
    }

    /** Title of the summary after a load that showed a trace. */
    public static String loadedTitle(LoadOutcome o) {
        return "Loaded " + Units.count(o.inputs().size(), "input", "inputs");
    }

    /** One line per input read: "api.jsonl: chrome-jsonl, 1,204 events, 2 malformed lines". */
    public static String inputLines(LoadOutcome o) {
        List<String> lines = new ArrayList<>();
        for (InputSummary in : o.inputs()) {
            StringBuilder sb = new StringBuilder(name(Path.of(in.path()))).append(": ").append(in.format())
                    .append(", ").append(Units.count(in.events(), "event", "events"));
            if (in.requests() > 0) {
                sb.append(", ").append(Units.count(in.requests(), "request", "requests"));
            }
            if (in.malformedLines() > 0) {
                sb.append(", ").append(Units.count(in.malformedLines(), "malformed line", "malformed lines"));
            }
            if (in.truncated()) {
                sb.append(", truncated");
            }
            lines.add(sb.toString());
        }
        if (!o.skipped().isEmpty()) {
            lines.add(Units.count(o.skipped().size(), "file", "files") + " of no known format skipped");
        }
        return String.join("\n", capped(lines));
    }

    /** Title of the problem report: "Could not read 1 input" or why loading stopped. */
    public static String failureTitle(LoadOutcome o) {
        if (o.error() != null) {
            return "Could not load the trace";
        }
        return "Could not read " + Units.count(o.failures().size(), "input", "inputs");
    }

    /**
     * The file, where and what was expected, one input per line, or the reason loading stopped; then
     * what is shown now: the inputs that did open, or that the trace open before stays
     * ({@code traceOpen}: whether there was one).
     */
    public static String failureLines(LoadOutcome o, boolean traceOpen) {
        List<String> lines = new ArrayList<>();
        if (o.error() != null) {
            lines.add(o.error());
        }
        for (InputException f : o.failures()) {
            lines.add(f.userMessage());
        }
        List<String> shown = capped(lines);
        if (o.status() == LoadOutcome.Status.LOADED) {
            shown.add("");
            shown.add(loadedTitle(o) + ":");
            shown.add(inputLines(o));
        } else if (traceOpen) {
            shown.add("The trace shown before stays open.");
        }
        return String.join("\n", shown);
    }

    /** At most {@link #MAX_LINES} lines, the last one counting those left out. */
    private static List<String> capped(List<String> lines) {
        if (lines.size() <= MAX_LINES) {
            return new ArrayList<>(lines);
        }
        List<String> head = new ArrayList<>(lines.subList(0, MAX_LINES - 1));
        head.add("and " + (lines.size() - head.size()) + " more");
        return head;
    }

    private static String name(Path p) {
        Path f = p.getFileName();
        return f == null ? p.toString() : f.toString();
    }
}
