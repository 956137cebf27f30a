package dev.flarescope.model;

/**
 * A {@link TraceSink} that hands everything to another sink. Decorators extend it and override only
 * what they change (count events, shift line numbers and offsets), so a method added to the sink
 * contract has one forwarding place.
 */
public class ForwardingSink implements TraceSink {
    private final TraceSink delegate;

    public ForwardingSink(TraceSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public StringPool strings() {
        return delegate.strings();
    }

    @Override
    public ArgStore args() {
        return delegate.args();
    }

    @Override
    public void event(RawEvent e) {
        delegate.event(e);
    }

    @Override
    public void request(RequestRecord r) {
        delegate.request(r);
    }

    @Override
    public void bench(BenchResult b) {
        delegate.bench(b);
    }

    @Override
    public void traceMetadata(String key, String json) {
        delegate.traceMetadata(key, json);
    }

    @Override
    public void stackFrame(String id, String name, String parent, String category) {
        delegate.stackFrame(id, name, parent, category);
    }

    @Override
    public void malformed(long line, long offset, String message) {
        delegate.malformed(line, offset, message);
    }

    @Override
    public void truncated(long offset, String message) {
        delegate.truncated(offset, message);
    }

    @Override
    public void note(String message) {
        delegate.note(message);
    }

    @Override
    public void shiftLines(long lines) {
        delegate.shiftLines(lines);
    }
}
