package dev.flarescope.robust;

import dev.flarescope.analysis.Analysis;
import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.format.Format;
import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import dev.flarescope.io.FormatDetector;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.ChunkBuilder;
import dev.flarescope.model.InputSummary;
import dev.flarescope.model.Trace;
import dev.flarescope.model.TraceAssembler;
import dev.flarescope.model.TraceSink;
import dev.flarescope.notes.Sidecar;
import dev.flarescope.notes.SidecarException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The contract every fuzz target checks: whatever the bytes, a reader either builds a model or refuses
 * the input with an {@link InputException} that carries a message for the user. Any other exception
 * escapes and is a finding; so are a hang (the fuzzer's time-out) and memory beyond the test heap.
 *
 * <p>An {@link IOException} is accepted only for gzip input, where the JDK's inflater reports corrupt
 * or cut data that way and the loader turns it into a per-input failure.
 */
final class FuzzTargets {
    /** A small pool shared by all executions, for readers that hand work to {@link ReadContext#executor()}. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "fuzz-read");
        t.setDaemon(true);
        return t;
    });

    private static Path scratch;

    private FuzzTargets() {
    }

    /** Reads {@code data} with the reader of {@code format}, assembles the model and checks its summary. */
    static void read(Format format, byte[] data) {
        InputSource source = InputSource.of("fuzz-input", data);
        List<ChunkBuilder> chunks = new ArrayList<>();
        try {
            TraceLoader.readerFor(format).read(source, new Context(chunks));
        } catch (InputException e) {
            checkMessage(e);
            return;
        } catch (IOException e) {
            if (!source.isGzip()) {
                throw new AssertionError("an IOException escaped for input that is not gzip", e);
            }
            return;
        }
        Trace trace = TraceAssembler.assemble(
                List.of(new TraceAssembler.Input(source.name(), format.id(), data.length, 0, chunks)));
        checkTrace(trace);
    }

    /**
     * A notes sidecar either loads (its notes, and a described problem per note skipped) or is refused
     * with a {@link SidecarException} whose message names the file.
     */
    static void readSidecar(byte[] data) {
        Sidecar.Contents contents;
        try {
            contents = Sidecar.parse("fuzz.flarescope.json", data);
        } catch (SidecarException e) {
            if (!e.getMessage().startsWith("fuzz.flarescope.json: ") || e.reason().isBlank()) {
                throw new AssertionError("a refused sidecar without a message naming it", e);
            }
            return;
        }
        for (Sidecar.Problem p : contents.problems()) {
            if (p.message() == null || p.message().isBlank() || p.line() < 1) {
                throw new AssertionError("a skipped note without a message and a line: " + p);
            }
        }
    }

    /** The detector must decide on any head without throwing, and say why when it does not know. */
    static void detect(byte[] data) {
        FormatDetector.Detection d = FormatDetector.detect(data);
        if (d.format() == Format.UNKNOWN && (d.reason() == null || d.reason().isBlank())) {
            throw new AssertionError("unknown format without a reason");
        }
    }

    /** The whole path a user takes: a file on disk, detection, reading, assembly and the analysis. */
    static void load(byte[] data) {
        Path file = scratchFile();
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TraceLoader.Result result = TraceLoader.load(List.of(file),
                TraceLoader.Options.defaults().withParallelism(2));
        result.failures().forEach(FuzzTargets::checkMessage);
        if (result.trace().inputs().isEmpty() == result.failures().isEmpty()) {
            throw new AssertionError("the input is neither loaded nor reported as failed");
        }
        checkTrace(result.trace());
        Analysis.run(result.trace(), AnalysisOptions.defaults());
    }

    private static void checkMessage(InputException e) {
        if (e.getMessage() == null || e.getMessage().isBlank() || e.path() == null) {
            throw new AssertionError("an input failure without a message", e);
        }
    }

    private static void checkTrace(Trace trace) {
        for (InputSummary in : trace.inputs()) {
            for (InputSummary.Problem p : in.problems()) {
                if (p.message() == null || p.message().isBlank()) {
                    throw new AssertionError("a malformed-input report without a message");
                }
            }
        }
        if (trace.events() > 0 && trace.minTs() > trace.maxTs()) {
            throw new AssertionError("trace bounds are inverted: " + trace.minTs() + " > " + trace.maxTs());
        }
    }

    private static synchronized Path scratchFile() {
        if (scratch == null) {
            try {
                Path dir = Files.createTempDirectory("flarescope-fuzz");
                dir.toFile().deleteOnExit();
                scratch = dir.resolve("input");
                scratch.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scratch;
    }

    /** Hands out model chunks in order, as the loader does. */
    private record Context(List<ChunkBuilder> chunks) implements ReadContext {
        @Override
        public synchronized TraceSink newSink() {
            ChunkBuilder c = new ChunkBuilder();
            chunks.add(c);
            return c;
        }

        @Override
        public synchronized void discard(TraceSink sink) {
            chunks.remove(sink);
        }

        @Override
        public ExecutorService executor() {
            return POOL;
        }

        @Override
        public int parallelism() {
            return 2;
        }

        @Override
        public void progressBytes(long n) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
