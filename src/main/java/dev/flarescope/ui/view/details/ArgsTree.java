package dev.flarescope.ui.view.details;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import javafx.scene.control.TreeItem;

/**
 * Turns a span's args JSON into tree items (key, value): objects and arrays become expandable branches
 * whose value column summarises their size, scalars become leaves. Text that is not valid JSON is shown
 * as one leaf holding the raw text.
 */
final class ArgsTree {
    /** A row of the args tree. */
    record Entry(String key, String value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArgsTree() {
    }

    /** The root (hidden in the view) whose children are the top-level args; first level expanded. */
    static TreeItem<Entry> build(String json) {
        TreeItem<Entry> root = new TreeItem<>(new Entry("args", ""));
        if (json == null || json.isBlank()) {
            return root;
        }
        try {
            JsonNode node = JSON.readTree(json);
            addChildren(root, node);
        } catch (JsonProcessingException e) {
            root.getChildren().add(new TreeItem<>(new Entry("(unparsed)", json)));
        }
        root.setExpanded(true);
        return root;
    }

    /** The JSON indented for reading (the clipboard copy); the raw text when it does not parse. */
    static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void addChildren(TreeItem<Entry> parent, JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                parent.getChildren().add(item(f.getKey(), f.getValue()));
            }
        } else if (node.isArray()) {
            for (int k = 0; k < node.size(); k++) {
                parent.getChildren().add(item("[" + k + "]", node.get(k)));
            }
        } else {
            parent.getChildren().add(item("value", node));
        }
    }

    private static TreeItem<Entry> item(String key, JsonNode value) {
        if (value.isObject()) {
            TreeItem<Entry> branch = new TreeItem<>(new Entry(key, "{" + count(value.size(), "key") + "}"));
            addChildren(branch, value);
            return branch;
        }
        if (value.isArray()) {
            TreeItem<Entry> branch = new TreeItem<>(new Entry(key, "[" + count(value.size(), "item") + "]"));
            addChildren(branch, value);
            return branch;
        }
        return new TreeItem<>(new Entry(key, value.isTextual() ? value.asText() : value.toString()));
    }
}
