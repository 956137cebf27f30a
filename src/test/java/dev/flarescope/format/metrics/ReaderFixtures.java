package dev.flarescope.format.metrics;

import dev.flarescope.format.InputSource;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.format.TestContext;
import dev.flarescope.format.TraceReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Inputs for reader tests: inline text or a test resource, read into one {@link RecordingSink}. */
public final class ReaderFixtures {
    private ReaderFixtures() {
    }

    public static InputSource text(String name, String content) {
        return InputSource.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static InputSource resource(String path) {
        try (InputStream in = ReaderFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return InputSource.of(path, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code source} and returns the only sink the reader asked for. */
    public static RecordingSink read(TraceReader reader, InputSource source) throws Exception {
        try (TestContext ctx = new TestContext()) {
            reader.read(source, ctx);
            if (ctx.sinks.size() != 1) {
                throw new AssertionError("expected exactly one sink, got " + ctx.sinks.size());
            }
            if (ctx.bytes <= 0) {
                throw new AssertionError("no progress reported");
            }
            return ctx.sinks.get(0);
        }
    }

    /** Bytes that are neither text nor JSON. */
    public static InputSource randomBytes() {
        byte[] b = new byte[4096];
        new java.util.Random(42).nextBytes(b);
        b[0] = (byte) 0x9c; // not '{', '[', '|' or a gzip magic
        b[1] = 0x00;
        return InputSource.of("random.bin", b);
    }
}
