package dev.canopy.query;

import tools.jackson.databind.JsonNode;

/**
 * One filter condition {@code {k, v, o}}: the document value at {@code key} compared with
 * {@code value} by {@code operator}. {@code value} is JSON as the client sent it (a string, number,
 * boolean, null, or a list for the list operators).
 */
public record Condition(String key, JsonNode value, Operator operator) {
}
