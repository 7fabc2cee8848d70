package dev.canopy.query;

import java.util.List;

/** One stage of a statistics pipeline. */
public sealed interface AggregateStage {

    /** Groups rows by {@code keys} and computes {@code fields} per group. */
    record Group(List<GroupKey> keys, List<GroupField> fields) implements AggregateStage {
        public Group {
            keys = List.copyOf(keys);
            fields = List.copyOf(fields);
        }
    }

    /** Orders the rows of the previous stage by output names. */
    record Sort(List<SortKey> keys) implements AggregateStage {
        public Sort {
            keys = List.copyOf(keys);
        }
    }

    /** Keeps the first {@code count} rows. */
    record Limit(int count) implements AggregateStage {
    }

    /** A group key: the document value at {@code key}, output as {@code name}. */
    record GroupKey(String key, String name) {
    }

    /** A computed field of a group: {@code operator} over the value at {@code key}, output as {@code name}. */
    record GroupField(String key, String name, String operator) {
    }
}
