package dev.flarescope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trees are the ones {@code ObjectMapper.readTree} builds, node types included. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> DOCUMENTS = List.of(
            "{}", "[]", "0", "-0", "7", "-2147483649", "9223372036854775808", "1.5", "-0.0", "1e400", "\"x\"",
            "true", "false", "null",
            "{\"host_name\":\"gpu-3\",\"n\":[1,2.5,{\"a\":null}],\"nested\":{\"deep\":[[[]]]}}",
            "{\"k\":1,\"k\":2}",
            "{\"emoji\":\"\\ud83d\\ude00 caf\u00e9\",\"esc\":\"a\\\"b\\\\c\\n\"}",
            "{\"a\":1} trailing text",
            "   [1, [2, [3]]]  ");

    @Test
    void buildsTheSameTreesAsTheMapper() throws Exception {
        for (String doc : DOCUMENTS) {
            JsonNode expected = MAPPER.readTree(doc);
            JsonNode fromString = JsonTrees.read(doc);
            JsonNode fromBytes = JsonTrees.read(doc.getBytes(StandardCharsets.UTF_8));
            assertEquals(expected, fromString, doc);
            assertEquals(expected, fromBytes, doc);
            assertEquals(expected.getNodeType(), fromString.getNodeType(), doc);
            assertEquals(expected.numberType(), fromString.numberType(), doc);
        }
    }

    @Test
    void emptyInputIsTheMissingNode() throws Exception {
        assertTrue(JsonTrees.read("").isMissingNode());
        assertTrue(JsonTrees.read("   ").isMissingNode());
        assertEquals(MAPPER.readTree(""), JsonTrees.read(""));
    }

    @Test
    void readsTheValueAtAParsersTokenAndLeavesItOnTheValuesEnd() throws Exception {
        try (JsonParser p = MAPPER.getFactory().createParser("[{\"a\":[1,2]},3]")) {
            p.nextToken(); // [
            p.nextToken(); // {
            JsonNode first = JsonTrees.read(p);
            assertEquals(MAPPER.readTree("{\"a\":[1,2]}"), first);
            assertEquals(JsonToken.END_OBJECT, p.currentToken());
            assertEquals(JsonToken.VALUE_NUMBER_INT, p.nextToken());
        }
    }

    @Test
    void cutOrBrokenTextIsAParseError() {
        for (String bad : List.of("{\"a\":", "[1,2", "{\"a\" 1}", "[1,]", "{,}", "tru")) {
            assertThrows(JsonParseException.class, () -> JsonTrees.read(bad), bad);
        }
    }
}
