package dev.flarescope.ui.export;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The names the Save dialog proposes: "serving-run-timeline.png", in the first input's folder. */
final class ExportNames {
    private ExportNames() {
    }

    /** "<first input without extensions>-<view>.png", or "flarescope-<view>.png" without inputs. */
    static String fileName(List<String> inputs, String view) {
        String base = "flarescope";
        Path first = inputs.isEmpty() ? null : path(inputs.get(0));
        if (first != null && first.getFileName() != null) {
            String name = first.getFileName().toString();
            for (String ext : List.of(".gz", ".json", ".jsonl", ".ndjson", ".txt", ".log")) {
                if (name.toLowerCase(Locale.ROOT).endsWith(ext) && name.length() > ext.length()) {
                    name = name.substring(0, name.length() - ext.length());
                }
            }
            base = name;
        }
        return base + "-" + view + ".png";
    }

    /** The folder holding the first input, or null. */
    static Path folder(List<String> inputs) {
        Path first = inputs.isEmpty() ? null : path(inputs.get(0));
        return first == null ? null : first.toAbsolutePath().getParent();
    }

    /** {@code p} with ".png" added when it has no such ending (the file dialogs of some systems drop it). */
    static Path withPng(Path p) {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".png") ? p : p.resolveSibling(name + ".png");
    }

    private static Path path(String input) {
        try {
            return Path.of(input);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
