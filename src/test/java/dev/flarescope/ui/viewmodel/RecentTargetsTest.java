package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentTargetsTest {
    private final Preferences node = Preferences.userRoot().node("dev/flarescope/test-" + UUID.randomUUID());

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    @Test
    void newestFirstOnceEachWithoutTokensAndKeptAcrossRuns() {
        RecentTargets recent = new RecentTargets(node);
        recent.remember(new AttachTarget(AttachTarget.Kind.FOLLOW, "/tmp/run", null));
        recent.remember(new AttachTarget(AttachTarget.Kind.LISTEN, "0.0.0.0:9411", "s3cret"));
        recent.remember(AttachTarget.demo());
        recent.remember(new AttachTarget(AttachTarget.Kind.FOLLOW, " /tmp/run ", null));

        List<AttachTarget> expected = List.of(
                new AttachTarget(AttachTarget.Kind.FOLLOW, "/tmp/run", null),
                AttachTarget.demo(),
                new AttachTarget(AttachTarget.Kind.LISTEN, "0.0.0.0:9411", null));
        assertEquals(expected, recent.entries());
        assertEquals(expected, new RecentTargets(node).entries());
        assertEquals("LISTEN\t0.0.0.0:9411", node.get("2", null));
    }

    @Test
    void keepsAtMostMaxAndIgnoresDamagedEntries() {
        node.put("0", "garbage");
        node.put("1", "NOKIND\tx");
        RecentTargets recent = new RecentTargets(node);
        assertEquals(List.of(), recent.entries());
        for (int i = 0; i < RecentTargets.MAX + 3; i++) {
            recent.remember(new AttachTarget(AttachTarget.Kind.CONNECT, "http://h/" + i, null));
        }
        assertEquals(RecentTargets.MAX, recent.entries().size());
        assertEquals("http://h/" + (RecentTargets.MAX + 2), recent.entries().get(0).address());
        assertNull(AttachTarget.fromKey("garbage"));
    }
}
