package dev.flarescope.format.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.format.Format;
import dev.flarescope.model.RequestRecord;
import java.util.Map;

/** Creating and finishing {@link RequestRecord}s the same way in every metrics reader. */
final class Records {
    private Records() {
    }

    static RequestRecord start(Format format, String source, long line) {
        RequestRecord r = new RequestRecord();
        r.sourceFormat = format.id();
        r.source = source;
        r.line = line;
        return r;
    }

    /** Passes every member of {@code object} through {@link MetricsAliases#apply}. */
    static void applyAll(JsonNode object, RequestRecord r) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            MetricsAliases.apply(e.getKey(), e.getValue(), r);
        }
    }

    /** Gives a record without an id of its own the synthetic {@code <format>#<line>}. */
    static void ensureId(RequestRecord r) {
        if (r.id == null || r.id.isEmpty()) {
            r.id = r.sourceFormat + "#" + r.line;
        }
    }

    /** Short description of a JSON value's type for messages. */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
