package dev.canopy.query.reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

import dev.canopy.query.Column;
import dev.canopy.query.ColumnType;
import dev.canopy.query.Condition;
import dev.canopy.query.KeyPath;
import dev.canopy.query.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Filter conditions over in-memory documents, as docs/query.md ("Keys", "Filter operators") defines them. */
public final class Filters {

    private final TableSchema schema;
    private final Instant now;

    public Filters(TableSchema schema, Instant now) {
        this.schema = schema;
        this.now = now;
    }

    /** All of {@code filter} and (when not empty) one of {@code filterOr} hold. */
    public boolean matches(ObjectNode document, List<Condition> filter, List<Condition> filterOr) {
        for (Condition condition : filter) {
            if (!matches(document, condition)) {
                return false;
            }
        }
        if (filterOr.isEmpty()) {
            return true;
        }
        for (Condition condition : filterOr) {
            if (matches(document, condition)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The values at a key: each segment replaces every object by its member of that name and every
     * array by the members of that name of its object elements (one level).
     */
    public static List<JsonNode> values(JsonNode document, String key) {
        List<JsonNode> items = List.of(document);
        for (String segment : KeyPath.parse(key, "key").segments()) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode item : items) {
                if (item.isObject()) {
                    if (item.has(segment)) {
                        next.add(item.get(segment));
                    }
                } else if (item.isArray()) {
                    for (JsonNode element : item) {
                        if (element.isObject() && element.has(segment)) {
                            next.add(element.get(segment));
                        }
                    }
                }
            }
            items = next;
        }
        return items;
    }

    /** The values with arrays replaced by their elements, two levels deep. */
    public static List<JsonNode> candidates(List<JsonNode> values) {
        List<JsonNode> candidates = new ArrayList<>();
        for (JsonNode value : values) {
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (element.isArray()) {
                        element.forEach(candidates::add);
                    } else {
                        candidates.add(element);
                    }
                }
            } else {
                candidates.add(value);
            }
        }
        return candidates;
    }

    public boolean matches(ObjectNode document, Condition condition) {
        String key = condition.key();
        JsonNode value = condition.value();
        Optional<Column> column = schema.column(key);
        boolean timestamp = column.isPresent() && column.get().type() == ColumnType.TIMESTAMP;
        List<JsonNode> values = values(document, key);
        if (column.isPresent()) {
            // A column holds a copy of the top-level member; SQL NULL for a missing or null member.
            values = values.stream().filter(v -> !v.isNull()).toList();
        }
        List<JsonNode> candidates = candidates(values);
        return switch (condition.operator()) {
            case EQ -> equals(values, candidates, value, timestamp);
            case NOT -> !equals(values, candidates, value, timestamp);
            case IN -> in(values, candidates, value, timestamp);
            case NOT_IN -> !in(values, candidates, value, timestamp);
            case LT -> ordered(candidates, value, timestamp, c -> c < 0);
            case LTE -> ordered(candidates, value, timestamp, c -> c <= 0);
            case GT -> ordered(candidates, value, timestamp, c -> c > 0);
            case GTE -> ordered(candidates, value, timestamp, c -> c >= 0);
            case EXISTS -> value.booleanValue() == !values.isEmpty();
            case CONTAIN -> contain(candidates, value.asString());
            case NOT_CONTAIN -> !contain(candidates, value.asString());
            case CONTAIN_IN -> containIn(candidates, value);
            case NOT_CONTAIN_IN -> !containIn(candidates, value);
            case LIKE -> strings(candidates).stream().anyMatch(s -> like(s, value.asString()));
            case REGEX -> regex(candidates, value.asString());
            case REGEX_IN -> anyItem(value, item -> regex(candidates, item.asString()));
            case DATETIME_LT -> dateTime(candidates, parseValue(value), c -> c < 0);
            case DATETIME_LTE -> dateTime(candidates, parseValue(value), c -> c <= 0);
            case DATETIME_GT -> dateTime(candidates, parseValue(value), c -> c > 0);
            case DATETIME_GTE -> dateTime(candidates, parseValue(value), c -> c >= 0);
            case TIMEDIFF_LT -> dateTime(candidates, DateTimes.relative(value.asString(), now), c -> c < 0);
            case TIMEDIFF_LTE -> dateTime(candidates, DateTimes.relative(value.asString(), now), c -> c <= 0);
            case TIMEDIFF_GT -> dateTime(candidates, DateTimes.relative(value.asString(), now), c -> c > 0);
            case TIMEDIFF_GTE -> dateTime(candidates, DateTimes.relative(value.asString(), now), c -> c >= 0);
        };
    }

    private static Instant parseValue(JsonNode value) {
        return DateTimes.parse(value.asString())
                .orElseThrow(() -> new IllegalArgumentException("not a date-time value: " + value));
    }

    private static boolean equals(List<JsonNode> values, List<JsonNode> candidates, JsonNode value, boolean timestamp) {
        if (value.isNull()) {
            return values.isEmpty() || candidates.stream().anyMatch(JsonNode::isNull);
        }
        if (timestamp) {
            return instantOrder(candidates, value, c -> c == 0);
        }
        return candidates.stream().anyMatch(candidate -> Json.scalarEquals(candidate, value));
    }

    private static boolean in(List<JsonNode> values, List<JsonNode> candidates, JsonNode list, boolean timestamp) {
        return anyItem(list, item -> equals(values, candidates, item, timestamp));
    }

    private static boolean ordered(List<JsonNode> candidates, JsonNode value, boolean timestamp, IntPredicate holds) {
        if (timestamp) {
            return instantOrder(candidates, value, holds);
        }
        for (JsonNode candidate : candidates) {
            Integer order = Json.compareSameType(candidate, value);
            if (order != null && holds.test(order)) {
                return true;
            }
        }
        return false;
    }

    /** A timestamp column compares date-time strings as instants; other values never match. */
    private static boolean instantOrder(List<JsonNode> candidates, JsonNode value, IntPredicate holds) {
        if (!value.isString()) {
            return false;
        }
        Optional<Instant> bound = DateTimes.parse(value.asString());
        return bound.isPresent() && dateTime(candidates, bound.get(), holds);
    }

    private static boolean dateTime(List<JsonNode> candidates, Instant bound, IntPredicate holds) {
        for (String candidate : strings(candidates)) {
            Optional<Instant> instant = DateTimes.parse(candidate);
            if (instant.isPresent() && holds.test(instant.get().compareTo(bound))) {
                return true;
            }
        }
        return false;
    }

    static List<String> strings(List<JsonNode> candidates) {
        return candidates.stream().filter(JsonNode::isString).map(JsonNode::asString).toList();
    }

    static boolean contain(List<JsonNode> candidates, String part) {
        String lowerPart = Json.asciiLower(part);
        return strings(candidates).stream().anyMatch(s -> Json.asciiLower(s).contains(lowerPart));
    }

    private static boolean containIn(List<JsonNode> candidates, JsonNode list) {
        return anyItem(list, item -> item.isString() && contain(candidates, item.asString()));
    }

    private static boolean regex(List<JsonNode> candidates, String expression) {
        Pattern pattern = Pattern.compile(expression, Pattern.CASE_INSENSITIVE);
        return strings(candidates).stream().anyMatch(s -> pattern.matcher(s).find());
    }

    private static boolean anyItem(JsonNode list, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode item : list) {
            if (test.test(item)) {
                return true;
            }
        }
        return false;
    }

    /** SQL LIKE over the whole string, ignoring ASCII case: {@code %} any text, {@code _} one character, {@code \} escapes. */
    public static boolean like(String text, String pattern) {
        int[] t = Json.asciiLower(text).codePoints().toArray();
        int[] p = Json.asciiLower(pattern).codePoints().toArray();
        // tokens: -1 = %, -2 = _, otherwise a literal code point
        List<Integer> tokens = new ArrayList<>();
        for (int index = 0; index < p.length; index++) {
            if (p[index] == '\\') {
                if (index + 1 >= p.length) {
                    throw new IllegalArgumentException("LIKE pattern ends with an escape: " + pattern);
                }
                tokens.add(p[++index]);
            } else if (p[index] == '%') {
                tokens.add(-1);
            } else if (p[index] == '_') {
                tokens.add(-2);
            } else {
                tokens.add(p[index]);
            }
        }
        boolean[][] match = new boolean[tokens.size() + 1][t.length + 1];
        match[tokens.size()][t.length] = true;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            int token = tokens.get(i);
            for (int j = t.length; j >= 0; j--) {
                if (token == -1) {
                    match[i][j] = match[i + 1][j] || (j < t.length && match[i][j + 1]);
                } else if (j < t.length && (token == -2 || token == t[j])) {
                    match[i][j] = match[i + 1][j + 1];
                }
            }
        }
        return match[0][0];
    }
}
