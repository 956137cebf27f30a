package dev.flarescope.model;

import java.util.List;

/**
 * One process, identified by (host, pid) and merged from every input that holds it.
 * {@code threads} are sorted by sort index, then name, then tid.
 */
public final class ProcessTrack {
    private final String host;
    private final String pid;
    private final String name;
    private final List<String> labels;
    private final int sortIndex;
    private final List<ThreadTrack> threads;
    private final List<CounterTrack> counters;
    private final AsyncTable async;
    private final InstantTable instants;
    private final List<String> sources;
    private final long events;

    public ProcessTrack(String host, String pid, String name, List<String> labels, int sortIndex,
                        List<ThreadTrack> threads, List<CounterTrack> counters, AsyncTable async,
                        InstantTable instants, List<String> sources, long events) {
        this.host = host;
        this.pid = pid;
        this.name = name;
        this.labels = List.copyOf(labels);
        this.sortIndex = sortIndex;
        this.threads = List.copyOf(threads);
        this.counters = List.copyOf(counters);
        this.async = async;
        this.instants = instants;
        this.sources = List.copyOf(sources);
        this.events = events;
    }

    /** Host label, or "" when no input said which host it came from (all such processes share one host). */
    public String host() {
        return host;
    }

    /** pid as text: decimal for numeric pids, the string itself otherwise. */
    public String pid() {
        return pid;
    }

    /** {@code process_name} metadata (the last one read wins), or null. */
    public String name() {
        return name;
    }

    public List<String> labels() {
        return labels;
    }

    public int sortIndex() {
        return sortIndex;
    }

    public List<ThreadTrack> threads() {
        return threads;
    }

    public List<CounterTrack> counters() {
        return counters;
    }

    public AsyncTable async() {
        return async;
    }

    /** Process-scoped instants and object events. */
    public InstantTable instants() {
        return instants;
    }

    /** Names of the inputs this process was read from, in load order. */
    public List<String> sources() {
        return sources;
    }

    /** Events of all kinds read for this process, metadata included. */
    public long events() {
        return events;
    }

    /** "name (pid N) @host" for display. */
    public String label() {
        String base = name != null ? name + " (pid " + pid + ")" : "Process " + pid;
        return host.isEmpty() ? base : base + " @" + host;
    }
}
