package dev.flarescope.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * A Jackson factory whose parsers always read bytes as UTF-8.
 *
 * <p>Jackson guesses UTF-16 or UTF-32 from zero bytes among the first four, so a cut or damaged event
 * such as {@code {\0...} got a char-based parser: its errors were {@code CharConversionException}s
 * rather than syntax errors, and its byte offsets were -1, which readers that resume at the offset
 * after an event cannot use. JSON exchanged between programs is UTF-8 (RFC 8259), so here a zero byte is
 * what it is in UTF-8: a character JSON does not allow there, reported as an ordinary syntax error at
 * its byte offset. Input that starts with a UTF-8 byte order mark still goes through Jackson's own
 * detection, which skips the mark.
 */
public final class Utf8JsonFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;
    private static final int BOM_LENGTH = 3;

    public Utf8JsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    private Utf8JsonFactory(Utf8JsonFactory src) {
        super(src, null);
    }

    @Override
    public JsonFactory copy() {
        return new Utf8JsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        if (startsWithBom(data, offset, len)) {
            return super._createParser(data, offset, len, ctxt);
        }
        return new UTF8StreamJsonParser(ctxt, _parserFeatures, null, _objectCodec,
                _byteSymbolCanonicalizer.makeChildOrPlaceholder(_factoryFeatures), data, offset, offset + len, 0,
                false);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, BOM_LENGTH);
        byte[] head = peek.readNBytes(BOM_LENGTH);
        peek.unread(head);
        if (startsWithBom(head, 0, head.length)) {
            return super._createParser(peek, ctxt);
        }
        return new UTF8StreamJsonParser(ctxt, _parserFeatures, peek, _objectCodec,
                _byteSymbolCanonicalizer.makeChildOrPlaceholder(_factoryFeatures), ctxt.allocReadIOBuffer(), 0, 0,
                true);
    }

    private static boolean startsWithBom(byte[] b, int offset, int len) {
        return len >= BOM_LENGTH && (b[offset] & 0xff) == 0xEF && (b[offset + 1] & 0xff) == 0xBB
                && (b[offset + 2] & 0xff) == 0xBF;
    }
}
