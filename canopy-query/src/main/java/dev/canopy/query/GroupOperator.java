package dev.canopy.query;

import java.util.Arrays;
import java.util.Optional;

/** The accumulators of a group stage, by their wire names. */
public enum GroupOperator {
    COUNT, SUM, AVERAGE, MAX, MIN, PUSH, ADD_TO_SET, MERGE_OBJECTS;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<GroupOperator> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(operator -> operator.wireName().equals(wireName)).findFirst();
    }

    /** Operators that may carry {@code conditions}. */
    public boolean takesConditions() {
        return this == COUNT || this == SUM || this == AVERAGE;
    }
}
