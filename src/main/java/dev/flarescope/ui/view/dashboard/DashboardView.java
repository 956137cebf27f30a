package dev.flarescope.ui.view.dashboard;

import dev.flarescope.model.Severity;
import dev.flarescope.ui.viewmodel.DashboardFigures;
import dev.flarescope.ui.viewmodel.DashboardMetric;
import dev.flarescope.ui.viewmodel.DashboardModel;
import dev.flarescope.ui.viewmodel.TimeFormat;
import dev.flarescope.ui.viewmodel.TraceSession;
import eu.hansolo.tilesfx.Tile;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Dashboard" view: TilesFX tiles over the requests of the open (or live) data: TTFT p50 and p99,
 * decode and prefill speed, requests, success rate (failed and timed-out requests count against it),
 * requests in flight, the finding counts, and requests in flight and tokens per second over time. A
 * tile turns red while findings say its number is wrong; clicking a tile opens the findings behind it.
 *
 * <p>The tiles follow {@link TraceSession#analysis()}: every new analysis (a reload, new thresholds, a
 * live source's next snapshot) is handed to the {@link DashboardModel} as a whole.
 */
public final class DashboardView extends ScrollPane {
    private static final int COLUMNS = 4;

    private final DashboardModel model = new DashboardModel();
    private final Map<DashboardMetric, MetricTile> tiles = new EnumMap<>(DashboardMetric.class);
    private final Label caption = new Label();
    private BiConsumer<String, Set<String>> onOpenFindings = (label, rules) -> { };

    public DashboardView(TraceSession session) {
        getStyleClass().add("dashboard-view");
        getStylesheets().add(DashboardView.class.getResource("dashboard.css").toExternalForm());
        add(DashboardMetric.TTFT_P50, Tile.SkinType.NUMBER, "ms");
        add(DashboardMetric.TTFT_P99, Tile.SkinType.NUMBER, "ms");
        add(DashboardMetric.DECODE, Tile.SkinType.NUMBER, "tok/s");
        add(DashboardMetric.PREFILL, Tile.SkinType.NUMBER, "tok/s");
        add(DashboardMetric.REQUESTS, Tile.SkinType.NUMBER, "");
        add(DashboardMetric.SUCCESS_RATE, Tile.SkinType.NUMBER, "%");
        add(DashboardMetric.IN_FLIGHT, Tile.SkinType.SMOOTH_AREA_CHART, "");
        add(DashboardMetric.TOKENS_PER_S, Tile.SkinType.SMOOTH_AREA_CHART, "tok/s");
        add(DashboardMetric.FINDINGS, Tile.SkinType.NUMBER, "");
        tiles.get(DashboardMetric.REQUESTS).node().setDecimals(0);
        tiles.get(DashboardMetric.FINDINGS).node().setDecimals(0);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.setPadding(new Insets(14));
        for (int c = 0; c < COLUMNS; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / COLUMNS);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        grid.add(tile(DashboardMetric.TTFT_P50), 0, 0);
        grid.add(tile(DashboardMetric.TTFT_P99), 1, 0);
        grid.add(tile(DashboardMetric.DECODE), 2, 0);
        grid.add(tile(DashboardMetric.PREFILL), 3, 0);
        grid.add(tile(DashboardMetric.REQUESTS), 0, 1);
        grid.add(tile(DashboardMetric.SUCCESS_RATE), 1, 1);
        grid.add(tile(DashboardMetric.FINDINGS), 2, 1, 2, 1);
        grid.add(tile(DashboardMetric.IN_FLIGHT), 0, 2, 2, 1);
        grid.add(tile(DashboardMetric.TOKENS_PER_S), 2, 2, 2, 1);
        caption.getStyleClass().add("dashboard-caption");
        caption.setWrapText(true);
        caption.setPadding(new Insets(10, 14, 0, 14));
        setContent(new VBox(caption, grid));
        setFitToWidth(true);

        model.figuresProperty().addListener((obs, old, f) -> show(f));
        session.analysis().addListener((obs, old, a) -> model.accept(a));
        model.accept(session.analysis().get());
        show(model.figures());
    }

    /** The numbers behind the tiles; a live source's snapshots arrive here through the session. */
    public DashboardModel model() {
        return model;
    }

    /** What clicking a tile does: open the findings of these rules (empty: all), under this label. */
    public void setOnOpenFindings(BiConsumer<String, Set<String>> action) {
        this.onOpenFindings = action;
    }

    /** True while the tile of {@code metric} is red. */
    public boolean isAlarmed(DashboardMetric metric) {
        return tiles.get(metric).alarmed();
    }

    /** The tile node of a metric (for tests and export). */
    public Tile tile(DashboardMetric metric) {
        return tiles.get(metric).node();
    }

    private void add(DashboardMetric metric, Tile.SkinType skin, String unit) {
        MetricTile t = new MetricTile(metric, skin, unit);
        t.node().setOnMouseClicked(e -> onOpenFindings.accept(metric.title() + " tile", metric.rules()));
        tiles.put(metric, t);
    }

    private void show(DashboardFigures f) {
        tiles.get(DashboardMetric.TTFT_P50).show(f.ttftP50Ms(), "median time to first token");
        tiles.get(DashboardMetric.TTFT_P99).show(f.ttftP99Ms(), "99th percentile");
        tiles.get(DashboardMetric.DECODE).show(f.decodeP50Tps(), "median decode speed");
        tiles.get(DashboardMetric.PREFILL).show(f.prefillP50Tps(), "median prefill speed");
        tiles.get(DashboardMetric.REQUESTS).show(f.requests(), f.failed() + " failed or timed out");
        tiles.get(DashboardMetric.SUCCESS_RATE).show(f.successRate() * 100,
                (f.requests() - f.failed()) + " of " + f.requests() + " succeeded");
        tiles.get(DashboardMetric.FINDINGS).show(f.findingCount(Severity.ERROR) + f.findingCount(Severity.WARNING)
                + f.findingCount(Severity.INFO), counts(f));
        String per = f.bucketNs() > 0 ? "a point per " + TimeFormat.duration(f.bucketNs()) : "no request times";
        tiles.get(DashboardMetric.IN_FLIGHT).series(f.inFlight(),
                "now " + f.inFlightNow() + ", peak " + f.inFlightPeak() + "  \u00b7  " + per);
        tiles.get(DashboardMetric.TOKENS_PER_S).series(f.tokensPerS(), "peak "
                + String.format(Locale.ROOT, "%.0f", max(f.tokensPerS())) + " tok/s  \u00b7  " + per);
        for (MetricTile t : tiles.values()) {
            t.alarm(f.alarms(t.metric()));
        }
        caption.setText(f.clock() == null ? "No request times: the series are empty."
                : "Series over the " + f.clock().label().toLowerCase(Locale.ROOT) + ", first arrival to latest time seen. "
                + "Red tiles show numbers that findings say are wrong; click a tile for the findings behind it.");
    }

    private static String counts(DashboardFigures f) {
        return f.findingCount(Severity.ERROR) + " errors  \u00b7  " + f.findingCount(Severity.WARNING)
                + " warnings  \u00b7  " + f.findingCount(Severity.INFO) + " info";
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
