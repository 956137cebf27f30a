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

    /** The first input's file name without its trace extensions ("run.json.gz" gives "run"), or null. */
    public static String stem(List<String> inputs) {
        if (inputs.isEmpty()) {
            return null;
        }
        String name;
        try {
            Path file = Path.of(inputs.get(0)).getFileName();
            if (file == null) {
                return null;
            }
            name = file.toString();
        } catch (InvalidPathException e) {
            return null;
        }
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
