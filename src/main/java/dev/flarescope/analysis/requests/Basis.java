package dev.flarescope.analysis.requests;

/**
 * Which definition a request number follows. The same name (TTFT, decode speed) means different
 * things in different tools, so every number says where it came from.
 */
public enum Basis {
    /** Computed from trace spans, async slices and instants carrying the request id. */
    DERIVED_FROM_SPANS("derived-from-spans"),
    /** Computed from a metrics record's own phase timestamps ({@code rawTimestamps}, token times). */
    DERIVED_FROM_RAW_TIMESTAMPS("derived-from-raw-timestamps"),
    /** Taken as the metrics record states it. */
    REPORTED("reported");

    private final String id;

    Basis(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
