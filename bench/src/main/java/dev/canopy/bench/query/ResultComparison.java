package dev.canopy.bench.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares what the compiled and the hand-written statements returned. Values that parse as JSON
 * are compared as JSON (member order ignored; numbers by value, with a relative tolerance of 1e-9
 * so that a floating-point sum equals an exact one); unordered results are compared as multisets.
 */
final class ResultComparison {

    private static final double TOLERANCE = 1e-9;
    private static final int SHOWN = 400;

    private final JsonMapper json = JsonMapper.builder().build();

    /** Empty when both give the same rows, else a description of the first difference. */
    Optional<String> difference(List<List<String>> compiled, List<List<String>> hand, boolean ordered) {
        List<List<JsonNode>> left = parse(compiled);
        List<List<JsonNode>> right = parse(hand);
        if (!ordered) {
            left.sort(Comparator.comparing(ResultComparison::sortKey));
            right.sort(Comparator.comparing(ResultComparison::sortKey));
        }
        if (left.size() != right.size()) {
            return Optional.of("compiled returned " + left.size() + " rows, hand-written " + right.size()
                    + firstRows(compiled, hand));
        }
        for (int index = 0; index < left.size(); index++) {
            if (!equal(left.get(index), right.get(index))) {
                return Optional.of("row " + index + (ordered ? "" : " (after sorting both)") + " differs:\n    compiled: "
                        + shorten(left.get(index).toString()) + "\n    hand:     " + shorten(right.get(index).toString()));
            }
        }
        return Optional.empty();
    }

    private List<List<JsonNode>> parse(List<List<String>> rows) {
        List<List<JsonNode>> parsed = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            List<JsonNode> values = new ArrayList<>(row.size());
            for (String value : row) {
                values.add(value == null ? json.nullNode() : json.readTree(value));
            }
            parsed.add(values);
        }
        return parsed;
    }

    private static String firstRows(List<List<String>> compiled, List<List<String>> hand) {
        return "\n    compiled first row: " + (compiled.isEmpty() ? "(none)" : shorten(compiled.get(0).toString()))
                + "\n    hand first row:     " + (hand.isEmpty() ? "(none)" : shorten(hand.get(0).toString()));
    }

    private static boolean equal(List<JsonNode> left, List<JsonNode> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int index = 0; index < left.size(); index++) {
            if (!equal(left.get(index), right.get(index))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(JsonNode left, JsonNode right) {
        if (left.isNumber() && right.isNumber()) {
            BigDecimal a = left.decimalValue();
            BigDecimal b = right.decimalValue();
            if (a.compareTo(b) == 0) {
                return true;
            }
            double scale = Math.max(Math.abs(a.doubleValue()), Math.abs(b.doubleValue()));
            return Math.abs(a.subtract(b).doubleValue()) <= TOLERANCE * scale;
        }
        if (left.isObject() && right.isObject()) {
            if (!left.propertyNames().containsAll(right.propertyNames()) || left.size() != right.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> member : left.properties()) {
                if (!equal(member.getValue(), right.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (left.isArray() && right.isArray()) {
            if (left.size() != right.size()) {
                return false;
            }
            Iterator<JsonNode> rightValues = right.values().iterator();
            for (JsonNode value : left.values()) {
                if (!equal(value, rightValues.next())) {
                    return false;
                }
            }
            return true;
        }
        return left.equals(right);
    }

    /** A canonical text of the row with numbers rounded, to line unordered rows up before comparing. */
    private static String sortKey(List<JsonNode> row) {
        StringBuilder key = new StringBuilder();
        for (JsonNode value : row) {
            canonical(value, key);
            key.append('\u0001');
        }
        return key.toString();
    }

    private static void canonical(JsonNode value, StringBuilder key) {
        if (value.isNumber()) {
            key.append(value.decimalValue().setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString());
        } else if (value.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            value.properties().forEach(member -> sorted.put(member.getKey(), member.getValue()));
            key.append('{');
            sorted.forEach((name, member) -> {
                key.append(name).append(':');
                canonical(member, key);
                key.append(',');
            });
            key.append('}');
        } else if (value.isArray()) {
            key.append('[');
            value.values().forEach(element -> {
                canonical(element, key);
                key.append(',');
            });
            key.append(']');
        } else {
            key.append(value);
        }
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
