package dev.canopy.query;

/** The SQL type of a real column of a resource table, which decides how values bind to it. */
public enum ColumnType {
    TEXT, TIMESTAMP, INTEGER, BOOLEAN
}
