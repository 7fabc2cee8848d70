package dev.canopy.query;

import java.util.List;

/**
 * Cloudforet's statistics query, used by every {@code stat} verb: the documents matching
 * {@code filter} and {@code filterOr} are fed through the {@code aggregate} pipeline, then paged.
 */
public record StatisticsQuery(List<Condition> filter, List<Condition> filterOr, List<AggregateStage> aggregate,
                              Page page) {

    public StatisticsQuery {
        filter = List.copyOf(filter);
        filterOr = List.copyOf(filterOr);
        aggregate = List.copyOf(aggregate);
    }
}
