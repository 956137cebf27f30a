package dev.flarescope.robust;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flarescope.analysis.requests.ArgsIdsCheck;
import dev.flarescope.format.Format;
import dev.flarescope.live.IngestBodyCheck;

/**
 * Coverage-guided fuzz targets: one per reader, the format detector, the whole loader path, the ingest
 * endpoint's body check, the notes sidecar and the direct reader of request ids in args.
 *
 * <p>In a normal build each target runs in regression mode: once on the empty input and once on every
 * file of its committed corpus, {@code src/test/resources/dev/flarescope/robust/ReaderFuzzTestInputs/<target>/}
 * (seeds and every input that once made a target fail). Real fuzzing runs one target at a time for a
 * fixed budget, and writes new failing inputs into that folder:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn test -Dtest='ReaderFuzzTest#chromeJson' -Djazzer.max_duration=10m
 * </pre>
 *
 * <p>{@link FuzzTargets} states what counts as a failure.
 */
class ReaderFuzzTest {

    @FuzzTest
    void chromeJson(byte[] data) {
        FuzzTargets.read(Format.CHROME_JSON, data);
    }

    @FuzzTest
    void chromeJsonl(byte[] data) {
        FuzzTargets.read(Format.CHROME_JSONL, data);
    }

    @FuzzTest
    void dnetFrames(byte[] data) {
        FuzzTargets.read(Format.DNET_FRAMES, data);
    }

    @FuzzTest
    void llmMetrics(byte[] data) {
        FuzzTargets.read(Format.LLM_METRICS, data);
    }

    @FuzzTest
    void llamaTimings(byte[] data) {
        FuzzTargets.read(Format.LLAMA_TIMINGS, data);
    }

    @FuzzTest
    void inferenceSim(byte[] data) {
        FuzzTargets.read(Format.INFERENCE_SIM, data);
    }

    @FuzzTest
    void sglangMetrics(byte[] data) {
        FuzzTargets.read(Format.SGLANG_METRICS, data);
    }

    @FuzzTest
    void llamaBench(byte[] data) {
        FuzzTargets.read(Format.LLAMA_BENCH, data);
    }

    @FuzzTest
    void cpuProfile(byte[] data) {
        FuzzTargets.read(Format.V8_CPU_PROFILE, data);
    }

    @FuzzTest
    void cloudTrace(byte[] data) {
        FuzzTargets.read(Format.CLOUD_TRACE, data);
    }

    @FuzzTest
    void sidecar(byte[] data) {
        FuzzTargets.readSidecar(data);
    }

    @FuzzTest
    void formatDetector(byte[] data) {
        FuzzTargets.detect(data);
    }

    @FuzzTest
    void traceLoader(byte[] data) {
        FuzzTargets.load(data);
    }

    /** The direct reader of request ids in args against the Jackson parse (see ArgsIdsCheck). */
    @FuzzTest
    void argsIds(byte[] data) {
        ArgsIdsCheck.check(data);
    }

    /** The ingest endpoint's check of a pushed body, and the decoding of what it accepts. */
    @FuzzTest
    void ingestBody(byte[] data) {
        IngestBodyCheck.check(data);
    }
}
