package dev.flarescope.format.chrome;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.flarescope.format.Utf8JsonFactory;

/** Settings shared by the Chrome readers: a Jackson factory configured for real-world traces, and limits. */
final class ChromeJson {
    /**
     * {@code NaN}/{@code Infinity} tokens are accepted so that one bad number costs one event (the
     * decoder rejects it) instead of the rest of the document; trailing commas are accepted because
     * tracers that append events often leave one before a closing bracket. Strings may be long: some
     * traces embed screenshots as base64 text. Bytes are always UTF-8 ({@link Utf8JsonFactory}).
     */
    static final JsonFactory FACTORY = new Utf8JsonFactory(new JsonFactoryBuilder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 28).build())
            .rootValueSeparator((String) null));

    /** Inputs smaller than this are read on one thread: splitting costs more than it gains. */
    static final long MIN_PARALLEL_BYTES = 8L << 20;

    /** How often (in events) readers check for cancellation. */
    static final int CHECK_INTERVAL = 4096;

    private ChromeJson() {
    }

    /**
     * Jackson's message for a syntax error, without its location and source noise. Locations inside the
     * message are dropped too: they count from where that parser started, not from the input's start.
     */
    static String describe(JsonProcessingException ex) {
        String m = ex.getOriginalMessage();
        if (m == null) {
            return ex.getClass().getSimpleName();
        }
        for (String location : new String[] {" (start marker at", " (for Object starting at", " (for Array starting at"}) {
            int cut = m.indexOf(location);
            if (cut >= 0) {
                m = m.substring(0, cut);
            }
        }
        int cut = m.indexOf('\n');
        return cut >= 0 ? m.substring(0, cut) : m;
    }
}
