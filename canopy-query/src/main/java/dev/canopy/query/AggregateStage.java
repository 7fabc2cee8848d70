package dev.canopy.query;

import java.math.BigDecimal;
import java.util.List;

/** One stage of a statistics pipeline; each turns the rows of the previous stage into new rows. */
public sealed interface AggregateStage {

    /** Groups rows by {@code keys} and computes {@code fields} per group. */
    record Group(List<GroupKey> keys, List<GroupField> fields) implements AggregateStage {
        public Group {
            keys = List.copyOf(keys);
            fields = List.copyOf(fields);
        }
    }

    /** One row per element of the array at {@code path}, the element in the array's place. */
    record Unwind(String path) implements AggregateStage {
    }

    /** Collapses the rows to one row {@code {name: number of rows}}. */
    record Count(String name) implements AggregateStage {
    }

    /** Orders the rows by their values at the keys. */
    record Sort(List<SortKey> keys) implements AggregateStage {
        public Sort {
            keys = List.copyOf(keys);
        }
    }

    /** Rebuilds each row from {@code fields}, keeping the last group's keys unless {@code excludeKeys}. */
    record Project(List<ProjectField> fields, boolean excludeKeys) implements AggregateStage {
        public Project {
            fields = List.copyOf(fields);
        }
    }

    /** Keeps the first {@code count} rows. */
    record Limit(int count) implements AggregateStage {
    }

    /** Drops the first {@code count} rows. */
    record Skip(int count) implements AggregateStage {
    }

    /**
     * A group key: the value at {@code key}, output as {@code name}; with a {@code dateFormat}
     * ({@code %Y-%m}, {@code year}, ...) the value is read as a date-time and formatted.
     */
    record GroupKey(String key, String name, String dateFormat) {
        public GroupKey(String key, String name) {
            this(key, name, null);
        }
    }

    /**
     * A computed field of a group, output as {@code name}: {@code operator} over the value at
     * {@code key} (absent for {@code count}, or for {@code push} of {@code fields}). With
     * {@code conditions}, rows failing one count as zero.
     */
    record GroupField(String key, String name, GroupOperator operator, List<NamedKey> fields,
                      List<Condition> conditions) {
        public GroupField {
            fields = List.copyOf(fields);
            conditions = List.copyOf(conditions);
        }

        public GroupField(String key, String name, GroupOperator operator) {
            this(key, name, operator, List.of(), List.of());
        }
    }

    /** The value at {@code key}, output as {@code name}. */
    record NamedKey(String key, String name) {
    }

    /**
     * A field of a project stage, output as {@code name}: a copy of the value at {@code key} when
     * {@code operator} is null, else the operator over {@code key} or {@code operands}.
     */
    record ProjectField(String key, String name, ProjectOperator operator, List<Operand> operands) {
        public ProjectField {
            operands = List.copyOf(operands);
        }
    }

    /** An operand of a project arithmetic: a row key, a number, or a nested operation. */
    sealed interface Operand {
        record Key(String key) implements Operand {
        }

        record Number(BigDecimal value) implements Operand {
        }

        record Operation(ProjectOperator operator, List<Operand> operands) implements Operand {
            public Operation {
                operands = List.copyOf(operands);
            }
        }
    }
}
