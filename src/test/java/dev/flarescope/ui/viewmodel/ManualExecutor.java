package dev.flarescope.ui.viewmodel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** A background executor the test drives: tasks wait until the test runs them, one by one. */
final class ManualExecutor implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
        tasks.add(command);
    }

    int pending() {
        return tasks.size();
    }

    /** Runs the oldest waiting task on the calling thread. */
    void runNext() {
        tasks.remove().run();
    }
}
