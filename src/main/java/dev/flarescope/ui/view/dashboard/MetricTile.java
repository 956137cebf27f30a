package dev.flarescope.ui.view.dashboard;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.ui.viewmodel.DashboardMetric;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.chart.ChartData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Cursor;
import javafx.scene.paint.Color;

/**
 * One dashboard tile: a TilesFX {@link Tile} for a {@link DashboardMetric}, in the app's light theme,
 * turned red while findings say its number is wrong. Its tooltip lists those findings' rules.
 */
final class MetricTile {
    static final Color NORMAL_BG = Color.WHITE;
    static final Color ALARM_BG = Color.rgb(220, 38, 38);
    private static final Color TEXT = Color.rgb(31, 41, 51);
    private static final Color MUTED = Color.rgb(97, 110, 124);
    private static final Color ACCENT = Color.rgb(59, 130, 246);

    private final DashboardMetric metric;
    private final Tile tile;
    private boolean alarmed;

    MetricTile(DashboardMetric metric, Tile.SkinType skin, String unit) {
        this.metric = metric;
        this.tile = new Tile(skin);
        tile.setTitle(metric.title());
        tile.setUnit(unit);
        tile.setDecimals(1);
        tile.setTickLabelDecimals(0);
        tile.setAnimated(false);
        tile.setRoundedCorners(true);
        tile.setBorderColor(Color.rgb(221, 225, 230));
        tile.setBorderWidth(1);
        tile.setBarColor(ACCENT);
        tile.setSmoothing(true);
        tile.setDataPointsVisible(false);
        tile.setTextVisible(true);
        tile.setTextSize(Tile.TextSize.BIGGER);
        tile.setPrefSize(230, 170);
        tile.setMinSize(180, 140);
        tile.setCursor(Cursor.HAND);
        tile.setId("tile-" + metric.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        colour(false);
    }

    Tile node() {
        return tile;
    }

    DashboardMetric metric() {
        return metric;
    }

    boolean alarmed() {
        return alarmed;
    }

    /** Shows a number (NaN: "no data") and its description. */
    void show(double value, String description) {
        boolean known = Double.isFinite(value);
        tile.setValueVisible(known);
        tile.setValue(known ? value : 0);
        tile.setDescription(known ? description : "no data");
    }

    /** Shows a series, one point per bucket, with a summary after the title. */
    void series(double[] values, String summary) {
        List<ChartData> data = new ArrayList<>(values.length);
        for (double v : values) {
            data.add(new ChartData(v));
        }
        tile.setChartData(data);
        tile.setTitle(metric.title() + "  \u00b7  " + summary);
    }

    /** Red with the findings' rules in the tooltip while {@code findings} is not empty. */
    void alarm(List<Finding> findings) {
        alarmed = !findings.isEmpty();
        colour(alarmed);
        if (alarmed) {
            Set<String> rules = new LinkedHashSet<>();
            findings.forEach(f -> rules.add(f.ruleId()));
            tile.setTooltipText(findings.size() + (findings.size() == 1 ? " finding" : " findings")
                    + " say this number is wrong: " + String.join(", ", rules) + ". Click to see them.");
        } else {
            tile.setTooltipText("Click to see the findings about " + metric.title().toLowerCase(Locale.ROOT));
        }
    }

    private void colour(boolean alarm) {
        tile.setBackgroundColor(alarm ? ALARM_BG : NORMAL_BG);
        Color text = alarm ? Color.WHITE : TEXT;
        Color muted = alarm ? Color.rgb(255, 235, 235) : MUTED;
        tile.setTitleColor(muted);
        tile.setValueColor(text);
        tile.setUnitColor(muted);
        tile.setDescriptionColor(muted);
        tile.setTextColor(muted);
        tile.setForegroundColor(text);
        tile.setBarColor(alarm ? Color.WHITE : ACCENT);
    }
}
