package dev.flarescope.format;

import dev.flarescope.model.TraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A {@link ReadContext} for reader unit tests: hands out {@link RecordingSink}s and records them in order. */
public final class TestContext implements ReadContext, AutoCloseable {
    public final List<RecordingSink> sinks = new ArrayList<>();
    public final List<RecordingSink> discarded = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final int parallelism;
    public long bytes;

    public TestContext() {
        this(1);
    }

    public TestContext(int parallelism) {
        this.parallelism = parallelism;
    }

    @Override
    public synchronized TraceSink newSink() {
        RecordingSink s = new RecordingSink();
        sinks.add(s);
        return s;
    }

    @Override
    public synchronized void discard(TraceSink sink) {
        sinks.remove(sink);
        discarded.add((RecordingSink) sink);
    }

    @Override
    public ExecutorService executor() {
        return executor;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public synchronized void progressBytes(long n) {
        bytes += n;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    /** All events of all kept sinks, in sink order. */
    public List<RecordingSink.Ev> events() {
        List<RecordingSink.Ev> all = new ArrayList<>();
        sinks.forEach(s -> all.addAll(s.events));
        return all;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
