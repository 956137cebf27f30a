package dev.flarescope.format.chrome;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Re-writes parsed JSON values as compact UTF-8 text into a reused buffer, with one reused generator:
 * storing an event's {@code args} costs a copy of its bytes and nothing else. Number text is copied
 * as written (no round trip through double); non-finite numbers become strings so the text stays JSON.
 */
final class JsonCopier {
    private final Buffer out = new Buffer();
    private JsonGenerator gen;

    JsonCopier() {
        gen = newGenerator();
    }

    /** The generator, for callers that write a value piece by piece; finish with {@link #finish}. */
    JsonGenerator generator() {
        return gen;
    }

    /** Writes the current value of {@code p} (scalar or whole structure) and leaves {@code p} on its last token. */
    void copy(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                gen.writeStartObject();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    gen.writeFieldName(p.currentName());
                    p.nextToken();
                    copy(p);
                }
                gen.writeEndObject();
            }
            case START_ARRAY -> {
                gen.writeStartArray();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    copy(p);
                }
                gen.writeEndArray();
            }
            case VALUE_STRING -> gen.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            case VALUE_NUMBER_INT -> gen.writeNumber(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            case VALUE_NUMBER_FLOAT -> {
                if (p.isNaN()) {
                    gen.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                } else {
                    gen.writeNumber(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                }
            }
            case VALUE_TRUE -> gen.writeBoolean(true);
            case VALUE_FALSE -> gen.writeBoolean(false);
            default -> gen.writeNull();
        }
    }

    /** Flushes what was written since the last call; the text is {@code bytes()[0, length())} until the next write. */
    void finish() throws IOException {
        gen.flush();
    }

    byte[] bytes() {
        return out.buf;
    }

    int length() {
        return out.len;
    }

    /** Forgets the written text; the generator must be between values. */
    void clear() {
        out.len = 0;
    }

    /** The current value of {@code p} as compact JSON text. */
    String text(JsonParser p) throws IOException {
        clear();
        copy(p);
        finish();
        String s = new String(out.buf, 0, out.len, StandardCharsets.UTF_8);
        clear();
        return s;
    }

    /** Recovers after a parse error left the generator inside a value: starts over with a fresh one. */
    void abandon() {
        gen = newGenerator();
        out.len = 0;
    }

    private JsonGenerator newGenerator() {
        try {
            return ChromeJson.FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the target is memory
        }
    }

    /** A growable byte array that is never shrunk or copied out. */
    private static final class Buffer extends OutputStream {
        byte[] buf = new byte[1 << 12];
        int len;

        @Override
        public void write(int b) {
            ensure(1);
            buf[len++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int n) {
            ensure(n);
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        private void ensure(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }
    }
}
