package dev.flarescope.ui.export;

import dev.flarescope.format.OutputFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * Writes pictures as PNG files, whole or not at all ({@link OutputFiles}), so a full disk or a crash
 * never leaves half a picture under the name a bug report links to.
 */
public final class PngFiles {
    private PngFiles() {
    }

    public static void write(Image image, Path out) throws IOException {
        BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        OutputFiles.writeAtomically(out, stream -> {
            if (!ImageIO.write(pixels, "png", stream)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }
}
