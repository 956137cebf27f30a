package dev.flarescope.cli;

import dev.flarescope.analysis.anomaly.AnomalyEngine;
import dev.flarescope.analysis.anomaly.Threshold;
import dev.flarescope.analysis.anomaly.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code --threshold NAME=VALUE}: a rule limit set from the command line, so a CI gate can be
 * tuned to a deployment (a faster machine, a stricter tolerance) without a code change. Names are the
 * keys the standard rules read.
 */
record ThresholdSetting(String name, double value) {
    private static final String HELP_INDENT = "      ";
    /** Within the help's width ({@value Usage#WIDTH}), which footer lines are not wrapped to. */
    private static final int HELP_WIDTH = Usage.WIDTH - 2;

    /** Every threshold of the standard rules, by key. */
    static Map<String, Threshold> known() {
        return AnomalyEngine.standard().thresholds();
    }

    /** The defaults with {@code settings} applied in order (a later setting of a name wins). */
    static Thresholds apply(List<ThresholdSetting> settings) {
        Thresholds t = Thresholds.defaults();
        for (ThresholdSetting s : settings) {
            t = t.with(s.name, s.value);
        }
        return t;
    }

    /** Help lines: each threshold's key and default, then its meaning, wrapped and indented beneath. */
    static String[] help() {
        List<String> lines = new ArrayList<>();
        for (Threshold t : known().values()) {
            lines.add("  " + t.key() + " = " + Units.decimal(t.defaultValue())
                    + (t.unit().isEmpty() ? "" : " " + t.unit()));
            StringBuilder line = new StringBuilder(HELP_INDENT);
            for (String word : t.description().split(" ")) {
                if (line.length() > HELP_INDENT.length() && line.length() + 1 + word.length() > HELP_WIDTH) {
                    lines.add(line.toString());
                    line = new StringBuilder(HELP_INDENT);
                }
                line.append(line.length() > HELP_INDENT.length() ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines.toArray(new String[0]);
    }

    /** {@code --threshold}: a known name, '=', a finite number. */
    static final class Converter implements ValueConverter<ThresholdSetting> {
        @Override
        public ThresholdSetting convert(String text) {
            int eq = text.indexOf('=');
            String name = eq < 0 ? text.trim() : text.substring(0, eq).trim();
            if (!known().containsKey(name)) {
                throw new IllegalArgumentException("unknown threshold '" + name + "'; valid names: "
                        + String.join(", ", known().keySet()));
            }
            if (eq < 0) {
                throw new IllegalArgumentException("'" + text + "': expected NAME=VALUE, such as " + name + "=2");
            }
            String number = text.substring(eq + 1).trim();
            try {
                double v = Double.parseDouble(number);
                if (Double.isFinite(v)) {
                    return new ThresholdSetting(name, v);
                }
            } catch (NumberFormatException notANumber) {
                // reported below with the other unusable values
            }
            throw new IllegalArgumentException("'" + text + "': " + name + " needs a number, such as " + name + "="
                    + Units.decimal(known().get(name).defaultValue()));
        }
    }
}
