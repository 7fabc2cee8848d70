package dev.canopy.server.store;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import dev.canopy.query.Column;
import dev.canopy.query.TableSchema;

/**
 * A kind of resource as the store keeps it: its name ({@code config.DomainConfig}), the prefix of
 * its ids ({@code project} gives {@code project-1a2b3c4d5e6f}), the document key that shows the id
 * (none for kinds addressed by name), its table, and the keys that are unique within a domain.
 * Every top-level key declared as a column of the table is copied from the document into it.
 */
public record ResourceKind(String name, String idPrefix, String idKey, TableSchema table, List<String> uniqueKeys) {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    static final List<String> STANDARD_COLUMNS = List.of("id", "domain_id", "created_at", "updated_at");

    public ResourceKind {
        if (!PREFIX.matcher(idPrefix).matches()) {
            throw new IllegalArgumentException("invalid id prefix: " + idPrefix);
        }
        uniqueKeys = List.copyOf(uniqueKeys);
        for (String key : uniqueKeys) {
            if (table.column(key).isEmpty()) {
                throw new IllegalArgumentException("unique key " + key + " of " + name + " is not a column");
            }
        }
    }

    /** The columns copied from the document on every write: all but the standard ones. */
    List<Column> documentColumns() {
        return table.columns().values().stream()
                .filter(column -> !STANDARD_COLUMNS.contains(column.name()))
                .sorted(Comparator.comparing(Column::name))
                .toList();
    }
}
