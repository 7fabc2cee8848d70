package dev.canopy.query;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Applies a query's {@code only} list to a document: keeps the listed dotted keys, drops the rest. */
public final class Projection {

    private Projection() {
    }

    /** The parts of {@code document} named by {@code keys}; the whole document when {@code keys} is empty. */
    public static ObjectNode apply(ObjectNode document, List<String> keys) {
        if (keys.isEmpty()) {
            return document;
        }
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        for (String key : keys) {
            copy(document, projected, KeyPath.parse(key, "only").segments());
        }
        return projected;
    }

    private static void copy(ObjectNode source, ObjectNode target, List<String> path) {
        JsonNode value = source.get(path.get(0));
        if (value == null) {
            return;
        }
        if (path.size() == 1) {
            target.set(path.get(0), value);
        } else if (value.isObject()) {
            JsonNode existing = target.get(path.get(0));
            ObjectNode child = existing != null && existing.isObject()
                    ? (ObjectNode) existing : target.putObject(path.get(0));
            copy((ObjectNode) value, child, path.subList(1, path.size()));
        }
    }
}
