package dev.flarescope.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * Writes pictures as PNG files. The file appears whole or not at all: the bytes go to a temporary file
 * beside it that is then moved into place, so a full disk or a crash never leaves half a picture under
 * the name a bug report links to.
 */
public final class PngFiles {
    private PngFiles() {
    }

    public static void write(Image image, Path out) throws IOException {
        BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(pixels, "png", tmp.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
