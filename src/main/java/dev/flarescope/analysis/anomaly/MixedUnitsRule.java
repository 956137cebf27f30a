package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One quantity written in two units: durations of spans of one name, or one metrics field across
 * records, that fall into two groups about 1000× apart with nothing in between (see {@link UnitSplit}).
 */
public final class MixedUnitsRule implements Rule {
    public static final String ID = "mixed-units";
    public static final Threshold MIN_GAP = new Threshold("mixed-units-min-gap", 20, "×",
            "the empty band between the two groups must be at least this wide (ratio of neighbouring values)");
    public static final Threshold MIN_GROUP = new Threshold("mixed-units-min-group", 3, "values",
            "each group must hold at least this many values");

    private record Field(String name, ToDoubleFunction<RequestRecord> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("TTFT", r -> r.ttftMs),
            new Field("end-to-end time", r -> r.e2eMs),
            new Field("queue time", r -> r.queueMs));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String explanation() {
        return "Repetitions of one operation, or one metric over many requests, vary continuously: batch sizes and "
                + "prompt lengths spread them, but they do not jump by exactly a unit conversion with nothing in "
                + "between. Two groups about 1000× apart mean some producers wrote seconds and others milliseconds "
                + "(or microseconds and nanoseconds) under the same name, and every statistic mixing them is wrong.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(MIN_GAP, MIN_GROUP);
    }

    @Override
    public boolean traceOnly() {
        return true;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        int minGroup = (int) Math.round(context.threshold(MIN_GROUP));
        double minGap = context.threshold(MIN_GAP);
        List<Finding> findings = new ArrayList<>();
        spans(context.trace(), minGroup, minGap, findings);
        records(context.trace().requests(), minGroup, minGap, findings);
        return findings;
    }

    /** Durations bucketed by name id (one counting pass, one filling pass), then tested per name. */
    private void spans(Trace trace, int minGroup, double minGap, List<Finding> findings) {
        int names = trace.strings().size() + 1; // slot 0 for spans without a name
        int[] count = new int[names];
        int[] firstProcess = new int[names];
        int[] firstThread = new int[names];
        List<ProcessTrack> processes = trace.processes();
        for (int p = 0; p < processes.size(); p++) {
            List<ThreadTrack> threads = processes.get(p).threads();
            for (int t = 0; t < threads.size(); t++) {
                SpanTable s = threads.get(t).spans();
                for (int i = 0; i < s.size(); i++) {
                    if (measured(s, i)) {
                        int slot = s.name(i) + 1;
                        if (count[slot]++ == 0) {
                            firstProcess[slot] = p;
                            firstThread[slot] = t;
                        }
                    }
                }
            }
        }
        int[] offset = new int[names + 1];
        for (int k = 0; k < names; k++) {
            offset[k + 1] = offset[k] + (count[k] >= 2 * minGroup ? count[k] : 0);
        }
        if (offset[names] == 0) {
            return;
        }
        double[] durations = new double[offset[names]];
        int[] fill = offset.clone();
        for (ProcessTrack process : processes) {
            for (ThreadTrack thread : process.threads()) {
                SpanTable s = thread.spans();
                for (int i = 0; i < s.size(); i++) {
                    int slot = s.name(i) + 1;
                    if (measured(s, i) && count[slot] >= 2 * minGroup) {
                        durations[fill[slot]++] = s.dur(i) / 1e6;
                    }
                }
            }
        }
        for (int slot = 0; slot < names; slot++) {
            if (offset[slot + 1] == offset[slot]) {
                continue;
            }
            UnitSplit split = UnitSplit.find(durations, offset[slot], offset[slot + 1], minGroup, minGap);
            if (split != null) {
                String name = slot == 0 ? "(unnamed)" : trace.string(slot - 1);
                Evidence.Builder e = Evidence.builder().at(firstProcess[slot], firstThread[slot]);
                findings.add(finding("durations of spans \"" + name + "\"", split, e));
            }
        }
    }

    /** Spans whose duration was measured: not open-ended, not clamped from a negative value. */
    private static boolean measured(SpanTable s, int i) {
        return s.dur(i) > 0 && !s.hasFlag(i, SpanTable.UNFINISHED) && !s.hasFlag(i, SpanTable.NEGATIVE);
    }

    private void records(List<RequestRecord> records, int minGroup, double minGap, List<Finding> findings) {
        for (Field f : FIELDS) {
            double[] values = new double[records.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = f.value.applyAsDouble(records.get(i));
            }
            UnitSplit split = UnitSplit.find(values, minGroup, minGap);
            if (split == null) {
                continue;
            }
            double boundary = Math.sqrt(split.lowMedian() * split.highMedian());
            boolean minorityHigh = split.highCount() <= split.lowCount();
            Evidence.Builder e = Evidence.builder();
            for (RequestRecord r : records) {
                double v = f.value.applyAsDouble(r);
                if (v > 0 && (v > boundary) == minorityHigh) {
                    e.request(r.id).range(r.arrivalNs, RawEvent.NO_TIME);
                    break;
                }
            }
            findings.add(finding("reported " + f.name + " (ms)", split, e));
        }
    }

    private Finding finding(String what, UnitSplit s, Evidence.Builder e) {
        e.number("small group", s.lowCount(), "values")
                .number("small median", s.lowMedian(), "ms")
                .number("large group", s.highCount(), "values")
                .number("large median", s.highMedian(), "ms")
                .number("ratio of medians", s.ratio(), "×")
                .number("empty band", s.gap(), "×");
        return Finding.of(this, what + " fall into two groups " + Numbers.format(Math.round(s.ratio())) + "× apart ("
                + s.lowCount() + " around " + Numbers.format(s.lowMedian()) + " ms, " + s.highCount() + " around "
                + Numbers.format(s.highMedian()) + " ms, nothing between): some are in another unit", e.build());
    }
}
