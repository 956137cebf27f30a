package dev.flarescope.ui.view.live;

import dev.flarescope.live.LiveState;
import dev.flarescope.live.LiveStats;
import dev.flarescope.ui.view.common.Units;
import dev.flarescope.ui.viewmodel.LiveViewModel;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The toolbar's sign that a live source is attached: a dot coloured by its state, the state in words,
 * the arrival rate and the lag, and the controls that only make sense while live (follow, pause,
 * detach). Hidden while nothing is attached.
 */
public final class LiveBadge extends HBox {
    private static final List<String> STATE_CLASSES = List.of("live-ok", "live-waiting", "live-stopped", "live-error");

    private final LiveViewModel live;
    private final Region dot = new Region();
    private final Label text = new Label();

    public LiveBadge(LiveViewModel live) {
        super(6);
        this.live = live;
        getStyleClass().add("live-badge");
        getStylesheets().add(LiveBadge.class.getResource("live.css").toExternalForm());
        setAlignment(Pos.CENTER_LEFT);
        dot.getStyleClass().add("live-dot");
        text.getStyleClass().add("live-text");
        text.textProperty().bind(Bindings.createStringBinding(this::summary, live.state(), live.stats(), live.paused()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(this::details, live.description(), live.state(),
                live.stats()));
        text.setTooltip(tip);

        ToggleButton follow = new ToggleButton("Follow");
        follow.getStyleClass().add("live-follow");
        follow.setTooltip(new Tooltip("Scroll with the newest data; zooming or panning leaves follow mode"));
        follow.selectedProperty().bindBidirectional(live.following());
        ToggleButton pause = new ToggleButton("Pause");
        pause.getStyleClass().add("live-pause");
        pause.setTooltip(new Tooltip("Keep receiving but stop updating the views"));
        pause.selectedProperty().bindBidirectional(live.paused());
        Button detach = new Button("Detach");
        detach.getStyleClass().add("live-detach");
        detach.setTooltip(new Tooltip("Stop the live source; what was captured stays open"));
        detach.setOnAction(e -> live.detach());

        // the buttons keep their labels; the summary gives way first (its tooltip has it all)
        for (javafx.scene.control.ButtonBase b : List.of(follow, pause, detach)) {
            b.setMinWidth(USE_PREF_SIZE);
        }
        text.setMinWidth(60);
        getChildren().addAll(dot, text, follow, pause, detach);
        managedProperty().bind(visibleProperty());
        visibleProperty().bind(live.attached());
        live.stateKind().addListener((obs, was, now) -> colour(now));
        colour(live.stateKind().get());
    }

    private void colour(LiveState.Kind kind) {
        dot.getStyleClass().removeAll(STATE_CLASSES);
        if (kind != null) {
            dot.getStyleClass().add(switch (kind) {
                case CONNECTED -> "live-ok";
                case CONNECTING, RETRYING -> "live-waiting";
                case STOPPED -> "live-stopped";
                case ERROR -> "live-error";
            });
        }
    }

    private String summary() {
        LiveStats s = live.stats().get();
        String state = live.paused().get() ? "paused" : live.state().get();
        if (s == null) {
            return state;
        }
        return String.format(Locale.ROOT, "%s \u00b7 %s ev/s \u00b7 lag %.0f ms", state,
                Units.count(Math.round(s.eventsPerSecond())), s.lagMillis());
    }

    private String details() {
        LiveStats s = live.stats().get();
        String head = live.description().get() + "\n" + live.state().get();
        if (s == null) {
            return head;
        }
        return head + "\n" + Units.count(s.receivedEvents(), "event", "events") + " received, "
                + Units.count(s.retainedEvents()) + " kept, " + Units.count(s.droppedEvents()) + " dropped by retention";
    }
}
