package dev.flarescope.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input: a file (possibly gzip-compressed, detected by magic bytes) or an in-memory body (live
 * ingest). {@link #open()} always returns the decompressed bytes.
 */
public final class InputSource {
    private final String name;
    private final Path path;
    private final byte[] bytes;
    private final boolean gzip;
    private final long size;

    private InputSource(String name, Path path, byte[] bytes, boolean gzip, long size) {
        this.name = name;
        this.path = path;
        this.bytes = bytes;
        this.gzip = gzip;
        this.size = size;
    }

    public static InputSource of(Path path) throws IOException {
        boolean gz = false;
        try (InputStream in = Files.newInputStream(path)) {
            int b0 = in.read();
            int b1 = in.read();
            gz = b0 == 0x1f && b1 == 0x8b;
        }
        return new InputSource(path.toString(), path, null, gz, Files.size(path));
    }

    public static InputSource of(String name, byte[] bytes) {
        boolean gz = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        return new InputSource(name, null, bytes, gz, bytes.length);
    }

    /** The name shown to users: the path as given, or the name of an in-memory body. */
    public String name() {
        return name;
    }

    /** The file, or null for an in-memory body. */
    public Path path() {
        return path;
    }

    /** The in-memory body, or null for a file. */
    public byte[] bytes() {
        return bytes;
    }

    public boolean isGzip() {
        return gzip;
    }

    /** Size as stored (compressed size for gzip). */
    public long size() {
        return size;
    }

    /** True when readers may split the input by byte ranges (an uncompressed file or body). */
    public boolean isSplittable() {
        return !gzip;
    }

    /** The decompressed content, buffered; gzip may expand only up to {@link GzipInput#limitFor}. */
    public InputStream open() throws IOException {
        InputStream raw = path != null ? Files.newInputStream(path) : new java.io.ByteArrayInputStream(bytes);
        if (gzip) {
            return new BufferedInputStream(GzipInput.open(raw, size), 1 << 16);
        }
        return path != null ? new BufferedInputStream(raw, 1 << 16) : raw;
    }
}
