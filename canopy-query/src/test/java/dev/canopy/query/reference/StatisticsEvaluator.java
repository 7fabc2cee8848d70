package dev.canopy.query.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.canopy.query.AggregateStage;
import dev.canopy.query.Condition;
import dev.canopy.query.KeyPath;
import dev.canopy.query.Page;
import dev.canopy.query.SortKey;
import dev.canopy.query.StatisticsQuery;
import dev.canopy.query.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs statistics pipelines over in-memory documents as docs/query.md ("Statistics query")
 * defines them. Inside the pipeline keys read through objects only.
 */
public final class StatisticsEvaluator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final TableSchema schema;
    private final int maxPageLimit;
    private final Filters filters;
    private final ReferenceEvaluator order;

    public StatisticsEvaluator(TableSchema schema, int maxPageLimit, Instant now) {
        this.schema = schema;
        this.maxPageLimit = maxPageLimit;
        this.filters = new Filters(schema, now);
        this.order = new ReferenceEvaluator(schema, maxPageLimit, now);
    }

    /**
     * The result rows. When the pipeline ends in a sort followed only by limit and skip,
     * {@code sorted} holds the rows as the sort left them and {@code from}/{@code rows} the slice
     * that remains, so that a caller can accept any order among ties; otherwise {@code sorted} is null.
     *
     * @param total the number of rows before the query's page
     */
    public record Result(List<ObjectNode> rows, long total, List<ObjectNode> sorted, List<SortKey> sortKeys,
                         int from) {
    }

    public Result run(List<ObjectNode> documents, StatisticsQuery query) {
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode document : documents) {
            if (filters.matches(document, query.filter(), query.filterOr())) {
                rows.add(document.deepCopy());
            }
        }
        List<String> lastGroupKeys = List.of();
        List<ObjectNode> sorted = null;
        List<SortKey> sortKeys = null;
        int from = 0;
        for (AggregateStage stage : query.aggregate()) {
            if (stage instanceof AggregateStage.Group group) {
                rows = group(rows, group);
                lastGroupKeys = group.keys().stream().map(AggregateStage.GroupKey::name).toList();
                sorted = null;
            } else if (stage instanceof AggregateStage.Unwind unwind) {
                rows = unwind(rows, unwind.path());
                sorted = null;
            } else if (stage instanceof AggregateStage.Count count) {
                rows = rows.isEmpty() ? List.of() : List.of(NODES.objectNode().put(count.name(), rows.size()));
                sorted = null;
            } else if (stage instanceof AggregateStage.Sort sort) {
                rows = new ArrayList<>(rows);
                rows.sort(order.documentOrder(sort.keys())::compare);
                sorted = rows;
                sortKeys = sort.keys();
                from = 0;
            } else if (stage instanceof AggregateStage.Project project) {
                rows = project(rows, project, lastGroupKeys);
                sorted = null;
            } else if (stage instanceof AggregateStage.Limit limit) {
                rows = rows.subList(0, Math.min(rows.size(), limit.count()));
            } else if (stage instanceof AggregateStage.Skip skip) {
                int skipped = Math.min(rows.size(), skip.count());
                rows = rows.subList(skipped, rows.size());
                from += skipped;
            }
        }
        long total = rows.size();
        Page page = query.page();
        int limit = page.limited() ? Math.min(page.limit(), maxPageLimit) : maxPageLimit;
        int start = Math.min(rows.size(), Math.max(page.start(), 1) - 1);
        rows = rows.subList(start, Math.min(rows.size(), start + limit));
        from += start;
        return new Result(List.copyOf(rows), total, sorted, sortKeys, from);
    }

    /** The value at a key of a row, through objects only; null when missing. */
    static JsonNode at(JsonNode row, String key) {
        return ReferenceEvaluator.sortValue(row, key);
    }

    // ---- group -------------------------------------------------------------------------------

    private record Bucket(List<JsonNode> key, List<ObjectNode> rows) {
    }

    /** One row per distinct combination of the group's key values, in order of first appearance. */
    List<ObjectNode> group(List<ObjectNode> rows, AggregateStage.Group group) {
        List<Bucket> buckets = new ArrayList<>();
        for (ObjectNode row : rows) {
            List<JsonNode> key = new ArrayList<>();
            for (AggregateStage.GroupKey groupKey : group.keys()) {
                JsonNode value = at(row, groupKey.key());
                if (groupKey.dateFormat() != null) {
                    value = dateFormat(value, groupKey.dateFormat());
                }
                key.add(value == null ? NODES.nullNode() : value);
            }
            Bucket bucket = null;
            for (Bucket candidate : buckets) {
                if (sameKey(candidate.key(), key)) {
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
        if (buckets.isEmpty() && group.keys().isEmpty()) {
            // MongoDB: a group with no keys over no rows yields no row
            return List.of();
        }
        List<ObjectNode> results = new ArrayList<>();
        for (Bucket bucket : buckets) {
            ObjectNode result = NODES.objectNode();
            for (int index = 0; index < group.keys().size(); index++) {
                result.set(group.keys().get(index).name(), bucket.key().get(index));
            }
            for (AggregateStage.GroupField field : group.fields()) {
                result.set(field.name(), accumulate(bucket.rows(), field));
            }
            results.add(result);
        }
        return results;
    }

    private static boolean sameKey(List<JsonNode> a, List<JsonNode> b) {
        for (int index = 0; index < a.size(); index++) {
            if (!Json.deepEquals(a.get(index), b.get(index))) {
                return false;
            }
        }
        return true;
    }

    private JsonNode accumulate(List<ObjectNode> rows, AggregateStage.GroupField field) {
        switch (field.operator()) {
            case COUNT -> {
                return NODES.numberNode(rows.stream().filter(row -> passes(row, field.conditions())).count());
            }
            case SUM, AVERAGE -> {
                BigDecimal sum = BigDecimal.ZERO;
                int count = 0;
                for (ObjectNode row : rows) {
                    JsonNode value = passes(row, field.conditions()) ? at(row, field.key()) : NODES.numberNode(0);
                    if (value != null && value.isNumber()) {
                        sum = sum.add(value.decimalValue());
                        count++;
                    }
                }
                if (field.operator() == dev.canopy.query.GroupOperator.SUM) {
                    return NODES.numberNode(sum);
                }
                return count == 0 ? NODES.nullNode()
                        : NODES.numberNode(sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64));
            }
            case MAX, MIN -> {
                JsonNode best = null;
                for (ObjectNode row : rows) {
                    JsonNode value = at(row, field.key());
                    if (value == null || !(value.isNumber() || value.isString())) {
                        continue;
                    }
                    int order = best == null ? 0 : Json.compareForSort(value, best);
                    if (best == null || (field.operator() == dev.canopy.query.GroupOperator.MAX ? order > 0 : order < 0)) {
                        best = value;
                    }
                }
                return best == null ? NODES.nullNode() : best;
            }
            case PUSH -> {
                ArrayNode list = NODES.arrayNode();
                for (ObjectNode row : rows) {
                    if (field.fields().isEmpty()) {
                        JsonNode value = at(row, field.key());
                        if (value != null) {
                            list.add(value);
                        }
                    } else {
                        ObjectNode item = list.addObject();
                        for (AggregateStage.NamedKey named : field.fields()) {
                            JsonNode value = at(row, named.key());
                            if (value != null) {
                                item.set(named.name(), value);
                            }
                        }
                    }
                }
                return list;
            }
            case ADD_TO_SET -> {
                ArrayNode set = NODES.arrayNode();
                for (ObjectNode row : rows) {
                    JsonNode value = at(row, field.key());
                    if (value != null && Json.elements(set).stream().noneMatch(seen -> Json.deepEquals(seen, value))) {
                        set.add(value);
                    }
                }
                return set;
            }
            case MERGE_OBJECTS -> {
                ObjectNode merged = NODES.objectNode();
                for (ObjectNode row : rows) {
                    JsonNode value = at(row, field.key());
                    if (value != null && value.isObject()) {
                        merged.setAll((ObjectNode) value);
                    }
                }
                return merged;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Group field conditions read the row's value through objects and compare it whole. */
    static boolean passes(ObjectNode row, List<Condition> conditions) {
        for (Condition condition : conditions) {
            JsonNode value = at(row, condition.key());
            JsonNode expected = condition.value();
            boolean holds = switch (condition.operator()) {
                case EQ -> equalsWhole(value, expected);
                case NOT -> !equalsWhole(value, expected);
                case LT, LTE, GT, GTE -> {
                    Integer order = value == null ? null : Json.compareSameType(value, expected);
                    yield order != null && switch (condition.operator()) {
                        case LT -> order < 0;
                        case LTE -> order <= 0;
                        case GT -> order > 0;
                        default -> order >= 0;
                    };
                }
                default -> throw new IllegalArgumentException("condition operator " + condition.operator());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsWhole(JsonNode value, JsonNode expected) {
        if (expected.isNull()) {
            return value == null || value.isNull();
        }
        return value != null && !value.isContainer() && Json.scalarEquals(value, expected);
    }

    /** A date-time value formatted by a group key's date_format; null for values that are not date-times. */
    static JsonNode dateFormat(JsonNode value, String format) {
        if (value == null || !value.isString()) {
            return NODES.nullNode();
        }
        Optional<Instant> instant = DateTimes.parse(value.asString());
        if (instant.isEmpty()) {
            return NODES.nullNode();
        }
        ZonedDateTime time = instant.get().atZone(ZoneOffset.UTC);
        switch (format) {
            case "year" -> {
                return NODES.numberNode(time.getYear());
            }
            case "month" -> {
                return NODES.numberNode(time.getMonthValue());
            }
            case "day" -> {
                return NODES.numberNode(time.getDayOfMonth());
            }
            default -> {
            }
        }
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < format.length(); index++) {
            char c = format.charAt(index);
            if (c != '%' || index + 1 >= format.length()) {
                text.append(c);
                continue;
            }
            char spec = format.charAt(++index);
            switch (spec) {
                case 'Y' -> text.append(String.format("%04d", time.getYear()));
                case 'm' -> text.append(String.format("%02d", time.getMonthValue()));
                case 'd' -> text.append(String.format("%02d", time.getDayOfMonth()));
                case 'H' -> text.append(String.format("%02d", time.getHour()));
                case 'M' -> text.append(String.format("%02d", time.getMinute()));
                case 'S' -> text.append(String.format("%02d", time.getSecond()));
                case 'j' -> text.append(String.format("%03d", time.getDayOfYear()));
                case '%' -> text.append('%');
                default -> text.append('%').append(spec);
            }
        }
        return NODES.stringNode(text.toString());
    }

    // ---- unwind and project ------------------------------------------------------------------

    private static List<ObjectNode> unwind(List<ObjectNode> rows, String path) {
        List<String> segments = KeyPath.parse(path, "unwind").segments();
        List<ObjectNode> results = new ArrayList<>();
        for (ObjectNode row : rows) {
            JsonNode value = at(row, path);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isArray()) {
                results.add(row);
                continue;
            }
            for (JsonNode element : value) {
                ObjectNode copy = row.deepCopy();
                ObjectNode parent = copy;
                for (String segment : segments.subList(0, segments.size() - 1)) {
                    parent = (ObjectNode) parent.get(segment);
                }
                parent.set(segments.get(segments.size() - 1), element);
                results.add(copy);
            }
        }
        return results;
    }

    static List<ObjectNode> project(List<ObjectNode> rows, AggregateStage.Project project, List<String> groupKeys) {
        List<ObjectNode> results = new ArrayList<>();
        for (ObjectNode row : rows) {
            ObjectNode result = NODES.objectNode();
            if (!project.excludeKeys()) {
                for (String key : groupKeys) {
                    if (row.has(key)) {
                        result.set(key, row.get(key));
                    }
                }
            }
            for (AggregateStage.ProjectField field : project.fields()) {
                JsonNode value = projectValue(row, field);
                if (value != null) {
                    result.set(field.name(), value);
                }
            }
            results.add(result);
        }
        return results;
    }

    private static JsonNode projectValue(ObjectNode row, AggregateStage.ProjectField field) {
        if (field.operator() == null) {
            return at(row, field.key());
        }
        return switch (field.operator()) {
            case SIZE -> {
                JsonNode array = at(row, field.key());
                yield array != null && array.isArray() ? NODES.numberNode(array.size()) : NODES.nullNode();
            }
            case SUM -> {
                JsonNode array = at(row, field.key());
                if (array == null || !array.isArray()) {
                    yield NODES.nullNode();
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (JsonNode element : array) {
                    if (element.isNumber()) {
                        sum = sum.add(element.decimalValue());
                    }
                }
                yield NODES.numberNode(sum);
            }
            default -> {
                BigDecimal value = arithmetic(row, field.operator(), field.operands());
                yield value == null ? NODES.nullNode() : NODES.numberNode(value);
            }
        };
    }

    private static BigDecimal arithmetic(ObjectNode row, dev.canopy.query.ProjectOperator operator,
                                         List<AggregateStage.Operand> operands) {
        List<BigDecimal> values = new ArrayList<>();
        for (AggregateStage.Operand operand : operands) {
            BigDecimal value;
            if (operand instanceof AggregateStage.Operand.Number number) {
                value = number.value();
            } else if (operand instanceof AggregateStage.Operand.Key key) {
                JsonNode node = at(row, key.key());
                value = node != null && node.isNumber() ? node.decimalValue() : null;
            } else {
                AggregateStage.Operand.Operation operation = (AggregateStage.Operand.Operation) operand;
                value = arithmetic(row, operation.operator(), operation.operands());
            }
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        BigDecimal result = values.get(0);
        for (BigDecimal value : values.subList(1, values.size())) {
            switch (operator) {
                case ADD -> result = result.add(value);
                case SUBTRACT -> result = result.subtract(value);
                case MULTIPLY -> result = result.multiply(value);
                case DIVIDE -> {
                    if (value.signum() == 0) {
                        return null;
                    }
                    result = result.divide(value, MathContext.DECIMAL64);
                }
                default -> throw new IllegalArgumentException(operator.toString());
            }
        }
        return result;
    }
}
