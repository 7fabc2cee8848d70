package dev.canopy.server.inventory.history;

import java.util.EnumSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What changed between two versions of a cloud service, as Cloudforet's change records show it:
 * {@code [{key, before, after, type: ADDED|CHANGED|DELETED}]} with dotted keys. The diff itself is
 * RFC 6902's, computed by zjsonpatch.
 */
public final class ChangeDiff {

    private static final ObjectMapper JACKSON2 = new ObjectMapper();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION,
            DiffFlags.ADD_ORIGINAL_VALUE_ON_REPLACE);

    private ChangeDiff() {
    }

    /** The changed keys of {@code after} against {@code before}; empty when they are equal. */
    public static ArrayNode between(ObjectNode before, ObjectNode after) {
        try {
            JsonNode source = JACKSON2.readTree(JSON.writeValueAsBytes(before));
            JsonNode target = JACKSON2.readTree(JSON.writeValueAsBytes(after));
            ArrayNode changes = JsonNodeFactory.instance.arrayNode();
            for (JsonNode operation : JsonDiff.asJson(source, target, FLAGS)) {
                String op = operation.path("op").asText();
                ObjectNode change = changes.addObject().put("key", dotted(operation.path("path").asText()));
                switch (op) {
                    case "add" -> change.put("type", "ADDED").set("after", converted(operation.get("value")));
                    case "remove" -> change.put("type", "DELETED").set("before", converted(operation.get("value")));
                    default -> {
                        change.put("type", "CHANGED");
                        change.set("before", converted(operation.get("fromValue")));
                        change.set("after", converted(operation.get("value")));
                    }
                }
            }
            return changes;
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException("a stored document is not JSON", impossible);
        }
    }

    private static tools.jackson.databind.JsonNode converted(JsonNode node) throws java.io.IOException {
        return node == null ? JsonNodeFactory.instance.nullNode() : JSON.readTree(JACKSON2.writeValueAsBytes(node));
    }

    /** {@code /data/disks/0/size} as {@code data.disks.0.size}, unescaping the pointer's ~1 and ~0. */
    private static String dotted(String pointer) {
        StringBuilder key = new StringBuilder();
        for (String part : pointer.substring(pointer.isEmpty() ? 0 : 1).split("/", -1)) {
            key.append(key.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
        }
        return key.toString();
    }
}
