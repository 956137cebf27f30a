package dev.flarescope.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The state of one source and its listeners; a source changes state from any of its threads. */
final class StateHolder {
    private final List<Consumer<LiveState>> listeners = new CopyOnWriteArrayList<>();
    private volatile LiveState state = LiveState.CONNECTING;

    LiveState get() {
        return state;
    }

    void addListener(Consumer<LiveState> listener) {
        listeners.add(listener);
    }

    /** Publishes {@code next} unless the source already reached a final state or nothing changed. */
    synchronized void set(LiveState next) {
        if (state.isFinal() || state.equals(next)) {
            return;
        }
        state = next;
        for (Consumer<LiveState> l : listeners) {
            l.accept(next);
        }
    }
}
