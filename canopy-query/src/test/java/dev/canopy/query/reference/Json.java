package dev.canopy.query.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Value rules of the query language: type ranks, ordering and equality, as docs/query.md states them. */
public final class Json {

    private Json() {
    }

    /**
     * The rank of a value in the sort order: missing and null, then numbers, strings, objects,
     * arrays, booleans. {@code null} (Java) is a missing value.
     */
    public static int rank(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return 0;
        }
        if (value.isNumber()) {
            return 1;
        }
        if (value.isString()) {
            return 2;
        }
        if (value.isObject()) {
            return 3;
        }
        if (value.isArray()) {
            return 4;
        }
        if (value.isBoolean()) {
            return 5;
        }
        throw new IllegalArgumentException("unexpected JSON value " + value);
    }

    /** Sort order: by rank, then numbers by value, strings by code point, booleans false first; objects and arrays tie. */
    public static int compareForSort(JsonNode a, JsonNode b) {
        int byRank = Integer.compare(rank(a), rank(b));
        if (byRank != 0) {
            return byRank;
        }
        return switch (rank(a)) {
            case 1 -> decimal(a).compareTo(decimal(b));
            case 2 -> compareCodePoints(a.asString(), b.asString());
            case 5 -> Boolean.compare(a.booleanValue(), b.booleanValue());
            default -> 0;
        };
    }

    public static BigDecimal decimal(JsonNode number) {
        return number.decimalValue();
    }

    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Equality of two scalars of the same type (numbers numerically); values of different types are never equal. */
    public static boolean scalarEquals(JsonNode a, JsonNode b) {
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        if (a.isNumber() && b.isNumber()) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        if (a.isString() && b.isString()) {
            return a.asString().equals(b.asString());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return a.booleanValue() == b.booleanValue();
        }
        return false;
    }

    /**
     * Ordering of two values of the same scalar type, or null when their types differ (or are not
     * orderable), in which case no ordering condition holds.
     */
    public static Integer compareSameType(JsonNode candidate, JsonNode value) {
        if (candidate.isNumber() && value.isNumber()) {
            return decimal(candidate).compareTo(decimal(value));
        }
        if (candidate.isString() && value.isString()) {
            return compareCodePoints(candidate.asString(), value.asString());
        }
        if (candidate.isBoolean() && value.isBoolean()) {
            return Boolean.compare(candidate.booleanValue(), value.booleanValue());
        }
        return null;
    }

    /** Deep equality with numbers compared by value and object members in any order. */
    public static boolean deepEquals(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return numbersEqual(decimal(a), decimal(b));
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> member : a.properties()) {
                if (!deepEquals(member.getValue(), b.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int index = 0; index < a.size(); index++) {
                if (!deepEquals(a.get(index), b.get(index))) {
                    return false;
                }
            }
            return true;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        return a.equals(b);
    }

    /** Equal numbers, allowing the last digits of a computed quotient (an average) to differ. */
    public static boolean numbersEqual(BigDecimal a, BigDecimal b) {
        if (a.compareTo(b) == 0) {
            return true;
        }
        BigDecimal scale = a.abs().max(b.abs()).max(BigDecimal.ONE);
        return a.subtract(b).abs().compareTo(scale.multiply(new BigDecimal("1e-12"))) <= 0;
    }

    /** Deep equality where arrays are compared as multisets (for push and add_to_set results). */
    public static boolean deepEqualsUnordered(JsonNode a, JsonNode b) {
        if (a != null && b != null && a.isArray() && b.isArray()) {
            return sameMultiset(elements(a), elements(b));
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> member : a.properties()) {
                if (!deepEqualsUnordered(member.getValue(), b.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return deepEquals(a, b);
    }

    public static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        for (Iterator<JsonNode> it = array.iterator(); it.hasNext(); ) {
            list.add(it.next());
        }
        return list;
    }

    public static boolean sameMultiset(List<? extends JsonNode> a, List<? extends JsonNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<JsonNode> rest = new ArrayList<>(b);
        for (JsonNode item : a) {
            boolean found = false;
            for (int index = 0; index < rest.size(); index++) {
                if (deepEqualsUnordered(item, rest.get(index))) {
                    rest.remove(index);
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cases ASCII letters only. */
    public static String asciiLower(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lower.toString();
    }
}
