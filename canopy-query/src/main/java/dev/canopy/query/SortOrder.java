package dev.canopy.query;

import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY terms giving MongoDB's order over a {@code jsonb} value: missing and null, numbers,
 * strings (code point order), objects, arrays, booleans; objects and arrays tie within their rank.
 */
final class SortOrder {

    private SortOrder() {
    }

    /** Terms ordering by the {@code jsonb} expression {@code value}. */
    static List<Sql> ofJson(Sql value, boolean desc) {
        String direction = desc ? " DESC" : " ASC";
        List<Sql> terms = new ArrayList<>();
        terms.add(new Sql().append("CASE jsonb_typeof(").append(value).append(") WHEN 'number' THEN 1 WHEN 'string' THEN 2"
                + " WHEN 'object' THEN 3 WHEN 'array' THEN 4 WHEN 'boolean' THEN 5 ELSE 0 END" + direction));
        terms.add(new Sql().append("CASE WHEN jsonb_typeof(").append(value).append(") = 'number' THEN (")
                .append(value).append(")::numeric END" + direction));
        terms.add(new Sql().append("CASE WHEN jsonb_typeof(").append(value).append(") = 'string' THEN ")
                .append(value).append(" #>> '{}' END COLLATE \"C\"" + direction));
        terms.add(new Sql().append("CASE WHEN jsonb_typeof(").append(value).append(") = 'boolean' THEN (")
                .append(value).append(")::boolean END" + direction));
        return terms;
    }

    /**
     * The term ordering by a column, which holds one type only (or null, which sorts first). Text
     * columns are created with the "C" collation, so their order is code point order.
     */
    static Sql ofColumn(Column column, boolean desc) {
        if (!column.nullable()) {
            return Sql.of(column.name() + (desc ? " DESC" : " ASC"));
        }
        return Sql.of(column.name() + (desc ? " DESC NULLS LAST" : " ASC NULLS FIRST"));
    }
}
