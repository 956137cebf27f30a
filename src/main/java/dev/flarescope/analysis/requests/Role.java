package dev.flarescope.analysis.requests;

import java.util.Locale;

/**
 * What a trace event means for the request it belongs to: one of the {@link Phase}s, or a marker for
 * the request's start, a generated token, or its end. Mapping files name roles by {@link #id()}.
 */
public enum Role {
    QUEUE(Phase.QUEUE),
    PREFILL(Phase.PREFILL),
    KV_TRANSFER(Phase.KV_TRANSFER),
    DECODE(Phase.DECODE),
    /** The request arrived (dnet {@code request.start}). */
    START(null),
    /** One generated token (dnet {@code request.round}: one decode step). */
    TOKEN(null),
    /** The request finished (dnet {@code request.end}, PyPTO {@code http.*.finished}). */
    END(null);

    private final Phase phase;

    Role(Phase phase) {
        this.phase = phase;
    }

    /** The phase this role stands for, or null for the markers. */
    public Phase phase() {
        return phase;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a role id, case-insensitively, accepting {@code -} and {@code .} for {@code _}; null if unknown. */
    public static Role parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        for (Role r : values()) {
            if (r.name().equals(key)) {
                return r;
            }
        }
        return null;
    }
}
