package dev.canopy.query;

import java.util.Arrays;
import java.util.Optional;

/** The operators of a project stage (and of an analyze {@code select}), by their wire names. */
public enum ProjectOperator {
    SIZE, SUM, ADD, SUBTRACT, MULTIPLY, DIVIDE;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<ProjectOperator> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(operator -> operator.wireName().equals(wireName)).findFirst();
    }

    /** Operators that read one array at a key rather than a list of operands. */
    public boolean readsKey() {
        return this == SIZE || this == SUM;
    }
}
