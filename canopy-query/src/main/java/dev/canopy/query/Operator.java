package dev.canopy.query;

import java.util.Arrays;
import java.util.Optional;

/** The filter operators of Cloudforet's query language, by their wire names. */
public enum Operator {
    EQ, NOT, LT, LTE, GT, GTE, EXISTS, CONTAIN, NOT_CONTAIN, IN, NOT_IN, CONTAIN_IN, NOT_CONTAIN_IN,
    LIKE, REGEX, REGEX_IN, DATETIME_LT, DATETIME_LTE, DATETIME_GT, DATETIME_GTE,
    TIMEDIFF_LT, TIMEDIFF_LTE, TIMEDIFF_GT, TIMEDIFF_GTE;

    /** The name clients send, e.g. {@code not_contain_in}. */
    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<Operator> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(operator -> operator.wireName().equals(wireName)).findFirst();
    }

    /** Operators whose value is a list of candidates rather than one value. */
    public boolean takesList() {
        return this == IN || this == NOT_IN || this == CONTAIN_IN || this == NOT_CONTAIN_IN || this == REGEX_IN;
    }
}
