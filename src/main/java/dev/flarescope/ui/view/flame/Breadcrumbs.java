package dev.flarescope.ui.view.flame;

import dev.flarescope.ui.viewmodel.FlameGraphModel;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The path from the whole graph to the zoomed frame ("all › main › forward"). Every crumb but the last
 * is a link that zooms out to it.
 */
final class Breadcrumbs extends HBox {
    private final FlameGraphModel model;

    Breadcrumbs(FlameGraphModel model) {
        this.model = model;
        getStyleClass().add("flame-crumbs");
        model.crumbs().addListener((ListChangeListener<FlameGraphModel.Crumb>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        int n = model.crumbs().size();
        for (int k = 0; k < n; k++) {
            String label = model.crumbs().get(k).label();
            if (k > 0) {
                Label sep = new Label("\u203a");
                sep.getStyleClass().add("flame-crumb-separator");
                getChildren().add(sep);
            }
            if (k == n - 1) {
                Label last = new Label(label);
                last.getStyleClass().add("flame-crumb-current");
                getChildren().add(last);
            } else {
                Hyperlink link = new Hyperlink(label);
                link.getStyleClass().add("flame-crumb");
                int index = k;
                link.setOnAction(e -> model.zoomToCrumb(index));
                getChildren().add(link);
            }
        }
    }
}
