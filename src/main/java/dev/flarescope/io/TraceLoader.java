package dev.flarescope.io;

import dev.flarescope.format.Format;
import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import dev.flarescope.format.TraceReader;
import dev.flarescope.format.bench.LlamaBenchReader;
import dev.flarescope.format.chrome.ChromeJsonReader;
import dev.flarescope.format.cloudtrace.CloudTraceReader;
import dev.flarescope.format.chrome.ChromeJsonlReader;
import dev.flarescope.format.dnet.DnetFrameReader;
import dev.flarescope.format.metrics.InferenceSimReader;
import dev.flarescope.format.metrics.LlamaTimingsReader;
import dev.flarescope.format.metrics.LlmMetricsReader;
import dev.flarescope.format.metrics.SglangMetricsReader;
import dev.flarescope.format.v8.CpuProfileReader;
import dev.flarescope.model.ChunkBuilder;
import dev.flarescope.model.Trace;
import dev.flarescope.model.TraceAssembler;
import dev.flarescope.model.TraceSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Opens paths (files or folders of fragments), detects each input's format, reads inputs in parallel
 * and assembles one {@link Trace}. Used alike by the command line, the app and the tests.
 *
 * <p>An input that cannot be read at all is reported in {@link Result#failures()} and the rest still
 * load. Inside a folder, files of no known format are skipped and listed in {@link Result#skipped()}.
 */
public final class TraceLoader {

    /** Progress as bytes of input consumed, out of the total size of all inputs. */
    public interface Listener {
        void progress(long bytesDone, long bytesTotal);

        Listener NONE = (done, total) -> {
        };
    }

    /** What to load and how. {@code offsets} maps an input path (as given or as listed in a folder) to ns. */
    public record Options(Map<String, Long> offsets, int parallelism, Listener listener, AtomicBoolean cancel) {
        public static Options defaults() {
            return new Options(Map.of(), Runtime.getRuntime().availableProcessors(), Listener.NONE,
                    new AtomicBoolean());
        }

        public Options withOffsets(Map<String, Long> o) {
            return new Options(o, parallelism, listener, cancel);
        }

        public Options withListener(Listener l) {
            return new Options(offsets, parallelism, l, cancel);
        }

        public Options withCancel(AtomicBoolean c) {
            return new Options(offsets, parallelism, listener, c);
        }

        public Options withParallelism(int p) {
            return new Options(offsets, Math.max(1, p), listener, cancel);
        }
    }

    /** The trace, the inputs that could not be read, and folder entries that were not traces. */
    public record Result(Trace trace, List<InputException> failures, List<String> skipped) {
        public boolean allFailed() {
            return trace.inputs().isEmpty() && !failures.isEmpty();
        }
    }

    private record Planned(InputSource source, Format format, String name) {
    }

    private TraceLoader() {
    }

    public static Result load(List<Path> paths) {
        return load(paths, Options.defaults());
    }

    /**
     * Loads every path. Throws {@link CancellationException} when {@code options.cancel()} is set while
     * loading, and {@link TraceTooLargeException} when the inputs do not fit in the heap: then the
     * other readers are stopped and everything read is dropped, so the caller can go on.
     */
    public static Result load(List<Path> paths, Options options) {
        AtomicBoolean outOfMemory = new AtomicBoolean();
        TraceTooLargeException tooLarge = TraceTooLargeException.forHeap(paths); // made while memory is free
        try {
            return load(paths, options, outOfMemory);
        } catch (OutOfMemoryError e) {
            throw tooLarge;
        }
    }

    private static Result load(List<Path> paths, Options options, AtomicBoolean outOfMemory) {
        List<InputException> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> skipped = new ArrayList<>();
        List<Planned> planned = plan(paths, failures, skipped);
        long total = 0;
        for (Planned p : planned) {
            total += p.source.size();
        }
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "flarescope-read");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> {
                if (e instanceof OutOfMemoryError) {
                    outOfMemory.set(true); // reported once, by load(), as TraceTooLargeException
                } else {
                    thread.getThreadGroup().uncaughtException(thread, e);
                }
            });
            return t;
        };
        ExecutorService inputPool = Executors.newFixedThreadPool(Math.max(1, options.parallelism()), daemons);
        ExecutorService chunkPool = Executors.newFixedThreadPool(Math.max(1, options.parallelism()), daemons);
        AtomicLong done = new AtomicLong();
        long grandTotal = total;
        try {
            List<Future<TraceAssembler.Input>> futures = new ArrayList<>();
            for (Planned p : planned) {
                futures.add(inputPool.submit(() -> readOne(p, options, outOfMemory, chunkPool, done, grandTotal,
                        failures)));
            }
            List<TraceAssembler.Input> inputs = new ArrayList<>();
            for (Future<TraceAssembler.Input> f : futures) {
                TraceAssembler.Input in = await(f, outOfMemory);
                if (in != null) {
                    inputs.add(in);
                }
            }
            if (options.cancel().get()) {
                throw new CancellationException("cancelled");
            }
            Trace trace = TraceAssembler.assemble(inputs, options.cancel()::get);
            List<InputException> sorted = new ArrayList<>(failures);
            sorted.sort((a, b) -> a.path().compareTo(b.path()));
            return new Result(trace, List.copyOf(sorted), List.copyOf(skipped));
        } catch (OutOfMemoryError e) {
            outOfMemory.set(true); // the other readers stop at their next cancellation check
            inputPool.shutdownNow();
            chunkPool.shutdownNow();
            awaitStop(inputPool, chunkPool);
            throw e;
        } finally {
            inputPool.shutdownNow();
            chunkPool.shutdownNow();
        }
    }

    /** Waits a little for reader threads to stop, so the memory they hold is free for what comes next. */
    private static void awaitStop(ExecutorService... pools) {
        try {
            for (ExecutorService pool : pools) {
                pool.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The task's result. A worker thread that runs out of memory outside its task leaves the task's
     * future forever incomplete, so the wait looks at {@code outOfMemory} every 100 ms.
     */
    private static <T> T await(Future<T> f, AtomicBoolean outOfMemory) {
        try {
            while (true) {
                try {
                    return f.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (outOfMemory.get()) {
                        throw new OutOfMemoryError("a reader thread ran out of memory");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof CancellationException ce) {
                throw ce;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Expands folders and detects formats; problems found here become failures or skipped entries. */
    private static List<Planned> plan(List<Path> paths, List<InputException> failures, List<String> skipped) {
        List<Planned> planned = new ArrayList<>();
        for (Path path : paths) {
            String name = path.toString();
            if (!Files.exists(path)) {
                failures.add(new InputException(name, -1, "no such file or folder"));
                continue;
            }
            if (Files.isDirectory(path)) {
                List<Path> files = listFolder(path, failures);
                int before = planned.size();
                for (Path f : files) {
                    try {
                        InputSource src = InputSource.of(f);
                        FormatDetector.Detection d = FormatDetector.detect(src);
                        if (d.format() == Format.UNKNOWN) {
                            skipped.add(f + ": " + d.reason());
                        } else {
                            planned.add(new Planned(src, d.format(), f.toString()));
                        }
                    } catch (IOException e) {
                        skipped.add(f + ": " + describe(e));
                    }
                }
                if (planned.size() == before) {
                    failures.add(new InputException(name, -1, files.isEmpty() ? "the folder holds no files"
                            : "the folder holds no traces (" + files.size() + " file(s) of no known format)"));
                }
                continue;
            }
            try {
                InputSource src = InputSource.of(path);
                FormatDetector.Detection d = FormatDetector.detect(src);
                if (d.format() == Format.UNKNOWN) {
                    failures.add(new InputException(name, d.offset(), d.reason()));
                } else {
                    planned.add(new Planned(src, d.format(), name));
                }
            } catch (IOException e) {
                failures.add(new InputException(name, -1, describe(e)));
            }
        }
        return planned;
    }

    private static List<Path> listFolder(Path dir, List<InputException> failures) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".flarescope.json"))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            failures.add(new InputException(dir.toString(), -1, "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.util.zip.ZipException) {
            return "gzip data is corrupt: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static TraceAssembler.Input readOne(Planned p, Options options, AtomicBoolean outOfMemory,
                                                ExecutorService chunkPool, AtomicLong done, long total,
                                                List<InputException> failures) {
        List<ChunkBuilder> chunks = Collections.synchronizedList(new ArrayList<>());
        ReadContext ctx = new ReadContext() {
            @Override
            public TraceSink newSink() {
                ChunkBuilder c = new ChunkBuilder();
                chunks.add(c);
                return c;
            }

            @Override
            public void discard(TraceSink sink) {
                chunks.remove(sink);
            }

            @Override
            public ExecutorService executor() {
                return chunkPool;
            }

            @Override
            public int parallelism() {
                return options.parallelism();
            }

            @Override
            public void progressBytes(long n) {
                options.listener().progress(done.addAndGet(n), total);
            }

            @Override
            public boolean isCancelled() {
                return options.cancel().get() || outOfMemory.get();
            }
        };
        try {
            readerFor(p.format).read(p.source, ctx);
        } catch (InputException e) {
            failures.add(e);
            return null;
        } catch (IOException e) {
            failures.add(new InputException(p.name, -1, describe(e)));
            return null;
        }
        long offset = options.offsets().getOrDefault(p.name, 0L);
        List<ChunkBuilder> ordered;
        synchronized (chunks) {
            ordered = new ArrayList<>(chunks);
        }
        return new TraceAssembler.Input(p.name, p.format.id(), p.source.size(), offset, ordered);
    }

    /** The reader for a detected format. */
    public static TraceReader readerFor(Format format) {
        return switch (format) {
            case CHROME_JSON -> new ChromeJsonReader();
            case CHROME_JSONL -> new ChromeJsonlReader();
            case DNET_FRAMES -> new DnetFrameReader();
            case LLM_METRICS -> new LlmMetricsReader();
            case LLAMA_TIMINGS -> new LlamaTimingsReader();
            case INFERENCE_SIM -> new InferenceSimReader();
            case SGLANG_METRICS -> new SglangMetricsReader();
            case LLAMA_BENCH -> new LlamaBenchReader();
            case V8_CPU_PROFILE -> new CpuProfileReader();
            case CLOUD_TRACE -> new CloudTraceReader();
            case UNKNOWN -> throw new IllegalArgumentException("no reader for unknown input");
        };
    }
}
