package dev.canopy.query;

import java.util.List;

/**
 * Cloudforet's analyze query, used by every {@code analyze} verb: the matching documents grouped
 * by {@code groupBy} (and by date bucket when {@code granularity} is set) with {@code fields}
 * computed per group, optionally reshaped by {@code select}, folded by {@code fieldGroup}, sorted
 * and paged.
 *
 * @param granularity null for no date bucket
 * @param start       {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, or null
 * @param end         as {@code start}; the named period is included
 */
public record AnalyzeQuery(Granularity granularity, String start, String end, List<AggregateStage.GroupKey> groupBy,
                           List<String> fieldGroup, List<AggregateStage.GroupField> fields,
                           List<AggregateStage.ProjectField> select, List<Condition> filter,
                           List<Condition> filterOr, List<SortKey> sort, Page page) {

    /** The name of the date bucket key. */
    public static final String DATE = "date";

    public AnalyzeQuery {
        groupBy = List.copyOf(groupBy);
        fieldGroup = List.copyOf(fieldGroup);
        fields = List.copyOf(fields);
        select = List.copyOf(select);
        filter = List.copyOf(filter);
        filterOr = List.copyOf(filterOr);
        sort = List.copyOf(sort);
    }
}
