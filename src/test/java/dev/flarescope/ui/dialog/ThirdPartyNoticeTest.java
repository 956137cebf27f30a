package dev.flarescope.ui.dialog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThirdPartyNoticeTest {

    @Test
    void aLibraryLineSplitsIntoCoordinatesLicenceAndSource() {
        ThirdPartyNotice n = ThirdPartyNotice.parse(
                "org.openjfx:javafx-base:21.0.12 | GPL-2.0-only WITH Classpath-exception-2.0 | https://openjdk.org/");
        assertArrayEquals(new String[] {"org.openjfx", "javafx-base", "21.0.12"}, n.coordinates().orElseThrow());
        assertEquals("javafx-base", n.name());
        assertEquals("21.0.12", n.version());
        assertEquals("GPL-2.0-only WITH Classpath-exception-2.0", n.licence());
        assertEquals("https://openjdk.org/", n.url());
    }

    @Test
    void aDescribedComponentHasNoCoordinates() {
        ThirdPartyNotice n = ThirdPartyNotice.parse("OpenJDK runtime (in the installers only) | GPL-2.0 | https://x");
        assertTrue(n.coordinates().isEmpty());
        assertEquals("OpenJDK runtime (in the installers only)", n.name());
        assertEquals("", n.version());
    }

    @Test
    void commentsAndBlankLinesAreSkipped() throws Exception {
        String text = "# header\n\na:b:1 | MIT | https://a\n  # indented comment\nc:d:2 | MIT | https://c\n";
        List<ThirdPartyNotice> notices = AboutInfo.readNotices(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("a:b:1", "c:d:2"), notices.stream().map(ThirdPartyNotice::component).toList());
    }

    @Test
    void aLineWithoutThreeFieldsIsRejectedWithTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThirdPartyNotice.parse("a:b:1 | MIT"));
        assertEquals("'a:b:1 | MIT': expected component | licence | url", e.getMessage());
    }
}
