package dev.canopy.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of one resource table as the compiler needs it: the table name, the document keys that
 * are also real columns, the keys searched by {@code keyword}, the keys of a minimal projection and
 * the default sort, and the key an analyze query takes dates from. Every table has {@code id}, {@code domain_id}, {@code created_at},
 * {@code updated_at} and {@code doc jsonb}; the builder declares the first four as columns.
 */
public record TableSchema(String table, Map<String, Column> columns, List<String> keywordKeys,
                          List<String> minimalKeys, List<SortKey> defaultSort, String dateKey) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public TableSchema {
        requireIdentifier(table);
        columns = Map.copyOf(columns);
        keywordKeys = List.copyOf(keywordKeys);
        minimalKeys = List.copyOf(minimalKeys);
        defaultSort = List.copyOf(defaultSort);
        KeyPath.parse(dateKey, "dateKey");
    }

    public Optional<Column> column(String key) {
        return Optional.ofNullable(columns.get(key));
    }

    public static Builder builder(String table) {
        return new Builder(table);
    }

    static void requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }

    /** Collects a table's declaration; {@link #build()} adds the standard columns. */
    public static final class Builder {
        private final String table;
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private final List<String> keywordKeys = new ArrayList<>();
        private final List<String> minimalKeys = new ArrayList<>();
        private final List<SortKey> defaultSort = new ArrayList<>();
        private String dateKey = "created_at";

        private Builder(String table) {
            this.table = table;
            requiredColumn("domain_id", ColumnType.TEXT);
            requiredColumn("created_at", ColumnType.TIMESTAMP);
            requiredColumn("updated_at", ColumnType.TIMESTAMP);
        }

        /** The document key holding the resource id (e.g. {@code project_id}), stored in column {@code id}. */
        public Builder idKey(String key) {
            columns.put(key, new Column(key, "id", ColumnType.TEXT, false));
            return this;
        }

        /** A top-level document key copied into a column of the same name, which may be null. */
        public Builder column(String key, ColumnType type) {
            columns.put(key, new Column(key, key, type, true));
            return this;
        }

        /** As {@link #column}, for a key every document has (the column is {@code NOT NULL}). */
        public Builder requiredColumn(String key, ColumnType type) {
            columns.put(key, new Column(key, key, type, false));
            return this;
        }

        public Builder keyword(String... keys) {
            keywordKeys.addAll(List.of(keys));
            return this;
        }

        public Builder minimal(String... keys) {
            minimalKeys.addAll(List.of(keys));
            return this;
        }

        public Builder defaultSort(String key, boolean desc) {
            defaultSort.add(new SortKey(key, desc));
            return this;
        }

        /** The key whose date-time an analyze query buckets by; {@code created_at} unless set. */
        public Builder dateKey(String key) {
            dateKey = key;
            return this;
        }

        public TableSchema build() {
            return new TableSchema(table, columns, keywordKeys, minimalKeys, defaultSort, dateKey);
        }
    }
}
