package dev.flarescope.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads small JSON values (metadata, a format sniff, the members of one event's args) into Jackson's
 * tree nodes, as {@code ObjectMapper.readTree} does, without an {@code ObjectMapper}. Constructing the
 * first mapper in a JVM sets up Jackson's date formats and with them the JDK's locale data: about
 * 0.1 s, on the path of every command that opens a trace, for trees that a parser and the node factory
 * build just as well.
 *
 * <p>The trees match the mapper's defaults: integers as int, long or big-integer nodes by size, other
 * numbers as doubles, the last of duplicate keys wins, and text after the first value is ignored.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The first JSON value in {@code json}; {@link MissingNode} when there is none. */
    public static JsonNode read(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return first(p);
        }
    }

    /** The first JSON value in the UTF-8 (or BOM-marked) bytes {@code json}; {@link MissingNode} when there is none. */
    public static JsonNode read(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return first(p);
        }
    }

    private static JsonNode first(JsonParser p) throws IOException {
        return p.nextToken() == null ? MissingNode.getInstance() : value(p);
    }

    /**
     * The value at {@code p}'s current token (or at its next token when it has none yet), leaving
     * {@code p} on the value's last token.
     */
    public static JsonNode read(JsonParser p) throws IOException {
        if (p.currentToken() == null && p.nextToken() == null) {
            return MissingNode.getInstance();
        }
        return value(p);
    }

    private static JsonNode value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return object(p);
            case START_ARRAY:
                return array(p);
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "expected a JSON value, found " + t);
        }
    }

    private static ObjectNode object(JsonParser p) throws IOException {
        ObjectNode o = NODES.objectNode();
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            o.set(name, value(p));
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "expected a member name or '}', found " + p.currentToken());
        }
        return o;
    }

    private static ArrayNode array(JsonParser p) throws IOException {
        ArrayNode a = NODES.arrayNode();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonParseException(p, "expected a value or ']', found the end of the input");
            }
            a.add(value(p));
        }
        return a;
    }
}
