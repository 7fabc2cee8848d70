package dev.canopy.query;

import java.util.List;

/**
 * Cloudforet's search query, used by every {@code list} verb.
 *
 * @param filter     conditions that must all hold
 * @param filterOr   conditions of which at least one must hold (ANDed with {@code filter})
 * @param sort       sort keys in order; the row's creation order breaks ties
 * @param page       the page to return
 * @param only       dotted keys to project the results to; empty for whole documents
 * @param keyword    free text matched case-insensitively against the kind's keyword fields
 * @param countOnly  return only {@code total_count}
 * @param minimal    project to the kind's minimal fields
 */
public record Query(List<Condition> filter, List<Condition> filterOr, List<SortKey> sort, Page page,
                    List<String> only, String keyword, boolean countOnly, boolean minimal) {

    public static final Query ALL = new Query(List.of(), List.of(), List.of(), Page.ALL, List.of(), null, false, false);

    public Query {
        filter = List.copyOf(filter);
        filterOr = List.copyOf(filterOr);
        sort = List.copyOf(sort);
        only = List.copyOf(only);
    }

    /** This query with one more condition ANDed to its filter. */
    public Query and(Condition condition) {
        var conditions = new java.util.ArrayList<>(filter);
        conditions.add(condition);
        return new Query(conditions, filterOr, sort, page, only, keyword, countOnly, minimal);
    }
}
