package dev.canopy.query;

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
}
