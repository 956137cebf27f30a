package dev.flarescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers the package names promise: input formats, the model, analysis, notes and live sources
 * run headless (the command line and plain unit tests use them), so they import neither JavaFX nor
 * the app's or the command line's classes.
 */
class LayersTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/flarescope");
    private static final List<String> HEADLESS = List.of("format", "model", "analysis", "notes", "live", "io");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void headlessLayersImportNoJavaFxAndNothingOfTheAppOrTheCommandLine() throws IOException {
        List<String> wrong = new ArrayList<>();
        int files = 0;
        for (String layer : HEADLESS) {
            Path dir = SOURCES.resolve(layer);
            assertTrue(Files.isDirectory(dir), dir + " is missing");
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    Matcher m = IMPORT.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        String imported = m.group(1);
                        if (imported.startsWith("javafx.") || imported.startsWith("dev.flarescope.ui.")
                                || imported.startsWith("dev.flarescope.cli.")) {
                            wrong.add(SOURCES.relativize(f) + " imports " + imported);
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "only " + files + " sources found under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), wrong);
    }
}
