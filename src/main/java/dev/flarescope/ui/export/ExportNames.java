package dev.flarescope.ui.export;

import dev.flarescope.ui.viewmodel.InputNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Where the Save dialog of a picture opens, and the name it ends up with. */
final class ExportNames {
    private ExportNames() {
    }

    /** The folder holding the first input, or null. */
    static Path folder(List<String> inputs) {
        Path first = inputs.isEmpty() ? null : InputNames.path(inputs.get(0));
        return first == null ? null : first.toAbsolutePath().getParent();
    }

    /** {@code p} with ".png" added when it has no such ending (the file dialogs of some systems drop it). */
    static Path withPng(Path p) {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".png") ? p : p.resolveSibling(name + ".png");
    }
}
