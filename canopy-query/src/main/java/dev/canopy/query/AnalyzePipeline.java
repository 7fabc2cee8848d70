package dev.canopy.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an analyze query into the statistics pipeline it stands for: a group by the keys and the
 * date bucket, then {@code select}, then the {@code field_group} fold, then the sort.
 */
final class AnalyzePipeline {

    /** The operator that totals each field of a {@code field_group} fold. */
    private static final Map<GroupOperator, GroupOperator> TOTALS = Map.of(
            GroupOperator.COUNT, GroupOperator.SUM,
            GroupOperator.SUM, GroupOperator.SUM,
            GroupOperator.AVERAGE, GroupOperator.AVERAGE,
            GroupOperator.MAX, GroupOperator.MAX,
            GroupOperator.MIN, GroupOperator.MIN);
    static final String TOTAL_PREFIX = "_total_";

    private AnalyzePipeline() {
    }

    static List<AggregateStage> stages(TableSchema schema, AnalyzeQuery query) {
        List<AggregateStage.GroupKey> keys = new ArrayList<>(query.groupBy());
        if (query.granularity() != null) {
            keys.add(new AggregateStage.GroupKey(schema.dateKey(), AnalyzeQuery.DATE, query.granularity().dateFormat()));
        }
        List<AggregateStage> stages = new ArrayList<>();
        stages.add(new AggregateStage.Group(keys, query.fields()));
        List<String> keyNames = keys.stream().map(AggregateStage.GroupKey::name).toList();
        if (!query.select().isEmpty()) {
            stages.add(new AggregateStage.Project(query.select(), true));
            Set<String> selected = Set.copyOf(query.select().stream().map(AggregateStage.ProjectField::name).toList());
            keyNames = keyNames.stream().filter(selected::contains).toList();
        }
        List<SortKey> sort = query.sort();
        if (!query.fieldGroup().isEmpty()) {
            for (int index = 0; index < query.fieldGroup().size(); index++) {
                if (!keyNames.contains(query.fieldGroup().get(index))) {
                    throw new InvalidQueryException("field_group[" + index + "]",
                            "'" + query.fieldGroup().get(index) + "' is not a group key of this query");
                }
            }
            List<String> remaining = keyNames.stream().filter(name -> !query.fieldGroup().contains(name)).toList();
            stages.add(fold(remaining, query.fieldGroup(), query.fields()));
            keyNames = remaining;
            Set<String> fieldNames = Set.copyOf(query.fields().stream().map(AggregateStage.GroupField::name).toList());
            sort = sort.stream()
                    .map(key -> fieldNames.contains(key.key()) ? new SortKey(TOTAL_PREFIX + key.key(), key.desc()) : key)
                    .toList();
        }
        if (sort.isEmpty()) {
            sort = keyNames.stream().map(name -> new SortKey(name, false)).toList();
        }
        if (!sort.isEmpty()) {
            stages.add(new AggregateStage.Sort(sort));
        }
        return stages;
    }

    /** The second group of a fold: each field becomes a list of {@code {value, <folded keys>}} plus its total. */
    private static AggregateStage.Group fold(List<String> remaining, List<String> folded,
                                             List<AggregateStage.GroupField> fields) {
        List<AggregateStage.GroupKey> keys = remaining.stream().map(name -> new AggregateStage.GroupKey(name, name)).toList();
        List<AggregateStage.GroupField> folds = new ArrayList<>();
        for (AggregateStage.GroupField field : fields) {
            List<AggregateStage.NamedKey> parts = new ArrayList<>();
            parts.add(new AggregateStage.NamedKey(field.name(), "value"));
            folded.forEach(name -> parts.add(new AggregateStage.NamedKey(name, name)));
            folds.add(new AggregateStage.GroupField(null, field.name(), GroupOperator.PUSH, parts, List.of()));
            GroupOperator total = TOTALS.get(field.operator());
            if (total != null) {
                folds.add(new AggregateStage.GroupField(field.name(), TOTAL_PREFIX + field.name(), total));
            }
        }
        return new AggregateStage.Group(keys, folds);
    }
}
