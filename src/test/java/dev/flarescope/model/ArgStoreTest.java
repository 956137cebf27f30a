package dev.flarescope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArgStoreTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void entriesOfEveryLengthPrefixSizeReadBack() {
        ArgStore store = new ArgStore();
        // 127 bytes: a 1-byte length; 128 and 16,383: 2 bytes; 16,384: 3 bytes; 2 MiB: its own page
        String[] texts = {"{}", "x".repeat(127), "y".repeat(128), "z".repeat(16_383), "w".repeat(16_384),
            "é".repeat(1 << 20)};
        int[] refs = new int[texts.length];
        for (int i = 0; i < texts.length; i++) {
            refs[i] = store.add(texts[i]);
        }
        int after = store.add("{\"after\":1}");
        for (int i = 0; i < texts.length; i++) {
            assertEquals(texts[i], store.getString(refs[i]));
            assertEquals(utf8(texts[i]).length, store.length(refs[i]));
        }
        assertEquals("{\"after\":1}", store.getString(after));
        assertNull(store.getString(ArgStore.NONE));
        assertEquals(0, store.length(ArgStore.NONE));
    }

    @Test
    void containsAnyMatchesWholeNeedlesInsideOneEntryOnly() {
        ArgStore store = new ArgStore();
        int a = store.add("{\"request_id\":\"r1\"}");
        int b = store.add("{\"grid\":1}");
        byte[] rid = utf8("\"rid\"");
        byte[] requestId = utf8("\"request_id");
        assertTrue(store.containsAny(a, rid, requestId));
        assertFalse(store.containsAny(b, rid, requestId));
        // a needle that would only match by running into the next entry does not count
        int c = store.add("{\"x\":\"ri");
        store.add("d\"}");
        assertFalse(store.containsAny(c, utf8("\"rid\"")));
        assertFalse(store.containsAny(ArgStore.NONE, rid));
    }

    @Test
    void removeLastTakesBackOnlyTheLastEntry() {
        ArgStore store = new ArgStore();
        int keep = store.add("{\"k\":1}");
        long bytes = store.bytes();
        int drop = store.add("{\"value\":2}");
        store.removeLast(drop);
        assertEquals(bytes, store.bytes());
        int next = store.add("{\"n\":3}");
        assertEquals(drop, next); // the space is reused
        assertEquals("{\"k\":1}", store.getString(keep));
        assertEquals("{\"n\":3}", store.getString(next));
    }

    @Test
    void appendedStoresKeepTheirEntriesUnderRebasedReferences() {
        ArgStore trace = new ArgStore();
        int t0 = trace.add("{\"t\":0}");
        ArgStore chunk = new ArgStore();
        int c0 = chunk.add("{\"c\":0}");
        int base = trace.appendPages(chunk);
        assertEquals(1, base);
        assertEquals("{\"t\":0}", trace.getString(t0));
        assertEquals("{\"c\":0}", trace.getString(ArgStore.rebase(c0, base)));
        // the chunk may go on filling after a snapshot assembled it; old references stay valid
        int c1 = chunk.add("{\"c\":1}");
        assertEquals("{\"c\":1}", chunk.getString(c1));
        assertEquals("{\"c\":0}", trace.getString(ArgStore.rebase(c0, base)));
        assertEquals(ArgStore.NONE, ArgStore.rebase(ArgStore.NONE, base));
    }
}
