package dev.flarescope.analysis;

import dev.flarescope.analysis.anomaly.Thresholds;
import dev.flarescope.analysis.requests.PhaseMapping;

/** How to analyse a trace: which event names mean which request phase, and the anomaly thresholds. */
public record AnalysisOptions(PhaseMapping phaseMapping, Thresholds thresholds) {
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(PhaseMapping.defaults(), Thresholds.defaults());
    }

    public AnalysisOptions withPhaseMapping(PhaseMapping mapping) {
        return new AnalysisOptions(mapping, thresholds);
    }

    public AnalysisOptions withThresholds(Thresholds t) {
        return new AnalysisOptions(phaseMapping, t);
    }
}
