package dev.canopy.query;

/** A document key that is stored in a real column as well as in {@code doc}. */
public record Column(String key, String name, ColumnType type) {

    public Column {
        TableSchema.requireIdentifier(name);
    }
}
