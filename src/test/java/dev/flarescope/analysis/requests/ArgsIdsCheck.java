package dev.flarescope.analysis.requests;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.format.Utf8JsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The property the {@code argsIds} fuzz target checks: on any valid JSON object (what the args arena
 * holds), the direct reader either declines or finds exactly the ids the Jackson parse finds, and only
 * where the args name no failure.
 */
public final class ArgsIdsCheck {
    private ArgsIdsCheck() {
    }

    public static void check(byte[] data) {
        JsonNode tree;
        try {
            // a fresh factory each time: one keeps the field names its parsers have seen and does not
            // decode a name found there again, so invalid UTF-8 in a name would pass once the same bytes
            // went by before, and the verdict would depend on the inputs tried earlier
            tree = new ObjectMapper(new Utf8JsonFactory(new JsonFactoryBuilder())).readTree(data);
        } catch (IOException e) {
            return; // not JSON: the arena never holds such text
        }
        if (tree == null || !tree.isObject()) {
            return;
        }
        List<String> ids = ArgsIds.read(data, 0, data.length);
        if (ids == ArgsIds.UNSURE) {
            return;
        }
        RequestEventScanner.Naming jackson = RequestEventScanner.parsed(data, 0, data.length);
        List<String> expected = jackson == null ? List.of() : jackson.ids();
        if (!expected.equals(ids) || jackson != null && jackson.failureReason() != null) {
            throw new AssertionError("direct " + ids + ", Jackson " + jackson + " for "
                    + new String(data, StandardCharsets.UTF_8));
        }
    }
}
