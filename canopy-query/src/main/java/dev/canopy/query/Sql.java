package dev.canopy.query;

import java.util.ArrayList;
import java.util.List;

/** A growing SQL fragment and the values bound to its {@code ?} placeholders, in order. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    static Sql of(String sql, Object... values) {
        return new Sql().append(sql, values);
    }

    Sql append(String sql, Object... values) {
        text.append(sql);
        parameters.addAll(List.of(values));
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    /** Appends {@code parts} separated by {@code separator}. */
    Sql join(String separator, List<Sql> parts) {
        for (int index = 0; index < parts.size(); index++) {
            if (index > 0) {
                text.append(separator);
            }
            append(parts.get(index));
        }
        return this;
    }

    SqlStatement statement() {
        return new SqlStatement(text.toString(), parameters);
    }
}
