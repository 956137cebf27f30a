package dev.flarescope.ui.dialog;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The system dialogs for choosing traces: several files at once, one folder of fragments, or where to
 * save one. Each opens where the last choice was made. No extension filter narrows the list: formats are recognised
 * by content, and serving stacks write traces under all sorts of names.
 */
public final class OpenDialogs {
    private File lastDirectory;

    /** Files the user chose to open or add (empty when cancelled). */
    public List<Path> chooseFiles(Window owner, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(startDirectory());
        List<File> files = chooser.showOpenMultipleDialog(owner);
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastDirectory = files.get(0).getParentFile();
        return files.stream().map(File::toPath).toList();
    }

    /** A folder the user chose (empty when cancelled). */
    public Optional<Path> chooseFolder(Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(startDirectory());
        File dir = chooser.showDialog(owner);
        if (dir == null) {
            return Optional.empty();
        }
        lastDirectory = dir.getParentFile();
        return Optional.of(dir.toPath());
    }

    /** Where to save a trace (empty when cancelled); ".json" is added when the name has no extension. */
    public Optional<Path> chooseSaveFile(Window owner, String title, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(startDirectory());
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Chrome trace (JSON)", "*.json"));
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        lastDirectory = file.getParentFile();
        String name = file.getName();
        return Optional.of(name.contains(".") ? file.toPath() : file.toPath().resolveSibling(name + ".json"));
    }

    private File startDirectory() {
        return lastDirectory != null && Files.isDirectory(lastDirectory.toPath()) ? lastDirectory : null;
    }
}
