package dev.canopy.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Reads the JSON form of {@link Query} and {@link StatisticsQuery} strictly: unknown fields, wrong
 * types, bad keys and unknown operators are {@link InvalidQueryException}s naming the offending part.
 * Accepts Cloudforet's short and long condition names ({@code k/key}, {@code v/value},
 * {@code o/operator}) and both sort shapes (a list of keys, or one {@code {key, desc, keys}} object).
 */
public final class QueryParser {

    /** Longest {@code keyword} accepted; longer text is a mistake, not a search. */
    public static final int MAX_KEYWORD_LENGTH = 1024;
    /** Most conditions, sort keys or stages accepted in one list. */
    public static final int MAX_LIST_SIZE = 256;

    private static final Set<String> QUERY_FIELDS =
            Set.of("filter", "filter_or", "sort", "page", "only", "keyword", "count_only", "minimal");
    private static final Set<String> STATISTICS_FIELDS = Set.of("filter", "filter_or", "aggregate", "page");
    private static final Set<String> ANALYZE_FIELDS = Set.of("granularity", "start", "end", "group_by", "field_group",
            "fields", "select", "filter", "filter_or", "sort", "page");
    private static final Set<String> CONDITION_FIELDS = Set.of("k", "key", "v", "value", "o", "operator");

    private QueryParser() {
    }

    /** Parses a search query; {@code null} or JSON null is the query that matches everything. */
    public static Query parseQuery(JsonNode json) {
        if (json == null || json.isNull()) {
            return Query.ALL;
        }
        requireObject(json, "");
        requireKnownFields(json, QUERY_FIELDS, "");
        return new Query(
                conditions(json.get("filter"), "filter"),
                conditions(json.get("filter_or"), "filter_or"),
                sort(json.get("sort"), "sort"),
                page(json.get("page"), "page"),
                list(json.get("only"), "only", (item, where) -> KeyPath.parse(text(item, where), where).key()),
                keyword(json.get("keyword")),
                bool(json.get("count_only"), "count_only"),
                bool(json.get("minimal"), "minimal"));
    }

    /** Parses a statistics query; {@code aggregate} is required. */
    public static StatisticsQuery parseStatisticsQuery(JsonNode json) {
        if (json == null || json.isNull()) {
            throw new InvalidQueryException("aggregate", "a statistics query needs an aggregate pipeline");
        }
        requireObject(json, "");
        requireKnownFields(json, STATISTICS_FIELDS, "");
        List<AggregateStage> stages = list(json.get("aggregate"), "aggregate", QueryParser::stage);
        if (stages.isEmpty()) {
            throw new InvalidQueryException("aggregate", "a statistics query needs an aggregate pipeline");
        }
        return new StatisticsQuery(
                conditions(json.get("filter"), "filter"),
                conditions(json.get("filter_or"), "filter_or"),
                stages,
                page(json.get("page"), "page"));
    }

    /** Parses an analyze query; {@code fields} is required. */
    public static AnalyzeQuery parseAnalyzeQuery(JsonNode json) {
        if (json == null || json.isNull()) {
            throw new InvalidQueryException("fields", "an analyze query needs fields");
        }
        requireObject(json, "");
        requireKnownFields(json, ANALYZE_FIELDS, "");
        Granularity granularity = null;
        if (json.has("granularity") && !json.get("granularity").isNull()) {
            String name = text(json.get("granularity"), "granularity");
            granularity = java.util.Arrays.stream(Granularity.values()).filter(g -> g.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidQueryException("granularity", "must be DAILY, MONTHLY or YEARLY"));
        }
        String start = period(json.get("start"), "start");
        String end = period(json.get("end"), "end");
        List<AggregateStage.GroupKey> groupBy = list(json.get("group_by"), "group_by", (item, at) -> {
            if (item.isString()) {
                String key = key(item, at);
                return new AggregateStage.GroupKey(key, lastSegment(key, at));
            }
            return groupKey(item, at);
        });
        List<AggregateStage.GroupField> fields = namedObjects(json.get("fields"), "fields", (item, name, at) -> {
            requireObject(item, at);
            requireKnownFields(item, Set.of("key", "operator", "fields", "conditions"), at + ".");
            return groupField(item, name, at);
        });
        if (fields.isEmpty()) {
            throw new InvalidQueryException("fields", "an analyze query needs fields");
        }
        List<AggregateStage.ProjectField> select = namedObjects(json.get("select"), "select", (item, name, at) -> {
            if (item.isString()) {
                return new AggregateStage.ProjectField(key(item, at), name, null, List.of());
            }
            requireObject(item, at);
            requireKnownFields(item, Set.of("key", "operator", "fields"), at + ".");
            return projectField(item, name, at);
        });
        List<String> fieldGroup = list(json.get("field_group"), "field_group", (item, at) -> {
            String name = outputName(item, at);
            if (name.startsWith("_total_")) {
                throw new InvalidQueryException(at, "field_group names cannot start with _total_");
            }
            return name;
        });
        return new AnalyzeQuery(granularity, start, end, groupBy, fieldGroup, fields, select,
                conditions(json.get("filter"), "filter"),
                conditions(json.get("filter_or"), "filter_or"),
                sort(json.get("sort"), "sort"),
                page(json.get("page"), "page"));
    }

    private interface NamedItem<T> {
        T parse(JsonNode item, String name, String where);
    }

    /** {@code {name: item, ...}} in the order written. */
    private static <T> List<T> namedObjects(JsonNode json, String where, NamedItem<T> parser) {
        if (json == null || json.isNull()) {
            return List.of();
        }
        requireObject(json, where);
        if (json.size() > MAX_LIST_SIZE) {
            throw new InvalidQueryException(where, "has more than " + MAX_LIST_SIZE + " items");
        }
        List<T> items = new ArrayList<>();
        for (String name : json.propertyNames()) {
            String at = where + "." + name;
            items.add(parser.parse(json.get(name), outputName(stringNode(name), at), at));
        }
        return items;
    }

    private static String period(JsonNode json, String where) {
        if (json == null || json.isNull()) {
            return null;
        }
        String period = text(json, where);
        QueryCompiler.periodStart(period, where);
        return period;
    }

    private static List<Condition> conditions(JsonNode json, String where) {
        return list(json, where, QueryParser::condition);
    }

    private static Condition condition(JsonNode json, String where) {
        requireObject(json, where);
        requireKnownFields(json, CONDITION_FIELDS, where + ".");
        String keyField = json.has("k") ? "k" : "key";
        String valueField = json.has("v") ? "v" : "value";
        String operatorField = json.has("o") ? "o" : "operator";
        if (!json.has(keyField)) {
            throw new InvalidQueryException(where + ".k", "condition needs a key");
        }
        KeyPath key = KeyPath.parse(text(json.get(keyField), where + "." + keyField), where + "." + keyField);
        Operator operator = Operator.EQ;
        if (json.has(operatorField)) {
            String name = text(json.get(operatorField), where + "." + operatorField);
            operator = Operator.fromWireName(name).orElseThrow(() ->
                    new InvalidQueryException(where + "." + operatorField, "unknown operator '" + name + "'"));
        }
        JsonNode value = json.has(valueField) ? json.get(valueField) : NullNode.getInstance();
        requireValueShape(value, operator, where + "." + valueField);
        return new Condition(key.key(), value, operator);
    }

    private static void requireValueShape(JsonNode value, Operator operator, String where) {
        if (operator.takesList()) {
            if (!value.isArray()) {
                throw new InvalidQueryException(where, "operator '" + operator.wireName() + "' needs a list value");
            }
            if (value.size() > MAX_LIST_SIZE * 16) {
                throw new InvalidQueryException(where, "list value has more than " + MAX_LIST_SIZE * 16 + " items");
            }
            for (JsonNode item : value) {
                if (item.isContainer()) {
                    throw new InvalidQueryException(where, "list items must be strings, numbers, booleans or null");
                }
            }
        } else if (operator == Operator.EXISTS) {
            if (!value.isBoolean()) {
                throw new InvalidQueryException(where, "operator 'exists' needs true or false");
            }
        } else if (value.isContainer()) {
            throw new InvalidQueryException(where,
                    "operator '" + operator.wireName() + "' needs a string, number, boolean or null value");
        }
    }

    private static List<SortKey> sort(JsonNode json, String where) {
        if (json == null || json.isNull()) {
            return List.of();
        }
        if (json.isObject()) {
            // v1 shape: {key, desc} or {keys: [{key, desc}]}
            requireKnownFields(json, Set.of("key", "desc", "keys"), where + ".");
            if (json.has("keys")) {
                return list(json.get("keys"), where + ".keys", QueryParser::sortKey);
            }
            return List.of(sortKey(json, where));
        }
        return list(json, where, QueryParser::sortKey);
    }

    private static SortKey sortKey(JsonNode json, String where) {
        requireObject(json, where);
        requireKnownFields(json, Set.of("key", "desc"), where + ".");
        String key = KeyPath.parse(text(json.get("key"), where + ".key"), where + ".key").key();
        return new SortKey(key, bool(json.get("desc"), where + ".desc"));
    }

    private static Page page(JsonNode json, String where) {
        if (json == null || json.isNull()) {
            return Page.ALL;
        }
        requireObject(json, where);
        requireKnownFields(json, Set.of("start", "limit"), where + ".");
        int start = integer(json.get("start"), where + ".start", 1);
        int limit = integer(json.get("limit"), where + ".limit", 0);
        return new Page(Math.max(start, 1), Math.max(limit, 0));
    }

    private static AggregateStage stage(JsonNode json, String where) {
        requireObject(json, where);
        if (json.size() != 1) {
            throw new InvalidQueryException(where, "each stage is an object with exactly one stage name");
        }
        String name = json.propertyNames().iterator().next();
        JsonNode body = json.get(name);
        String at = where + "." + name;
        return switch (name) {
            case "group" -> group(body, at);
            case "unwind" -> {
                requireObject(body, at);
                requireKnownFields(body, Set.of("path"), at + ".");
                yield new AggregateStage.Unwind(key(body.get("path"), at + ".path"));
            }
            case "count" -> {
                requireObject(body, at);
                requireKnownFields(body, Set.of("name"), at + ".");
                yield new AggregateStage.Count(outputName(body.get("name"), at + ".name"));
            }
            case "sort" -> new AggregateStage.Sort(stageSortKeys(body, at));
            case "project" -> project(body, at);
            case "limit" -> new AggregateStage.Limit(positive(body, at));
            case "skip" -> new AggregateStage.Skip(nonNegative(body, at));
            default -> throw new InvalidQueryException(at, "unknown stage '" + name
                    + "'; stages are group, unwind, count, sort, project, limit and skip");
        };
    }

    private static AggregateStage.Group group(JsonNode json, String where) {
        requireObject(json, where);
        requireKnownFields(json, Set.of("keys", "fields"), where + ".");
        List<AggregateStage.GroupKey> keys = list(json.get("keys"), where + ".keys", QueryParser::groupKey);
        List<AggregateStage.GroupField> fields = list(json.get("fields"), where + ".fields", (item, at) -> {
            requireObject(item, at);
            requireKnownFields(item, Set.of("key", "name", "operator", "fields", "conditions"), at + ".");
            return groupField(item, outputName(item.get("name"), at + ".name"), at);
        });
        if (keys.isEmpty() && fields.isEmpty()) {
            throw new InvalidQueryException(where, "group needs keys or fields");
        }
        return new AggregateStage.Group(keys, fields);
    }

    private static AggregateStage.GroupKey groupKey(JsonNode item, String at) {
        requireObject(item, at);
        requireKnownFields(item, Set.of("key", "name", "date_format"), at + ".");
        String key = key(item.get("key"), at + ".key");
        String name = item.has("name") ? outputName(item.get("name"), at + ".name") : lastSegment(key, at + ".name");
        String dateFormat = null;
        if (item.has("date_format") && !item.get("date_format").isNull()) {
            dateFormat = text(item.get("date_format"), at + ".date_format");
            DateFormats.toCharPattern(dateFormat, at + ".date_format");
        }
        return new AggregateStage.GroupKey(key, name, dateFormat);
    }

    /** A group field from {@code {key?, operator, fields?, conditions?}}; {@code name} is given by the caller. */
    private static AggregateStage.GroupField groupField(JsonNode item, String name, String at) {
        String operatorName = text(item.get("operator"), at + ".operator");
        GroupOperator operator = GroupOperator.fromWireName(operatorName).orElseThrow(() ->
                new InvalidQueryException(at + ".operator", "unknown operator '" + operatorName
                        + "'; operators are count, sum, average, max, min, push, add_to_set and merge_objects"));
        String key = item.has("key") && !item.get("key").isNull() ? key(item.get("key"), at + ".key") : null;
        List<AggregateStage.NamedKey> fields = namedKeys(item.get("fields"), at + ".fields");
        List<Condition> conditions = conditions(item.get("conditions"), at + ".conditions");
        if (!fields.isEmpty() && operator != GroupOperator.PUSH) {
            throw new InvalidQueryException(at + ".fields", "only push takes fields");
        }
        if (!conditions.isEmpty() && !operator.takesConditions()) {
            throw new InvalidQueryException(at + ".conditions", "only count, sum and average take conditions");
        }
        for (int index = 0; index < conditions.size(); index++) {
            Operator conditionOperator = conditions.get(index).operator();
            if (!Set.of(Operator.EQ, Operator.NOT, Operator.LT, Operator.LTE, Operator.GT, Operator.GTE).contains(conditionOperator)) {
                throw new InvalidQueryException(at + ".conditions[" + index + "].operator",
                        "conditions take eq, not, lt, lte, gt and gte");
            }
        }
        if (key == null && operator != GroupOperator.COUNT && fields.isEmpty()) {
            throw new InvalidQueryException(at + ".key", "operator '" + operatorName + "' needs a key");
        }
        return new AggregateStage.GroupField(key, name, operator, fields, conditions);
    }

    /** {@code [{key, name}]} or, as analyze's push takes them, {@code {name: key}}. */
    private static List<AggregateStage.NamedKey> namedKeys(JsonNode json, String where) {
        if (json != null && json.isObject()) {
            List<AggregateStage.NamedKey> keys = new ArrayList<>();
            for (String name : json.propertyNames()) {
                keys.add(new AggregateStage.NamedKey(key(json.get(name), where + "." + name),
                        outputName(stringNode(name), where + "." + name)));
            }
            return keys;
        }
        return list(json, where, (item, at) -> {
            requireObject(item, at);
            requireKnownFields(item, Set.of("key", "name"), at + ".");
            String key = key(item.get("key"), at + ".key");
            String name = item.has("name") ? outputName(item.get("name"), at + ".name") : lastSegment(key, at + ".name");
            return new AggregateStage.NamedKey(key, name);
        });
    }

    private static AggregateStage.Project project(JsonNode json, String where) {
        requireObject(json, where);
        requireKnownFields(json, Set.of("fields", "exclude_keys"), where + ".");
        List<AggregateStage.ProjectField> fields = list(json.get("fields"), where + ".fields", (item, at) -> {
            requireObject(item, at);
            requireKnownFields(item, Set.of("key", "name", "operator", "fields"), at + ".");
            return projectField(item, outputName(item.get("name"), at + ".name"), at);
        });
        return new AggregateStage.Project(fields, bool(json.get("exclude_keys"), where + ".exclude_keys"));
    }

    private static AggregateStage.ProjectField projectField(JsonNode item, String name, String at) {
        if (!item.has("operator") || item.get("operator").isNull()) {
            return new AggregateStage.ProjectField(key(item.get("key"), at + ".key"), name, null, List.of());
        }
        ProjectOperator operator = projectOperator(item.get("operator"), at + ".operator");
        if (operator.readsKey()) {
            return new AggregateStage.ProjectField(key(item.get("key"), at + ".key"), name, operator, List.of());
        }
        return new AggregateStage.ProjectField(null, name, operator, operands(item.get("fields"), operator, at + ".fields"));
    }

    private static ProjectOperator projectOperator(JsonNode json, String where) {
        String name = text(json, where);
        return ProjectOperator.fromWireName(name).orElseThrow(() -> new InvalidQueryException(where,
                "unknown operator '" + name + "'; operators are size, sum, add, subtract, multiply and divide"));
    }

    private static List<AggregateStage.Operand> operands(JsonNode json, ProjectOperator operator, String where) {
        List<AggregateStage.Operand> operands = list(json, where, (item, at) -> {
            if (item.isNumber()) {
                return new AggregateStage.Operand.Number(item.decimalValue());
            }
            if (item.isString()) {
                return new AggregateStage.Operand.Key(key(item, at));
            }
            requireObject(item, at);
            requireKnownFields(item, Set.of("operator", "fields"), at + ".");
            ProjectOperator nested = projectOperator(item.get("operator"), at + ".operator");
            if (nested.readsKey()) {
                throw new InvalidQueryException(at + ".operator", "a nested operation must be add, subtract, multiply or divide");
            }
            return new AggregateStage.Operand.Operation(nested, operands(item.get("fields"), nested, at + ".fields"));
        });
        boolean twoOnly = operator == ProjectOperator.SUBTRACT || operator == ProjectOperator.DIVIDE;
        if (twoOnly ? operands.size() != 2 : operands.size() < 2) {
            throw new InvalidQueryException(where, "operator '" + operator.wireName() + "' needs "
                    + (twoOnly ? "exactly two" : "at least two") + " fields");
        }
        return operands;
    }

    private static String lastSegment(String key, String where) {
        String name = key.substring(key.lastIndexOf('.') + 1);
        return outputName(stringNode(name), where);
    }

    private static JsonNode stringNode(String text) {
        return tools.jackson.databind.node.StringNode.valueOf(text);
    }

    private static String key(JsonNode json, String where) {
        return KeyPath.parse(text(json, where), where).key();
    }

    private static List<SortKey> stageSortKeys(JsonNode json, String where) {
        requireObject(json, where);
        requireKnownFields(json, Set.of("key", "desc", "keys"), where + ".");
        if (json.has("keys")) {
            return list(json.get("keys"), where + ".keys", (item, at) -> {
                requireObject(item, at);
                requireKnownFields(item, Set.of("key", "desc"), at + ".");
                return new SortKey(outputName(item.get("key"), at + ".key"), bool(item.get("desc"), at + ".desc"));
            });
        }
        return List.of(new SortKey(outputName(json.get("key"), where + ".key"), bool(json.get("desc"), where + ".desc")));
    }

    private static String outputName(JsonNode json, String where) {
        String name = text(json, where);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_-]{0,63}")) {
            throw new InvalidQueryException(where, "name '" + name + "' must be a plain identifier");
        }
        return name;
    }

    private static String keyword(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        String keyword = text(json, "keyword");
        if (keyword.length() > MAX_KEYWORD_LENGTH) {
            throw new InvalidQueryException("keyword", "keyword is longer than " + MAX_KEYWORD_LENGTH + " characters");
        }
        return keyword.isBlank() ? null : keyword.strip();
    }

    private static <T> List<T> list(JsonNode json, String where, BiFunction<JsonNode, String, T> item) {
        if (json == null || json.isNull()) {
            return List.of();
        }
        if (!json.isArray()) {
            throw new InvalidQueryException(where, "must be a list");
        }
        if (json.size() > MAX_LIST_SIZE) {
            throw new InvalidQueryException(where, "has more than " + MAX_LIST_SIZE + " items");
        }
        List<T> items = new ArrayList<>(json.size());
        for (int index = 0; index < json.size(); index++) {
            items.add(item.apply(json.get(index), where + "[" + index + "]"));
        }
        return items;
    }

    /** {@code where} is empty for the query itself, which the caller names. */
    private static void requireObject(JsonNode json, String where) {
        if (json == null || !json.isObject()) {
            throw new InvalidQueryException(where, where.isEmpty() ? "the query must be an object" : "must be an object");
        }
    }

    private static void requireKnownFields(JsonNode json, Set<String> known, String prefix) {
        for (Iterator<String> names = json.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidQueryException(prefix + name, "unknown field '" + name + "'");
            }
        }
    }

    private static String text(JsonNode json, String where) {
        if (json == null || !json.isString()) {
            throw new InvalidQueryException(where, "must be a string");
        }
        return json.asString();
    }

    private static boolean bool(JsonNode json, String where) {
        if (json == null || json.isNull()) {
            return false;
        }
        if (!json.isBoolean()) {
            throw new InvalidQueryException(where, "must be true or false");
        }
        return json.booleanValue();
    }

    private static int integer(JsonNode json, String where, int absent) {
        if (json == null || json.isNull()) {
            return absent;
        }
        if (!json.isIntegralNumber() || !json.canConvertToInt()) {
            throw new InvalidQueryException(where, "must be an integer");
        }
        return json.intValue();
    }

    private static int nonNegative(JsonNode json, String where) {
        int value = integer(json, where, -1);
        if (value < 0) {
            throw new InvalidQueryException(where, "must be an integer of at least 0");
        }
        return value;
    }

    private static int positive(JsonNode json, String where) {
        int value = integer(json, where, -1);
        if (value < 1) {
            throw new InvalidQueryException(where, "must be a positive integer");
        }
        return value;
    }
}
