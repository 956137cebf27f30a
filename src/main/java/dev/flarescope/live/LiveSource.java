package dev.flarescope.live;

import java.util.function.Consumer;

/**
 * Something that delivers trace data while it is being produced: a followed file or folder, a
 * streaming URL, the ingest endpoint, the measuring proxy. The app and the command line drive every
 * kind through this one interface, so that "attach" means the same in both.
 *
 * <p>A source is started once with the store it delivers into and stopped once; after {@link #stop}
 * returns it delivers nothing more, and everything it had acknowledged to a sender (a 202, a byte
 * read from disk) has been handed to the store. Its state changes are published to listeners on the
 * source's own threads; UI code hops to its thread itself.
 */
public interface LiveSource extends AutoCloseable {

    /** What the user attached to, for titles and status lines ("follow /var/log/trace", "listen 127.0.0.1:9411"). */
    String description();

    /** Starts delivering into {@code store}. Fails fast (an {@link java.io.IOException}) when it cannot start at all. */
    void start(LiveTrace store) throws java.io.IOException;

    /** Stops; idempotent. Returns when nothing more will be delivered. */
    void stop();

    /** The current state. */
    LiveState state();

    /** Calls {@code listener} with every later state change. */
    void addStateListener(Consumer<LiveState> listener);

    @Override
    default void close() {
        stop();
    }
}
