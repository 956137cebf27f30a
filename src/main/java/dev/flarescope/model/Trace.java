package dev.flarescope.model;

import java.util.List;
import java.util.Map;

/**
 * Everything loaded, merged per process: the immutable result of {@link TraceAssembler}. Live sources
 * publish a new {@code Trace} when data arrives; nothing mutates one after it is built.
 */
public final class Trace {
    private final StringPool strings;
    private final ArgStore args;
    private final List<ProcessTrack> processes;
    private final InstantTable globalInstants;
    private final FlowTable flows;
    private final StackFrameTable stackFrames;
    private final List<RequestRecord> requests;
    private final List<BenchResult> bench;
    private final List<InputSummary> inputs;
    private final List<Diagnostic> diagnostics;
    private final Map<String, String> metadata;
    private final Map<Character, Long> byPhase;
    private final long events;
    private final long minTs;
    private final long maxTs;

    public Trace(StringPool strings, ArgStore args, List<ProcessTrack> processes, InstantTable globalInstants,
                 FlowTable flows, StackFrameTable stackFrames, List<RequestRecord> requests, List<BenchResult> bench,
                 List<InputSummary> inputs, List<Diagnostic> diagnostics, Map<String, String> metadata,
                 Map<Character, Long> byPhase, long events, long minTs, long maxTs) {
        this.strings = strings;
        this.args = args;
        this.processes = List.copyOf(processes);
        this.globalInstants = globalInstants;
        this.flows = flows;
        this.stackFrames = stackFrames;
        this.requests = List.copyOf(requests);
        this.bench = List.copyOf(bench);
        this.inputs = List.copyOf(inputs);
        this.diagnostics = List.copyOf(diagnostics);
        this.metadata = Map.copyOf(metadata);
        this.byPhase = Map.copyOf(byPhase);
        this.events = events;
        this.minTs = minTs;
        this.maxTs = maxTs;
    }

    public StringPool strings() {
        return strings;
    }

    /** Resolves a string id. */
    public String string(int id) {
        return strings.get(id);
    }

    public ArgStore args() {
        return args;
    }

    public List<ProcessTrack> processes() {
        return processes;
    }

    public InstantTable globalInstants() {
        return globalInstants;
    }

    public FlowTable flows() {
        return flows;
    }

    public StackFrameTable stackFrames() {
        return stackFrames;
    }

    public List<RequestRecord> requests() {
        return requests;
    }

    public List<BenchResult> bench() {
        return bench;
    }

    public List<InputSummary> inputs() {
        return inputs;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Top-level members of the inputs that are not events, by key (the last input wins). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Every event read, by phase letter ('?' for events without one). */
    public Map<Character, Long> byPhase() {
        return byPhase;
    }

    /** Every event object read, metadata included. */
    public long events() {
        return events;
    }

    /** Earliest time of any span, instant, counter or sample, ns; 0 when the trace has none. */
    public long minTs() {
        return minTs;
    }

    /** Latest end of any span, instant, counter or sample, ns. */
    public long maxTs() {
        return maxTs;
    }

    public long spanCount() {
        long n = 0;
        for (ProcessTrack p : processes) {
            for (ThreadTrack t : p.threads()) {
                n += t.spans().size();
            }
        }
        return n;
    }
}
