package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputNamesTest {
    @Test
    void namesComeFromTheFirstInputWithoutTraceExtensions() {
        assertEquals("run", InputNames.stem(List.of("/data/run.json.gz")));
        assertEquals("trace.5120", InputNames.stem(List.of("frag/trace.5120.jsonl")));
        assertEquals("serving-run", InputNames.stem(List.of("sample-traces/serving-run")));
        assertEquals(".json", InputNames.stem(List.of(".json")));
        assertNull(InputNames.stem(List.of()));
        assertEquals("run-saved.json", InputNames.savedTrace(List.of("run.json")));
        assertEquals("run-merged.json", InputNames.savedTrace(List.of("run.json", "metrics.jsonl")));
        assertEquals("live-capture.json", InputNames.savedTrace(List.of()));
        assertEquals("run-flame.png", InputNames.picture(List.of("run.json"), "flame"));
        assertEquals("flarescope-timeline.png", InputNames.picture(List.of(), "timeline"));
    }
}
