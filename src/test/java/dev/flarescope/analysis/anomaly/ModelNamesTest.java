package dev.flarescope.analysis.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelNamesTest {

    @Test
    void pathExtensionAndQuantizationAreIgnored() {
        assertEquals("qwen3-8b", ModelNames.stem("/models/Qwen3-8B-Q4_K_M.gguf"));
        assertEquals("qwen3-8b", ModelNames.stem("qwen3 8B Q4_K_M"));
        assertEquals("qwen3-8b", ModelNames.stem("qwen3-8b"));
        assertEquals("qwen3-8b", ModelNames.stem("qwen3:8b"));
        assertEquals("qwen3-8b", ModelNames.stem("C:\\llm\\qwen3-8b-f16.gguf"));
        assertEquals("llama-7b", ModelNames.stem("llama 7B mostly Q4_0"));
        assertEquals("qwen2-5-coder-7b-instruct", ModelNames.stem("Qwen2.5-Coder-7B-Instruct-IQ3_XS.gguf"));
        assertEquals("qwen3-8b", ModelNames.stem("Qwen/Qwen3-8B-GGUF"));
        assertEquals("", ModelNames.stem(null));
    }

    @Test
    void sameModelComparesStems() {
        assertTrue(ModelNames.sameModel("/models/Qwen3-8B-Q4_K_M.gguf", "qwen3 8B Q4_K_M"));
        assertTrue(ModelNames.sameModel("qwen3 8B Q4_K_M", "QWEN3-8B"));
        assertFalse(ModelNames.sameModel("qwen3-8b", "qwen3-14b"));
        assertFalse(ModelNames.sameModel("qwen3-8b", "qwen3-8b-instruct"));
        assertFalse(ModelNames.sameModel("", ""));
        // the q of a name is not a quantization tag
        assertEquals("qwq-32b", ModelNames.stem("QwQ-32B-Q8_0.gguf"));
    }
}
