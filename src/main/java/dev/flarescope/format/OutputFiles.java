package dev.flarescope.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How Flarescope writes its files (merged traces, notes, pictures): whole or not at all. The bytes go to
 * a temporary file beside the target that is then moved into place, so a full disk, a crash or an error
 * half way never leaves half a file under a name that someone opens or links to.
 */
public final class OutputFiles {
    /** What is written into the file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFiles() {
    }

    /** Writes {@code body} to {@code target}, replacing it only once every byte is written. */
    public static void writeAtomically(Path target, Body body) throws IOException {
        Path tmp = newTempBeside(target);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.writeTo(out);
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty hidden file in {@code target}'s folder, to write into before {@link #moveIntoPlace}.
     * It is created as any file the user makes (the umask decides its permissions), unlike
     * {@link Files#createTempFile}, whose owner-only permissions the finished file would keep.
     */
    public static Path newTempBeside(Path target) throws IOException {
        Path file = target.toAbsolutePath();
        for (int attempt = 0; ; attempt++) {
            long n = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
            Path tmp = file.resolveSibling("." + file.getFileName() + "." + Long.toString(n, 36) + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /** Moves a finished {@code tmp} onto {@code target}, atomically where the file system can. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Why a file could not be written, in words for the user: "no such folder", "permission denied", ... */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
