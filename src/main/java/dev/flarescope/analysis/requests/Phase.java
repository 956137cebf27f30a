package dev.flarescope.analysis.requests;

import java.util.Locale;

/**
 * The stages an LLM request passes through on its way to the last token. A disaggregated deployment
 * runs prefill and decode on different workers and adds {@link #KV_TRANSFER} between them, which is
 * why time to first token there is more than queue + prefill.
 */
public enum Phase {
    QUEUE, PREFILL, KV_TRANSFER, DECODE;

    /** Lower-case name as used in mapping files and reports ("kv_transfer"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
