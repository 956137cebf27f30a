package dev.flarescope.ui.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * THIRD-PARTY.txt names exactly the libraries the app ships, at the versions the build uses: the
 * runtime dependencies worked out from pom.xml and the libraries' own POMs (not from the file itself).
 */
class ThirdPartyNoticesTest {

    @Test
    void everyRuntimeLibraryIsListedWithItsVersionAndNothingElse() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (ThirdPartyNotice n : AboutInfo.current().thirdParty()) {
            n.coordinates().ifPresent(c -> listed.add(String.join(":", c)));
        }
        Set<String> runtime = new RuntimeClasspath(System.getProperty("java.class.path"))
                .runtimeLibraries(Path.of("pom.xml"));
        assertEquals(runtime, listed);
    }

    @Test
    void everyNoticeHasAKnownLicenceAndASource() {
        List<ThirdPartyNotice> notices = AboutInfo.current().thirdParty();
        assertEquals(14, notices.size());
        for (ThirdPartyNotice n : notices) {
            assertTrue(n.url().startsWith("https://"), n.toString());
            assertTrue(Set.of("Apache-2.0", "BSD-3-Clause", "GPL-2.0-only WITH Classpath-exception-2.0")
                    .contains(n.licence()), n.toString());
        }
    }
}
