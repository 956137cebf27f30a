package dev.flarescope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StringPoolTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void emptyStringIsIdZero() {
        StringPool pool = new StringPool();
        assertEquals(0, pool.intern(""));
        assertEquals(0, pool.intern(new byte[0], 0, 0));
        assertEquals(1, pool.size());
    }

    @Test
    void asciiBytesFindTheSameIdAsStringsAndChars() {
        StringPool pool = new StringPool();
        int id = pool.intern("attention");
        byte[] buf = utf8("xx attention yy");
        assertEquals(id, pool.intern(buf, 3, 9));
        assertEquals(id, pool.intern("attention".toCharArray(), 0, 9));
        assertEquals(2, pool.size());
        int other = pool.intern(buf, 0, 2);
        assertEquals("xx", pool.get(other));
        assertEquals(other, pool.intern("xx"));
    }

    @Test
    void multiByteTextMatchesItsDecodedString() {
        StringPool pool = new StringPool();
        String[] texts = {"caf\u00e9", "\u65e5\u672c\u8a9e", "smile \ud83d\ude00", "\u00e9", "a\u0000b"};
        for (String t : texts) {
            byte[] b = utf8(t);
            int fromBytes = pool.intern(b, 0, b.length);
            assertEquals(t, pool.get(fromBytes));
            assertEquals(fromBytes, pool.intern(t));
        }
        assertEquals(1 + texts.length, pool.size());
        byte[] again = utf8("smile \ud83d\ude00");
        assertEquals(pool.find("smile \ud83d\ude00"), pool.intern(again, 0, again.length));
        assertEquals(1 + texts.length, pool.size());
    }

    @Test
    void illFormedUtf8IsDecodedAsNewStringDecodesIt() {
        StringPool pool = new StringPool();
        byte[] lone = {'a', (byte) 0xC3};
        assertEquals("a\uFFFD", pool.get(pool.intern(lone, 0, 2)));
        byte[] overlong = {(byte) 0xC0, (byte) 0x80};
        assertEquals(new String(overlong, StandardCharsets.UTF_8), pool.get(pool.intern(overlong, 0, 2)));
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertEquals(new String(surrogate, StandardCharsets.UTF_8), pool.get(pool.intern(surrogate, 0, 3)));
        assertEquals(pool.find("a\uFFFD"), pool.intern(lone, 0, 2));
    }

    @Test
    void manyStringsSurviveRehashing() {
        StringPool pool = new StringPool();
        for (int i = 0; i < 10_000; i++) {
            byte[] b = utf8("key-" + i + (i % 3 == 0 ? "\u00e9" : ""));
            assertEquals(i + 1, pool.intern(b, 0, b.length));
        }
        assertEquals(10_001, pool.size());
        for (int i = 0; i < 10_000; i++) {
            String s = "key-" + i + (i % 3 == 0 ? "\u00e9" : "");
            assertEquals(i + 1, pool.find(s));
            byte[] b = utf8(s);
            assertEquals(i + 1, pool.intern(b, 0, b.length));
        }
        assertEquals(-1, pool.find("key-10000"));
    }

    @Test
    void bytesThatDifferOnlyInCaseOrLengthAreDistinct() {
        StringPool pool = new StringPool();
        byte[] b = utf8("Name name nam");
        int upper = pool.intern(b, 0, 4);
        int lower = pool.intern(b, 5, 4);
        int shorter = pool.intern(b, 10, 3);
        assertNotEquals(upper, lower);
        assertNotEquals(lower, shorter);
        assertEquals("nam", pool.get(shorter));
    }

    @Test
    void remapIntoKeepsByteInternedStrings() {
        StringPool chunk = new StringPool();
        byte[] b = utf8("gpu\u00e9");
        int id = chunk.intern(b, 0, b.length);
        StringPool trace = new StringPool();
        trace.intern("other");
        int[] map = trace.remapInto(chunk);
        assertEquals("gpu\u00e9", trace.get(map[id]));
    }
}
