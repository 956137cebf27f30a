package dev.flarescope.format;

/** Input formats Flarescope reads, detected from content (see {@code io.FormatDetector}). */
public enum Format {
    CHROME_JSON("chrome-json", "Chrome Trace Event Format, JSON array or object"),
    CHROME_JSONL("chrome-jsonl", "Chrome trace events, one per line"),
    DNET_FRAMES("dnet-frames", "dnet trace frames (JSONL) or ingest batches"),
    LLM_METRICS("llm-metrics", "per-request LLM metrics log (JSONL)"),
    LLAMA_TIMINGS("llama.cpp-timings", "llama.cpp server responses or stream chunks with timings"),
    INFERENCE_SIM("inference-sim", "inference-sim metrics JSON"),
    SGLANG_METRICS("sglang", "SGLang request metrics export"),
    LLAMA_BENCH("llama-bench", "llama-bench results (json, jsonl, csv or md)"),
    CLOUD_TRACE("cloud-trace", "Google Cloud Trace JSON (projectId, traceId, spans)"),
    V8_CPU_PROFILE("v8-cpuprofile", "V8 CPU profile (.cpuprofile from Chrome DevTools or node --cpu-prof)"),
    UNKNOWN("unknown", "not a recognised format");

    private final String id;
    private final String description;

    Format(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Stable short name used by the CLI, JSON reports and docs. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
