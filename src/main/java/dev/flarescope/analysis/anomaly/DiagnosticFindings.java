package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Diagnostic;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.List;

/** Turns what reading and assembling noticed ({@link Diagnostic}s) into findings with the same evidence. */
final class DiagnosticFindings {
    private DiagnosticFindings() {
    }

    /** One finding per diagnostic whose kind is the rule's id, at the diagnostic's severity. */
    static List<Finding> of(Rule rule, Trace trace) {
        List<Finding> findings = new ArrayList<>();
        for (Diagnostic d : trace.diagnostics()) {
            if (!d.kind().equals(rule.id())) {
                continue;
            }
            Evidence.Builder e = Evidence.builder().at(d.process(), d.thread());
            if (d.tsNs() != RawEvent.NO_TIME) {
                e.range(d.tsNs(), d.tsNs() + Math.max(0, d.durNs()));
            }
            e.number("count", d.count(), "events");
            if (d.line() > 0) {
                e.number("first line", d.line(), "");
            }
            findings.add(new Finding(rule.id(), d.severity(), d.message(), e.build()));
        }
        return findings;
    }
}
