package dev.flarescope.ui;

import dev.flarescope.ui.viewmodel.RecentFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop app: opens the {@link MainWindow} and loads the paths given on the command line. With
 * no paths it opens the bundled sample trace when the app is started from the project folder (as
 * {@code mvn javafx:run} does), and otherwise shows the start screen.
 */
public final class FlarescopeApp extends Application {
    /** The bundled demo, relative to the working directory. */
    static final Path SAMPLE = Path.of("sample-traces", "serving-run");

    /** Starts JavaFX and opens the window; {@code args} are paths to load. */
    public static void launchApp(String... args) {
        ClassPathWarning.silence();
        try {
            Application.launch(FlarescopeApp.class, args);
        } finally {
            ClassPathWarning.restore();
        }
    }

    @Override
    public void start(Stage stage) {
        ClassPathWarning.restore(); // the toolkit is up: later warnings are worth seeing
        MainWindow window = new MainWindow(stage, RecentFiles.forUser(), SAMPLE);
        stage.show();
        List<Path> paths = initialPaths(getParameters().getRaw(), Files.isDirectory(SAMPLE));
        if (!paths.isEmpty()) {
            window.open(paths);
        }
    }

    /** The command-line paths, or the sample when there are none and it exists. */
    static List<Path> initialPaths(List<String> args, boolean sampleExists) {
        if (!args.isEmpty()) {
            return args.stream().map(Path::of).toList();
        }
        return sampleExists ? List.of(SAMPLE) : List.of();
    }
}
