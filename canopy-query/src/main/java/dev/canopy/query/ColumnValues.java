package dev.canopy.query;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** Converts query values to the Java values bound against a column, by the column's type. */
final class ColumnValues {

    private ColumnValues() {
    }

    /** The value to bind, or empty when a value of this JSON type can never match the column. */
    static Optional<Object> bindable(ColumnType type, JsonNode value) {
        return switch (type) {
            case TEXT -> value.isString() ? Optional.of(value.asString()) : Optional.empty();
            case INTEGER -> value.isNumber() ? Optional.of(value.decimalValue()) : Optional.empty();
            case BOOLEAN -> value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
            case TIMESTAMP -> value.isString()
                    ? DateTimes.parse(value.asString()).map(DateTimes::utc) : Optional.empty();
        };
    }

    static String arrayType(ColumnType type) {
        return switch (type) {
            case TEXT -> "text[]";
            case INTEGER -> "numeric[]";
            case BOOLEAN -> "boolean[]";
            case TIMESTAMP -> "timestamptz[]";
        };
    }

    /** A PostgreSQL array literal of bindable values: every element quoted, quotes and backslashes escaped. */
    static String arrayLiteral(List<Object> values) {
        StringBuilder literal = new StringBuilder("{");
        for (Object value : values) {
            String text = value instanceof OffsetDateTime dateTime ? dateTime.toString() : String.valueOf(value);
            literal.append(literal.length() > 1 ? "," : "")
                    .append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
