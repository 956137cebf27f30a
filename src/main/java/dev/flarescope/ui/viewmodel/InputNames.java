package dev.flarescope.ui.viewmodel;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Names proposed for files made from the open trace, built from its first input's name. */
public final class InputNames {
    private static final List<String> EXTENSIONS = List.of(".gz", ".json", ".jsonl", ".ndjson", ".txt", ".log");

    private InputNames() {
    }

    /**
     * The input as a path, or null when it is none: a live source is named by a description
     * ("connect http://..."), which is no valid path on every system.
     */
    public static Path path(String input) {
        try {
            return Path.of(input);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The last part of the input's path ("run.json"), or the input as it is when it is no path. */
    public static String fileName(String input) {
        Path p = path(input);
        Path name = p == null ? null : p.getFileName();
        return name == null ? input : name.toString();
    }

    /** The first input's file name without its trace extensions ("run.json.gz" gives "run"), or null. */
    public static String stem(List<String> inputs) {
        Path first = inputs.isEmpty() ? null : path(inputs.get(0));
        Path file = first == null ? null : first.getFileName();
        if (file == null) {
            return null;
        }
        String name = file.toString();
        for (String ext : EXTENSIONS) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext) && name.length() > ext.length()) {
                name = name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    /** What "Save as…" proposes: "run-saved.json", "run-merged.json" for several inputs, "live-capture.json". */
    public static String savedTrace(List<String> inputs) {
        String stem = stem(inputs);
        if (stem == null) {
            return "live-capture.json";
        }
        return stem + (inputs.size() > 1 ? "-merged.json" : "-saved.json");
    }

    /** What the Export dialog proposes for a picture of {@code view}: "run-timeline.png". */
    public static String picture(List<String> inputs, String view) {
        String stem = stem(inputs);
        return (stem == null ? "flarescope" : stem) + "-" + view + ".png";
    }
}
