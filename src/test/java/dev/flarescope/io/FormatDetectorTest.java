package dev.flarescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.Format;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    private static FormatDetector.Detection detect(String s) {
        return FormatDetector.detect(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void chromeForms() {
        assertEquals(Format.CHROME_JSON, detect("[{\"ph\":\"X\",\"ts\":1}]").format());
        assertEquals(Format.CHROME_JSON, detect("  \n[").format());
        assertEquals(Format.CHROME_JSON, detect("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[{\"ph\":\"B\"").format());
        assertEquals(Format.CHROME_JSONL, detect("{\"ph\":\"X\",\"ts\":1,\"dur\":2,\"pid\":1,\"tid\":1,\"name\":\"a\"}\n{\"ph\":\"X\"").format());
        assertEquals(Format.CHROME_JSON, detect("\uFEFF[{\"ph\":\"X\"}]").format());
    }

    @Test
    void otherFormatsByTheirKeys() {
        assertEquals(Format.V8_CPU_PROFILE, detect("{\"nodes\":[{\"id\":1}],\"samples\":[]}").format());
        assertEquals(Format.CLOUD_TRACE, detect("{\"projectId\":\"p\",\"traceId\":\"t\",\"spans\":[]}").format());
    }

    @Test
    void emptyAndBinaryInputsAreExplained() {
        FormatDetector.Detection empty = detect("   \n");
        assertEquals(Format.UNKNOWN, empty.format());
        assertEquals("the file is empty", empty.reason());
        FormatDetector.Detection bin = FormatDetector.detect(new byte[] {0x00, 0x13, (byte) 0xff, 0x7f, 0x01});
        assertEquals(Format.UNKNOWN, bin.format());
        assertTrue(bin.reason().contains("binary data (00 13 ff 7f 01)"), bin.reason());
        FormatDetector.Detection text = detect("hello world");
        assertTrue(text.reason().contains("found \"hello world\""), text.reason());
    }
}
