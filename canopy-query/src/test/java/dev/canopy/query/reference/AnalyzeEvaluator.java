package dev.canopy.query.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.canopy.query.AggregateStage;
import dev.canopy.query.AnalyzeQuery;
import dev.canopy.query.Granularity;
import dev.canopy.query.GroupOperator;
import dev.canopy.query.Page;
import dev.canopy.query.SortKey;
import dev.canopy.query.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs analyze queries over in-memory documents as docs/query.md ("Analyze query") defines them,
 * on top of the statistics pipeline's group and project: the matching documents within
 * {@code start}/{@code end}, grouped by {@code group_by} and the {@code date} bucket, reshaped by
 * {@code select}, folded by {@code field_group}, sorted and paged. Written from the document,
 * independently of the compiler's analyze pipeline.
 */
public final class AnalyzeEvaluator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final String TOTAL_PREFIX = "_total_";

    private final TableSchema schema;
    private final int maxPageLimit;
    private final Filters filters;
    private final ReferenceEvaluator order;
    private final StatisticsEvaluator statistics;

    public AnalyzeEvaluator(TableSchema schema, int maxPageLimit, Instant now) {
        this.schema = schema;
        this.maxPageLimit = maxPageLimit;
        this.filters = new Filters(schema, now);
        this.order = new ReferenceEvaluator(schema, maxPageLimit, now);
        this.statistics = new StatisticsEvaluator(schema, maxPageLimit, now);
    }

    /**
     * The page of rows and whether rows remain after it. {@code sorted} holds every row in the order
     * the sort left them (ties in an arbitrary order), {@code sortKeys} the keys that define that
     * order (none when there is at most one row to order), so that a caller can accept any order
     * among ties.
     */
    public record Result(List<ObjectNode> rows, boolean more, List<ObjectNode> sorted, List<SortKey> sortKeys,
                         int from) {
    }

    public Result run(List<ObjectNode> documents, AnalyzeQuery query) {
        // filter, filter_or, then start and end
        Instant from = query.start() == null ? null : periodStart(query.start());
        Instant until = query.end() == null ? null : periodEnd(query.end());
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode document : documents) {
            if (!filters.matches(document, query.filter(), query.filterOr())) {
                continue;
            }
            if (from != null || until != null) {
                Optional<Instant> date = date(document);
                if (date.isEmpty() || (from != null && date.get().isBefore(from))
                        || (until != null && !date.get().isBefore(until))) {
                    continue;
                }
            }
            rows.add(document.deepCopy());
        }

        // group by the keys and the date bucket
        List<AggregateStage.GroupKey> keys = new ArrayList<>(query.groupBy());
        if (query.granularity() != null) {
            keys.add(new AggregateStage.GroupKey(schema.dateKey(), AnalyzeQuery.DATE, format(query.granularity())));
        }
        rows = statistics.group(rows, new AggregateStage.Group(keys, query.fields()));
        List<String> keyNames = keys.stream().map(AggregateStage.GroupKey::name).toList();

        // select: rows keep only the selected names; the group keys they keep stay group keys
        if (!query.select().isEmpty()) {
            rows = StatisticsEvaluator.project(rows, new AggregateStage.Project(query.select(), true), List.of());
            Set<String> selected = query.select().stream().map(AggregateStage.ProjectField::name)
                    .collect(Collectors.toSet());
            keyNames = keyNames.stream().filter(selected::contains).toList();
        }

        // field_group: fold the named keys into each field's list
        List<SortKey> sort = query.sort();
        if (!query.fieldGroup().isEmpty()) {
            List<String> folded = query.fieldGroup();
            List<String> remaining = keyNames.stream().filter(name -> !folded.contains(name)).toList();
            rows = fold(rows, remaining, folded, query.fields());
            keyNames = remaining;
            Set<String> fieldNames = query.fields().stream().map(AggregateStage.GroupField::name)
                    .collect(Collectors.toSet());
            sort = sort.stream()
                    .map(key -> fieldNames.contains(key.key()) ? new SortKey(TOTAL_PREFIX + key.key(), key.desc()) : key)
                    .toList();
        }

        // without a sort, by the group keys the rows carry, ascending
        if (sort.isEmpty()) {
            sort = keyNames.stream().map(name -> new SortKey(name, false)).toList();
        }
        List<ObjectNode> sorted = new ArrayList<>(rows);
        sorted.sort(order.documentOrder(sort)::compare);

        Page page = query.page();
        int limit = page.limited() ? Math.min(page.limit(), maxPageLimit) : maxPageLimit;
        int start = Math.min(sorted.size(), Math.max(page.start(), 1) - 1);
        int end = Math.min(sorted.size(), start + limit);
        return new Result(List.copyOf(sorted.subList(start, end)), sorted.size() > end, List.copyOf(sorted),
                sort, start);
    }

    /** The date-time at the kind's date key, read through objects; empty when it is not a date-time. */
    private Optional<Instant> date(ObjectNode document) {
        JsonNode value = StatisticsEvaluator.at(document, schema.dateKey());
        if (value == null || !value.isString()) {
            return Optional.empty();
        }
        return DateTimes.parse(value.asString());
    }

    /** The date bucket's text form: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}. */
    private static String format(Granularity granularity) {
        return switch (granularity) {
            case DAILY -> "%Y-%m-%d";
            case MONTHLY -> "%Y-%m";
            case YEARLY -> "%Y";
        };
    }

    /** The first instant of the period {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} names (UTC). */
    static Instant periodStart(String period) {
        return firstDay(period).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the period. */
    static Instant periodEnd(String period) {
        LocalDate first = firstDay(period);
        LocalDate next = switch (period.length()) {
            case 4 -> first.plusYears(1);
            case 7 -> first.plusMonths(1);
            default -> first.plusDays(1);
        };
        return next.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static LocalDate firstDay(String period) {
        String[] parts = period.split("-");
        return LocalDate.of(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 1,
                parts.length > 2 ? Integer.parseInt(parts[2]) : 1);
    }

    // ---- field_group -------------------------------------------------------------------------

    private record Bucket(List<JsonNode> key, List<ObjectNode> rows) {
    }

    /**
     * Groups the rows by the remaining keys; each field becomes the list of {@code {value, <folded
     * keys>}} of the group's rows (a missing member left out), and {@code _total_<field>} its total.
     */
    private static List<ObjectNode> fold(List<ObjectNode> rows, List<String> remaining, List<String> folded,
                                         List<AggregateStage.GroupField> fields) {
        List<Bucket> buckets = new ArrayList<>();
        for (ObjectNode row : rows) {
            List<JsonNode> key = new ArrayList<>();
            for (String name : remaining) {
                JsonNode value = row.get(name);
                key.add(value == null ? NODES.nullNode() : value);
            }
            Bucket bucket = null;
            for (Bucket candidate : buckets) {
                boolean same = true;
                for (int index = 0; index < key.size() && same; index++) {
                    same = Json.deepEquals(candidate.key().get(index), key.get(index));
                }
                if (same) {
                    bucket = candidate;
                    break;
                }
            }
            if (bucket == null) {
                bucket = new Bucket(key, new ArrayList<>());
                buckets.add(bucket);
            }
            bucket.rows().add(row);
        }
        List<ObjectNode> results = new ArrayList<>();
        for (Bucket bucket : buckets) {
            ObjectNode result = NODES.objectNode();
            for (int index = 0; index < remaining.size(); index++) {
                result.set(remaining.get(index), bucket.key().get(index));
            }
            for (AggregateStage.GroupField field : fields) {
                ArrayNode list = result.putArray(field.name());
                List<JsonNode> values = new ArrayList<>();
                for (ObjectNode row : bucket.rows()) {
                    ObjectNode item = list.addObject();
                    JsonNode value = row.get(field.name());
                    if (value != null) {
                        item.set("value", value);
                        values.add(value);
                    }
                    for (String name : folded) {
                        if (row.has(name)) {
                            item.set(name, row.get(name));
                        }
                    }
                }
                JsonNode total = total(field.operator(), values);
                if (total != null) {
                    result.set(TOTAL_PREFIX + field.name(), total);
                }
            }
            results.add(result);
        }
        return results;
    }

    /**
     * The total of a folded field: the sum for count and sum, the same operator for average, max and
     * min (as the group operators define them over the values), none for the others.
     */
    private static JsonNode total(GroupOperator operator, List<JsonNode> values) {
        switch (operator) {
            case COUNT, SUM, AVERAGE -> {
                BigDecimal sum = BigDecimal.ZERO;
                int count = 0;
                for (JsonNode value : values) {
                    if (value.isNumber()) {
                        sum = sum.add(value.decimalValue());
                        count++;
                    }
                }
                if (operator != GroupOperator.AVERAGE) {
                    return NODES.numberNode(sum);
                }
                return count == 0 ? NODES.nullNode()
                        : NODES.numberNode(sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64));
            }
            case MAX, MIN -> {
                JsonNode best = null;
                for (JsonNode value : values) {
                    if (!(value.isNumber() || value.isString())) {
                        continue;
                    }
                    int order = best == null ? 0 : Json.compareForSort(value, best);
                    if (best == null || (operator == GroupOperator.MAX ? order > 0 : order < 0)) {
                        best = value;
                    }
                }
                return best == null ? NODES.nullNode() : best;
            }
            default -> {
                return null;
            }
        }
    }
}
