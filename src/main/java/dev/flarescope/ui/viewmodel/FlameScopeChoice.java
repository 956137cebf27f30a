package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.flame.FlameScope;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the flame graph's scope picker: every thread, one process, or one thread. A value type so
 * that the picker keeps its selection when the list is rebuilt and so that built trees can be cached by
 * scope.
 *
 * @param kind    what the entry covers
 * @param process process index in the trace (unused for {@link Kind#ALL})
 * @param thread  thread index within the process (used for {@link Kind#THREAD} only)
 * @param label   what the picker shows
 */
public record FlameScopeChoice(Kind kind, int process, int thread, String label) {

    /** How much of the trace a choice covers. */
    public enum Kind {
        ALL,
        PROCESS,
        THREAD
    }

    public static final FlameScopeChoice ALL = new FlameScopeChoice(Kind.ALL, -1, -1, "All threads");

    /** "All threads", then each process followed by its threads. */
    public static List<FlameScopeChoice> choices(Trace trace) {
        List<FlameScopeChoice> list = new ArrayList<>();
        list.add(ALL);
        for (int p = 0; p < trace.processes().size(); p++) {
            ProcessTrack process = trace.processes().get(p);
            list.add(new FlameScopeChoice(Kind.PROCESS, p, -1, process.label()));
            for (int t = 0; t < process.threads().size(); t++) {
                list.add(thread(trace, p, t));
            }
        }
        return list;
    }

    /** Only the threads, for the picker that time order asks for. */
    public static List<FlameScopeChoice> threadChoices(Trace trace) {
        return choices(trace).stream().filter(FlameScopeChoice::isThread).toList();
    }

    /** The choice for thread {@code t} of process {@code p}. */
    public static FlameScopeChoice thread(Trace trace, int p, int t) {
        ProcessTrack process = trace.processes().get(p);
        String processName = process.name() != null ? process.name() : "pid " + process.pid();
        return new FlameScopeChoice(Kind.THREAD, p, t, processName + " \u203a " + process.threads().get(t).label());
    }

    public boolean isThread() {
        return kind == Kind.THREAD;
    }

    /** True when the choice still names a process or thread of {@code trace}. */
    public boolean fits(Trace trace) {
        return switch (kind) {
            case ALL -> true;
            case PROCESS -> process < trace.processes().size();
            case THREAD -> process < trace.processes().size()
                    && thread < trace.processes().get(process).threads().size();
        };
    }

    /** The engine's scope for this choice, over the whole time range. */
    public FlameScope toScope(Trace trace) {
        return switch (kind) {
            case ALL -> FlameScope.all(trace);
            case PROCESS -> FlameScope.process(trace, process);
            case THREAD -> FlameScope.thread(trace, process, thread);
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
