package dev.canopy.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

/**
 * Compiles filter conditions to SQL over one row source: a table (whose declared columns are read
 * directly, so that their indexes serve) or the {@code jsonb} rows of a pipeline stage. Document
 * keys compile to jsonpath, whose lax mode gives MongoDB's array semantics; the jsonpath text is
 * bound, never spliced into the SQL.
 */
final class ConditionCompiler {

    private final TableSchema schema;
    private final String document;
    private final Clock clock;

    /**
     * @param schema   the table's schema, or null when the rows are not a table's
     * @param document the SQL name of the {@code jsonb} document column ({@code doc}, {@code r})
     */
    ConditionCompiler(TableSchema schema, String document, Clock clock) {
        this.schema = schema;
        this.document = document;
        this.clock = clock;
    }

    /** All of {@code filter} and one of {@code filterOr}; {@code TRUE} when both are empty. */
    Sql where(List<Condition> filter, List<Condition> filterOr, String filterName, String filterOrName) {
        List<Sql> all = new ArrayList<>();
        for (int index = 0; index < filter.size(); index++) {
            all.add(condition(filter.get(index), filterName + "[" + index + "]"));
        }
        if (!filterOr.isEmpty()) {
            List<Sql> any = new ArrayList<>();
            for (int index = 0; index < filterOr.size(); index++) {
                any.add(condition(filterOr.get(index), filterOrName + "[" + index + "]"));
            }
            all.add(new Sql().append("(").join(" OR ", any).append(")"));
        }
        return all.isEmpty() ? Sql.of("TRUE") : new Sql().join(" AND ", all);
    }

    /** One condition; {@code where} names it in errors ({@code filter[2]}). */
    Sql condition(Condition condition, String where) {
        KeyPath key = KeyPath.parse(condition.key(), where + ".k");
        JsonNode value = condition.value();
        String at = where + ".v";
        Optional<Column> column = schema == null ? Optional.empty() : schema.column(key.key());
        return switch (condition.operator()) {
            case EQ -> equalsAny(key, column, List.of(value));
            case NOT -> negation(equalsAny(key, column, List.of(value)));
            case IN -> equalsAny(key, column, items(value));
            case NOT_IN -> negation(equalsAny(key, column, items(value)));
            case LT, LTE, GT, GTE -> ordered(key, column, comparison(condition.operator()), requireOrderable(value, at));
            case EXISTS -> exists(key, value.booleanValue());
            case CONTAIN -> contains(key, column, List.of(requireText(value, at)));
            case NOT_CONTAIN -> negation(contains(key, column, List.of(requireText(value, at))));
            case CONTAIN_IN -> contains(key, column, texts(value, at));
            case NOT_CONTAIN_IN -> negation(contains(key, column, texts(value, at)));
            case LIKE -> like(key, column, requireLike(requireText(value, at), at));
            case REGEX -> regex(key, column, List.of(requireRegex(requireText(value, at), at)));
            case REGEX_IN -> regex(key, column, texts(value, at).stream().map(regex -> requireRegex(regex, at)).toList());
            case DATETIME_LT, DATETIME_LTE, DATETIME_GT, DATETIME_GTE ->
                    dateTime(key, column, comparison(condition.operator()), dateTimeValue(value, at));
            case TIMEDIFF_LT, TIMEDIFF_LTE, TIMEDIFF_GT, TIMEDIFF_GTE ->
                    dateTime(key, column, comparison(condition.operator()), timediffValue(value, at));
        };
    }

    /** Holds when {@code positive} is false or unknown: a missing value counts as "not matching". */
    static Sql negation(Sql positive) {
        return new Sql().append("(").append(positive).append(") IS NOT TRUE");
    }

    private Sql equalsAny(KeyPath key, Optional<Column> column, List<JsonNode> values) {
        boolean matchesNull = values.stream().anyMatch(JsonNode::isNull);
        List<JsonNode> scalars = values.stream().filter(value -> !value.isNull()).toList();
        if (column.isPresent()) {
            Column c = column.get();
            List<Object> bound = new ArrayList<>();
            for (JsonNode scalar : scalars) {
                ColumnValues.bindable(c.type(), scalar).ifPresent(bound::add);
            }
            List<Sql> any = new ArrayList<>();
            if (bound.size() == 1) {
                any.add(Sql.of(c.name() + " = ?", bound.get(0)));
            } else if (!bound.isEmpty()) {
                any.add(Sql.of(c.name() + " IN (" + String.join(", ", java.util.Collections.nCopies(bound.size(), "?")) + ")",
                        bound.toArray()));
            }
            if (matchesNull) {
                any.add(Sql.of(c.name() + " IS NULL"));
            }
            return any.isEmpty() ? Sql.of("FALSE") : new Sql().append("(").join(" OR ", any).append(")");
        }
        List<Sql> any = new ArrayList<>();
        if (!scalars.isEmpty()) {
            any.add(pathMatches(JsonPath.filter(key, JsonPath.anyEquals(scalars))));
        }
        if (matchesNull) {
            any.add(negation(pathMatches(JsonPath.path(key))));
            any.add(pathMatches(JsonPath.filter(key, "@ == null")));
        }
        return any.isEmpty() ? Sql.of("FALSE") : new Sql().append("(").join(" OR ", any).append(")");
    }

    private Sql ordered(KeyPath key, Optional<Column> column, String comparison, JsonNode value) {
        if (column.isPresent()) {
            Column c = column.get();
            return ColumnValues.bindable(c.type(), value)
                    .map(bound -> Sql.of(c.name() + " " + comparison + " ?", bound))
                    .orElseGet(() -> Sql.of("FALSE"));
        }
        return pathMatches(JsonPath.filter(key, "@ " + comparison + " " + JsonPath.literal(value)));
    }

    private Sql exists(KeyPath key, boolean exists) {
        Sql present = pathMatches(JsonPath.path(key));
        return exists ? present : negation(present);
    }

    private Sql contains(KeyPath key, Optional<Column> column, List<String> texts) {
        if (texts.isEmpty()) {
            return Sql.of("FALSE");
        }
        if (column.isPresent() && column.get().type() == ColumnType.TEXT) {
            List<Sql> any = texts.stream().map(text -> Sql.of(column.get().name() + " ILIKE ?", Patterns.containsLike(text))).toList();
            return new Sql().append("(").join(" OR ", any).append(")");
        }
        List<String> predicates = texts.stream().map(text -> "@ like_regex " + JsonPath.string(text) + " flag \"iq\"").toList();
        return pathMatches(JsonPath.filter(key, String.join(" || ", predicates)));
    }

    private Sql like(KeyPath key, Optional<Column> column, String pattern) {
        if (column.isPresent() && column.get().type() == ColumnType.TEXT) {
            return Sql.of(column.get().name() + " ILIKE ?", pattern);
        }
        return pathMatches(JsonPath.filter(key,
                "@ like_regex " + JsonPath.string(Patterns.likeToRegex(pattern)) + " flag \"is\""));
    }

    private Sql regex(KeyPath key, Optional<Column> column, List<String> regexes) {
        if (regexes.isEmpty()) {
            return Sql.of("FALSE");
        }
        if (column.isPresent() && column.get().type() == ColumnType.TEXT) {
            List<Sql> any = regexes.stream().map(regex -> Sql.of(column.get().name() + " ~* ?", regex)).toList();
            return new Sql().append("(").join(" OR ", any).append(")");
        }
        List<String> predicates = regexes.stream().map(regex -> "@ like_regex " + JsonPath.string(regex) + " flag \"is\"").toList();
        return pathMatches(JsonPath.filter(key, String.join(" || ", predicates)));
    }

    private Sql dateTime(KeyPath key, Optional<Column> column, String comparison, Instant instant) {
        if (column.isPresent() && column.get().type() == ColumnType.TIMESTAMP) {
            return Sql.of(column.get().name() + " " + comparison + " ?", DateTimes.utc(instant));
        }
        // "[*]" and the filter each unwrap one array level; ".datetime()" itself unwraps none. The
        // regex keeps to the ISO forms of docs/query.md, which .datetime() alone reads more loosely.
        String path = JsonPath.path(key) + "[*] ? (@ like_regex " + JsonPath.string(DateTimes.STORED_FORM)
                + " && @.datetime() " + comparison + " " + JsonPath.string(DateTimes.jsonPathText(instant)) + ".datetime())";
        // The _tz form lets date-times without an offset compare; sessions run in UTC.
        return Sql.of("jsonb_path_exists_tz(" + document + ", CAST(? AS jsonpath))", path);
    }

    /** {@code doc @? path}; JDBC reads a lone {@code ?} as a placeholder, so the operator is written {@code @??}. */
    private Sql pathMatches(String path) {
        return Sql.of(document + " @?? CAST(? AS jsonpath)", path);
    }

    private static String comparison(Operator operator) {
        return switch (operator) {
            case LT, DATETIME_LT, TIMEDIFF_LT -> "<";
            case LTE, DATETIME_LTE, TIMEDIFF_LTE -> "<=";
            case GT, DATETIME_GT, TIMEDIFF_GT -> ">";
            case GTE, DATETIME_GTE, TIMEDIFF_GTE -> ">=";
            default -> throw new IllegalArgumentException(operator + " is not an ordering operator");
        };
    }

    private static List<JsonNode> items(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    private static JsonNode requireOrderable(JsonNode value, String where) {
        if (value.isNull()) {
            throw new InvalidQueryException(where, "null cannot be ordered against; use eq or exists");
        }
        return value;
    }

    private static String requireText(JsonNode value, String where) {
        if (!value.isString()) {
            throw new InvalidQueryException(where, "must be a string");
        }
        return value.asString();
    }

    private static List<String> texts(JsonNode list, String where) {
        List<String> texts = new ArrayList<>();
        for (int index = 0; index < list.size(); index++) {
            texts.add(requireText(list.get(index), where + "[" + index + "]"));
        }
        return texts;
    }

    private static String requireRegex(String regex, String where) {
        Patterns.regexProblem(regex).ifPresent(problem -> {
            throw new InvalidQueryException(where, problem);
        });
        return regex;
    }

    private static String requireLike(String like, String where) {
        Patterns.likeProblem(like).ifPresent(problem -> {
            throw new InvalidQueryException(where, problem);
        });
        return like;
    }

    private static Instant dateTimeValue(JsonNode value, String where) {
        return DateTimes.parse(requireText(value, where)).orElseThrow(() ->
                new InvalidQueryException(where, "'" + value.asString() + "' is not an ISO-8601 date or date-time"));
    }

    private Instant timediffValue(JsonNode value, String where) {
        return DateTimes.resolveTimediff(requireText(value, where), clock).orElseThrow(() ->
                new InvalidQueryException(where, "'" + value.asString()
                        + "' is not a relative time such as now-7d, now/d+9h or now/m"));
    }
}
