package dev.canopy.query;

/**
 * A document key that is stored in a real column as well as in {@code doc}. A column that is not
 * {@code nullable} sorts without a NULLS clause, so that a plain btree index serves the order.
 */
public record Column(String key, String name, ColumnType type, boolean nullable) {

    public Column {
        TableSchema.requireIdentifier(name);
    }

    public Column(String key, String name, ColumnType type) {
        this(key, name, type, true);
    }
}
