package dev.canopy.query;

import java.util.List;

/**
 * SQL text with JDBC {@code ?} placeholders and the values bound to them, in order. A question
 * mark that is part of an operator is doubled ({@code @??}), as the PostgreSQL JDBC driver expects.
 */
public record SqlStatement(String sql, List<Object> parameters) {

    public SqlStatement {
        parameters = List.copyOf(parameters);
    }

    public static SqlStatement of(String sql, Object... parameters) {
        return new SqlStatement(sql, List.of(parameters));
    }
}
