package dev.flarescope.live;

import dev.flarescope.format.InputException;
import dev.flarescope.format.RecordingSink;
import java.io.IOException;

/**
 * The ingest endpoint's promise, checked on any bytes (the {@code ingestBody} fuzz target): a body is
 * either refused with a message, or accepted with a count, and then the reader that will decode it in
 * the store decodes it without failing and yields no more events than the count said.
 */
public final class IngestBodyCheck {
    private IngestBodyCheck() {
    }

    /** Throws {@link AssertionError} when the promise is broken; any other exception escaping is a finding too. */
    public static void check(byte[] data) {
        IngestBody.Inspection in;
        try {
            in = IngestBody.inspect(data);
        } catch (IngestBody.BodyException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a body refused without a reason", e);
            }
            return;
        }
        RecordingSink sink = new RecordingSink();
        try {
            new ReaderBatch("fuzz-body", in.body(), in.format()).writeTo(sink);
        } catch (IOException | InputException e) {
            throw new AssertionError("an accepted " + in.format().id() + " body failed to decode: " + e.getMessage(), e);
        }
        long decoded = sink.events.size() + sink.requests.size();
        if (decoded > in.events()) {
            throw new AssertionError("accepted as " + in.events() + " event(s) but decoded into " + decoded);
        }
    }
}
