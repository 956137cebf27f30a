package dev.flarescope.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarescope.model.Severity;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every icon the code can ask for is shipped, decodes, and has the size its name says. */
class IconTest {

    @Test
    void everyIconIsShippedAtEverySize() throws IOException {
        for (Icon icon : Icon.values()) {
            for (int size : Icon.SIZES) {
                assertSquarePng(icon.resource(size), size, icon + " at " + size);
            }
        }
    }

    @Test
    void theApplicationIconIsShippedAtEverySize() throws IOException {
        for (int size : Icons.APP_SIZES) {
            assertSquarePng(Icons.appIconResource(size), size, "application icon at " + size);
        }
    }

    @Test
    void resourceNamesFollowTheSvgNames() {
        assertEquals("reset-zoom-24.png", fileName(Icon.RESET_ZOOM.resource(24)));
        assertEquals("warning-16.png", fileName(Icon.WARNING.resource(16)));
    }

    @Test
    void eachSeverityHasItsIcon() {
        assertEquals(Icon.INFO, Icon.of(Severity.INFO));
        assertEquals(Icon.WARNING, Icon.of(Severity.WARNING));
        assertEquals(Icon.ERROR, Icon.of(Severity.ERROR));
    }

    @Test
    void sizesThatWereNotRenderedAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Icon.OPEN.resource(20));
        assertEquals("no 20 px rendering of OPEN; sizes are 16, 24, 32", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Icons.appIconResource(512));
    }

    private static void assertSquarePng(URL url, int size, String what) throws IOException {
        assertNotNull(url, what + " missing");
        BufferedImage image = ImageIO.read(url);
        assertNotNull(image, what + " does not decode");
        assertEquals(size, image.getWidth(), what);
        assertEquals(size, image.getHeight(), what);
    }

    private static String fileName(URL url) {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
