package dev.canopy.query.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shrinks a failing (documents, query) pair: drops documents, then parts of the query, then parts
 * of the remaining documents, keeping each step only while the check still fails.
 */
final class Shrinker {

    /** Members of a document that the table needs and are never dropped. */
    private static final Set<String> KEPT = Set.of("id", "created_at", "domain_id");
    private static final int MAX_CHECKS = 1500;

    private final BiFunction<List<ObjectNode>, ObjectNode, Optional<String>> check;
    private int checks;

    /** {@code check} answers the failure message, or empty when the pair passes (or cannot run). */
    Shrinker(BiFunction<List<ObjectNode>, ObjectNode, Optional<String>> check) {
        this.check = check;
    }

    record Shrunk(List<ObjectNode> documents, ObjectNode query, String failure, int checks) {
    }

    Shrunk shrink(List<ObjectNode> documents, ObjectNode query, String failure) {
        kind = kind(failure);
        List<ObjectNode> docs = new ArrayList<>(documents);
        String message = failure;
        boolean progress = true;
        while (progress && checks < MAX_CHECKS) {
            progress = false;
            // documents: halves first, then one at a time
            for (int chunk = Math.max(1, docs.size() / 2); chunk >= 1 && checks < MAX_CHECKS; chunk /= 2) {
                for (int from = 0; from + chunk <= docs.size() && checks < MAX_CHECKS; ) {
                    List<ObjectNode> fewer = new ArrayList<>(docs.subList(0, from));
                    fewer.addAll(docs.subList(from + chunk, docs.size()));
                    Optional<String> result = run(fewer, query);
                    if (result.isPresent()) {
                        docs = fewer;
                        message = result.get();
                        progress = true;
                    } else {
                        from += chunk;
                    }
                }
            }
            // the query
            for (ObjectNode smaller : smaller(query)) {
                if (checks >= MAX_CHECKS) {
                    break;
                }
                Optional<String> result = run(docs, smaller);
                if (result.isPresent()) {
                    query = smaller;
                    message = result.get();
                    progress = true;
                    break;
                }
            }
            // the documents' members
            outer:
            for (int index = 0; index < docs.size() && docs.size() <= 12; index++) {
                for (ObjectNode smaller : smaller(docs.get(index))) {
                    if (checks >= MAX_CHECKS) {
                        break outer;
                    }
                    List<ObjectNode> changed = new ArrayList<>(docs);
                    changed.set(index, smaller);
                    Optional<String> result = run(changed, query);
                    if (result.isPresent()) {
                        docs = changed;
                        message = result.get();
                        progress = true;
                        break outer;
                    }
                }
            }
        }
        return new Shrunk(docs, query, message, checks);
    }

    private String kind;

    /** A failure's kind is its first line up to the first colon; shrinking keeps to the same kind. */
    static String kind(String failure) {
        int end = failure.indexOf(':');
        return end < 0 ? failure : failure.substring(0, end);
    }

    private Optional<String> run(List<ObjectNode> documents, ObjectNode query) {
        checks++;
        Optional<String> result;
        try {
            result = check.apply(documents, query);
        } catch (dev.canopy.query.InvalidQueryException invalid) {
            // a smaller query that is no longer valid says nothing about the failure
            return Optional.empty();
        } catch (RuntimeException e) {
            result = Optional.of("error: " + e);
        }
        return result.filter(message -> kind(message).equals(kind));
    }

    /** Every copy of {@code root} with one array element or object member removed, or one array unwrapped to its first element. */
    static List<ObjectNode> smaller(ObjectNode root) {
        List<ObjectNode> results = new ArrayList<>();
        collect(root, root, new ArrayList<>(), results);
        return results;
    }

    private static void collect(ObjectNode root, JsonNode node, List<Object> path, List<ObjectNode> results) {
        if (node.isObject()) {
            for (String name : new ArrayList<>(node.propertyNames())) {
                if (path.isEmpty() && KEPT.contains(name)) {
                    continue;
                }
                ObjectNode copy = root.deepCopy();
                ((ObjectNode) at(copy, path)).remove(name);
                results.add(copy);
            }
            for (String name : new ArrayList<>(node.propertyNames())) {
                List<Object> child = new ArrayList<>(path);
                child.add(name);
                collect(root, node.get(name), child, results);
            }
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                ObjectNode copy = root.deepCopy();
                ((ArrayNode) at(copy, path)).remove(index);
                results.add(copy);
            }
            for (int index = 0; index < node.size(); index++) {
                List<Object> child = new ArrayList<>(path);
                child.add(index);
                collect(root, node.get(index), child, results);
            }
        }
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof String name ? node.get(name) : node.get((Integer) step);
        }
        return node;
    }
}
