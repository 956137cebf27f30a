package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the FX thread in view-model tests: work handed to it waits in a queue until the test
 * thread runs it, so the test thread plays the UI thread and sees every update in order.
 */
final class UiQueue implements Executor {
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs queued work (waiting for more as it arrives) until {@code done} holds; fails after 20 s. */
    void runUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            Runnable r = queue.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            } else if (System.nanoTime() > deadline) {
                fail("timed out waiting on the UI queue");
            }
        }
    }

    /** Runs everything queued now, without waiting. */
    void runPending() {
        Runnable r;
        while ((r = queue.poll()) != null) {
            r.run();
        }
    }
}
