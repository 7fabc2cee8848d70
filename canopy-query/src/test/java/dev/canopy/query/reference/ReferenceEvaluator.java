package dev.canopy.query.reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.canopy.query.Column;
import dev.canopy.query.ColumnType;
import dev.canopy.query.Condition;
import dev.canopy.query.KeyPath;
import dev.canopy.query.Operator;
import dev.canopy.query.Page;
import dev.canopy.query.Query;
import dev.canopy.query.SortKey;
import dev.canopy.query.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Runs queries over in-memory documents exactly as docs/query.md defines them, to check the
 * compiled SQL against. Written from the document, independently of the compiler. Documents are
 * given in creation order.
 */
public final class ReferenceEvaluator {

    private final TableSchema schema;
    private final int maxPageLimit;
    private final Filters filters;

    public ReferenceEvaluator(TableSchema schema, int maxPageLimit, Instant now) {
        this.schema = schema;
        this.maxPageLimit = maxPageLimit;
        this.filters = new Filters(schema, now);
    }

    /** The documents of a page and the number of matching documents before paging. */
    public record ListResult(List<ObjectNode> documents, long totalCount) {
    }

    public ListResult list(List<ObjectNode> documents, Query query) {
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode document : documents) {
            if (filters.matches(document, query.filter(), query.filterOr()) && keyword(document, query.keyword())) {
                matching.add(document);
            }
        }
        List<SortKey> sort = query.sort().isEmpty() ? schema.defaultSort() : query.sort();
        List<ObjectNode> sorted = new ArrayList<>(matching);
        // List.sort is stable: equal documents keep creation order.
        sorted.sort(documentOrder(sort));
        List<ObjectNode> page = page(sorted, query.page());
        if (query.countOnly()) {
            page = List.of();
        }
        List<String> only = query.only().isEmpty() && query.minimal() ? schema.minimalKeys() : query.only();
        return new ListResult(page.stream().map(document -> only(document, only)).toList(), matching.size());
    }

    /** A document matches a keyword when one of the keyword keys contains one of its words. */
    private boolean keyword(ObjectNode document, String keyword) {
        if (keyword == null || keyword.isBlank() || schema.keywordKeys().isEmpty()) {
            return true;
        }
        for (String word : keyword.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            for (String key : schema.keywordKeys()) {
                if (filters.matches(document, new Condition(key, StringNode.valueOf(word), Operator.CONTAIN))) {
                    return true;
                }
            }
        }
        return false;
    }

    Comparator<JsonNode> documentOrder(List<SortKey> sort) {
        Comparator<JsonNode> order = (a, b) -> 0;
        for (SortKey key : sort) {
            Comparator<JsonNode> byKey = (a, b) -> compareAt(a, b, key.key());
            order = order.thenComparing(key.desc() ? byKey.reversed() : byKey);
        }
        return order;
    }

    private int compareAt(JsonNode a, JsonNode b, String key) {
        Optional<Column> column = schema.column(key);
        JsonNode left = sortValue(a, key);
        JsonNode right = sortValue(b, key);
        if (column.isPresent() && column.get().type() == ColumnType.TIMESTAMP
                && left != null && right != null && left.isString() && right.isString()) {
            return DateTimes.parse(left.asString()).orElseThrow()
                    .compareTo(DateTimes.parse(right.asString()).orElseThrow());
        }
        return Json.compareForSort(left, right);
    }

    /** The value at a key read through objects only; null when missing (a key crossing an array is missing). */
    public static JsonNode sortValue(JsonNode row, String key) {
        JsonNode current = row;
        for (String segment : KeyPath.parse(key, "sort").segments()) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(segment);
        }
        return current;
    }

    private <T> List<T> page(List<T> rows, Page page) {
        int limit = page.limited() ? Math.min(page.limit(), maxPageLimit) : maxPageLimit;
        int from = Math.min(rows.size(), Math.max(page.start(), 1) - 1);
        return rows.subList(from, Math.min(rows.size(), from + limit));
    }

    /** The parts of a document named by the dotted keys, through objects; all of it when none are named. */
    public static ObjectNode only(ObjectNode document, List<String> keys) {
        if (keys.isEmpty()) {
            return document;
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (String key : keys) {
            List<String> segments = KeyPath.parse(key, "only").segments();
            JsonNode source = document;
            ObjectNode target = result;
            for (int index = 0; index < segments.size(); index++) {
                String segment = segments.get(index);
                if (source == null || !source.isObject() || !source.has(segment)) {
                    break;
                }
                source = source.get(segment);
                if (index == segments.size() - 1) {
                    target.set(segment, source.deepCopy());
                } else if (source.isObject()) {
                    JsonNode existing = target.get(segment);
                    target = existing instanceof ObjectNode child ? child : target.putObject(segment);
                } else {
                    break;
                }
            }
        }
        return result;
    }
}
