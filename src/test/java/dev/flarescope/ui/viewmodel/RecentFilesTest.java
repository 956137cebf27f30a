package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFilesTest {
    private final Preferences node = Preferences.userRoot().node("dev/flarescope/test-" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void newestFirstWithoutDuplicatesAndKeptAcrossInstances() {
        RecentFiles recent = new RecentFiles(node);
        recent.remember(List.of(Path.of("/t/a.json")));
        recent.remember(List.of(Path.of("/t/b.json"), Path.of("/t/c")));
        recent.remember(List.of(Path.of("/t/a.json")));
        List<Path> expected = List.of(Path.of("/t/a.json"), Path.of("/t/b.json"), Path.of("/t/c"));
        assertEquals(expected, recent.entries());
        assertEquals(expected, new RecentFiles(node).entries());
    }

    @Test
    void keepsTheTenNewest() {
        RecentFiles recent = new RecentFiles(node);
        for (int i = 0; i < 13; i++) {
            recent.remember(List.of(Path.of("/t/" + i + ".json")));
        }
        List<Path> expected = new ArrayList<>();
        for (int i = 12; i >= 3; i--) {
            expected.add(Path.of("/t/" + i + ".json"));
        }
        assertEquals(expected, new RecentFiles(node).entries());
    }

    @Test
    void storesAbsolutePaths() {
        RecentFiles recent = new RecentFiles(node);
        recent.remember(List.of(Path.of("rel", "x.json")));
        assertEquals(Path.of("rel", "x.json").toAbsolutePath(), recent.entries().get(0));
    }
}
