package dev.canopy.query;

import java.math.BigDecimal;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Writes PostgreSQL jsonpath text. Paths run in lax mode, which crosses arrays the way MongoDB
 * does (see docs/query.md). The text is always bound as a parameter; values are written as
 * jsonpath literals with every special character escaped, so they cannot change the path.
 */
final class JsonPath {

    private JsonPath() {
    }

    /** {@code $."a"."b"}: the values at a key. Segments are safe to quote by the key grammar. */
    static String path(KeyPath key) {
        StringBuilder path = new StringBuilder("$");
        for (String segment : key.segments()) {
            path.append(".\"").append(segment).append('"');
        }
        return path.toString();
    }

    /** {@code path ? (predicate)}: the candidates at the key satisfying the predicate on {@code @}. */
    static String filter(KeyPath key, String predicate) {
        return path(key) + " ? (" + predicate + ")";
    }

    /** {@code @ == v1 || @ == v2 ...} over scalar values. */
    static String anyEquals(List<JsonNode> values) {
        StringBuilder predicate = new StringBuilder();
        for (JsonNode value : values) {
            predicate.append(predicate.isEmpty() ? "" : " || ").append("@ == ").append(literal(value));
        }
        return predicate.toString();
    }

    /** A scalar JSON value as a jsonpath literal. */
    static String literal(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "true" : "false";
        }
        if (value.isNumber()) {
            return number(value.decimalValue());
        }
        return string(value.asString());
    }

    static String number(BigDecimal value) {
        // jsonpath numbers take no exponent with a sign after "e" in every version; plain text is safe.
        return value.stripTrailingZeros().toPlainString();
    }

    /** A jsonpath string literal: double-quoted, with quotes, backslashes and controls escaped. */
    static String string(String text) {
        StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }
}
