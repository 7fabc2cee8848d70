package dev.canopy.query;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Compiles queries over one table to parameterized PostgreSQL. Real columns compile to columns;
 * every other key compiles to a {@code doc #> path} expression. Each statement starts from a scope
 * condition given by the caller (the tenant and, later, the projects it may see), which the query
 * can only narrow. Thread-safe.
 *
 * <p>This is the platform's first, minimal compiler: conditions support {@code eq, not, in,
 * not_in, exists}, statistics support a {@code group} stage with {@code count} fields followed by
 * {@code sort} and {@code limit}. Anything else is rejected as not supported yet, never ignored.
 */
public final class QueryCompiler {

    private final int maxPageLimit;
    private final Clock clock;

    /**
     * @param maxPageLimit the most rows one page may return, whatever the query asks
     * @param clock        the time {@code timediff_*} conditions are relative to
     */
    public QueryCompiler(int maxPageLimit, Clock clock) {
        if (maxPageLimit < 1) {
            throw new IllegalArgumentException("maxPageLimit must be positive");
        }
        this.maxPageLimit = maxPageLimit;
        this.clock = clock;
    }

    public QueryCompiler(int maxPageLimit) {
        this(maxPageLimit, Clock.systemUTC());
    }

    /**
     * The statement of an analyze query: its rows (one {@code jsonb} object each, at most
     * {@code limit + 1} so that the caller can tell whether more remain) and the page size.
     */
    public record AnalyzeStatements(SqlStatement rows, int limit) {
    }

    public AnalyzeStatements compileAnalyze(TableSchema schema, SqlStatement scope, AnalyzeQuery query) {
        throw new InvalidQueryException("", "analyze is not supported yet");
    }

    /**
     * The statements of one query: the page of rows, the count before paging, and the row limit the
     * page was given (so a caller can tell a full page from the last one).
     */
    public record ListStatements(SqlStatement rows, SqlStatement count, int limit) {
    }

    public ListStatements compileList(TableSchema schema, SqlStatement scope, Query query) {
        Sql where = where(schema, scope, query.filter(), query.filterOr());
        keyword(schema, query.keyword(), where);

        Sql rows = new Sql().append("SELECT doc FROM " + schema.table() + " WHERE ").append(where);
        rows.append(" ORDER BY ");
        List<SortKey> sort = query.sort().isEmpty() ? schema.defaultSort() : query.sort();
        for (int index = 0; index < sort.size(); index++) {
            SortKey key = sort.get(index);
            rows.append(operand(schema, KeyPath.parse(key.key(), "sort[" + index + "].key")));
            rows.append(key.desc() ? " DESC NULLS LAST, " : " ASC NULLS FIRST, ");
        }
        rows.append("created_at, id");
        int limit = page(query.page(), rows);

        Sql count = new Sql().append("SELECT count(*) FROM " + schema.table() + " WHERE ").append(where);
        return new ListStatements(rows.statement(), count.statement(), limit);
    }

    /**
     * Compiles a statistics query into one statement returning one {@code jsonb} object per result
     * row, and a second counting the rows before paging.
     */
    public ListStatements compileStatistics(TableSchema schema, SqlStatement scope, StatisticsQuery query) {
        Sql where = where(schema, scope, query.filter(), query.filterOr());
        List<AggregateStage> stages = query.aggregate();
        if (!(stages.get(0) instanceof AggregateStage.Group group)) {
            throw new InvalidQueryException("aggregate[0]", "the pipeline must start with a group stage for now");
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        Sql inner = new Sql().append("SELECT ");
        List<String> selected = new ArrayList<>();
        for (int index = 0; index < group.keys().size(); index++) {
            AggregateStage.GroupKey key = group.keys().get(index);
            String alias = "k" + index;
            Sql expression = operand(schema, KeyPath.parse(key.key(), "aggregate[0].group.keys[" + index + "].key"));
            inner.append(selected.isEmpty() ? "" : ", ").append(expression).append(" AS " + alias);
            selected.add(alias);
            putAlias(aliases, key.name(), alias, "aggregate[0].group.keys[" + index + "].name");
        }
        for (int index = 0; index < group.fields().size(); index++) {
            AggregateStage.GroupField field = group.fields().get(index);
            String at = "aggregate[0].group.fields[" + index + "]";
            if (field.operator() != GroupOperator.COUNT) {
                throw new InvalidQueryException(at + ".operator",
                        "operator '" + field.operator().wireName() + "' is not supported yet");
            }
            String alias = "f" + index;
            inner.append(selected.isEmpty() ? "" : ", ").append("count(*) AS " + alias);
            selected.add(alias);
            putAlias(aliases, field.name(), alias, at + ".name");
        }
        inner.append(" FROM " + schema.table() + " WHERE ").append(where);
        if (!group.keys().isEmpty()) {
            inner.append(" GROUP BY ").append(String.join(", ", selected.subList(0, group.keys().size())));
        }

        Sql rows = new Sql().append("SELECT jsonb_build_object(");
        int column = 0;
        for (Map.Entry<String, String> output : aliases.entrySet()) {
            rows.append(column++ == 0 ? "" : ", ").append("?", output.getKey()).append(", g." + output.getValue());
        }
        rows.append(") FROM (").append(inner).append(") g");
        int limit = stagesAfterGroup(stages, aliases, rows);
        Page page = query.page();
        if (limit > 0 && (!page.limited() || limit < page.limit())) {
            page = new Page(page.start(), limit);
        }
        int pageLimit = page(page, rows);

        Sql count = new Sql().append("SELECT count(*) FROM (").append(inner).append(") g");
        return new ListStatements(rows.statement(), count.statement(), pageLimit);
    }

    private static int stagesAfterGroup(List<AggregateStage> stages, Map<String, String> aliases, Sql rows) {
        List<String> order = new ArrayList<>();
        int limit = 0;
        for (int index = 1; index < stages.size(); index++) {
            AggregateStage stage = stages.get(index);
            if (stage instanceof AggregateStage.Sort sort) {
                order.clear();
                for (int keyIndex = 0; keyIndex < sort.keys().size(); keyIndex++) {
                    SortKey key = sort.keys().get(keyIndex);
                    String alias = aliases.get(key.key());
                    if (alias == null) {
                        throw new InvalidQueryException("aggregate[" + index + "].sort.keys[" + keyIndex + "].key",
                                "'" + key.key() + "' is not an output of the group stage");
                    }
                    order.add("g." + alias + (key.desc() ? " DESC NULLS LAST" : " ASC NULLS FIRST"));
                }
            } else if (stage instanceof AggregateStage.Limit stageLimit) {
                limit = limit == 0 ? stageLimit.count() : Math.min(limit, stageLimit.count());
            } else {
                throw new InvalidQueryException("aggregate[" + index + "]", "only sort and limit may follow group for now");
            }
        }
        if (!order.isEmpty()) {
            rows.append(" ORDER BY ").append(String.join(", ", order));
        }
        return limit;
    }

    private static void putAlias(Map<String, String> aliases, String name, String alias, String where) {
        if (aliases.putIfAbsent(name, alias) != null) {
            throw new InvalidQueryException(where, "output name '" + name + "' is used twice");
        }
    }

    private Sql where(TableSchema schema, SqlStatement scope, List<Condition> filter, List<Condition> filterOr) {
        Sql where = new Sql().append("(" + scope.sql() + ")", scope.parameters().toArray());
        for (int index = 0; index < filter.size(); index++) {
            where.append(" AND ").append(condition(schema, filter.get(index), "filter[" + index + "]"));
        }
        if (!filterOr.isEmpty()) {
            where.append(" AND (");
            for (int index = 0; index < filterOr.size(); index++) {
                where.append(index == 0 ? "" : " OR ")
                        .append(condition(schema, filterOr.get(index), "filter_or[" + index + "]"));
            }
            where.append(")");
        }
        return where;
    }

    private static void keyword(TableSchema schema, String keyword, Sql where) {
        if (keyword == null || schema.keywordKeys().isEmpty()) {
            return;
        }
        String pattern = "%" + keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        where.append(" AND (");
        for (int index = 0; index < schema.keywordKeys().size(); index++) {
            KeyPath key = KeyPath.parse(schema.keywordKeys().get(index), "keyword");
            Optional<Column> column = schema.column(key.key());
            where.append(index == 0 ? "" : " OR ");
            if (column.isPresent()) {
                where.append(column.get().name() + "::text ILIKE ?", pattern);
            } else {
                where.append("doc #>> CAST(? AS text[]) ILIKE ?", key.arrayLiteral(), pattern);
            }
        }
        where.append(")");
    }

    private static Sql condition(TableSchema schema, Condition condition, String where) {
        KeyPath key = KeyPath.parse(condition.key(), where + ".k");
        Optional<Column> column = schema.column(key.key());
        return switch (condition.operator()) {
            case EQ -> column.map(c -> columnEquals(c, condition.value()))
                    .orElseGet(() -> pathEquals(key, condition.value()));
            case NOT -> negation(column.map(c -> columnEquals(c, condition.value()))
                    .orElseGet(() -> pathEquals(key, condition.value())));
            case IN -> anyOf(key, column, condition.value());
            case NOT_IN -> negation(anyOf(key, column, condition.value()));
            case EXISTS -> new Sql().append(operand(schema, key))
                    .append(condition.value().booleanValue() ? " IS NOT NULL" : " IS NULL");
            default -> throw new InvalidQueryException(where + ".o",
                    "operator '" + condition.operator().wireName() + "' is not supported yet");
        };
    }

    /** Holds when {@code positive} is false or unknown, so a missing value counts as "not equal". */
    private static Sql negation(Sql positive) {
        return new Sql().append("NOT ((").append(positive).append(") IS TRUE)");
    }

    private static Sql anyOf(KeyPath key, Optional<Column> column, JsonNode values) {
        Sql any = new Sql().append("(FALSE");
        for (JsonNode value : values) {
            any.append(" OR ").append(column.map(c -> columnEquals(c, value)).orElseGet(() -> pathEquals(key, value)));
        }
        return any.append(")");
    }

    /** Equality with MongoDB's rules: null matches a missing value, a value of another type never matches. */
    private static Sql columnEquals(Column column, JsonNode value) {
        if (value.isNull()) {
            return new Sql().append(column.name() + " IS NULL");
        }
        return bindable(column.type(), value)
                .map(bound -> new Sql().append(column.name() + " = ?", bound))
                .orElseGet(() -> new Sql().append("FALSE"));
    }

    private static Sql pathEquals(KeyPath key, JsonNode value) {
        if (value.isNull()) {
            return new Sql().append("(doc #> CAST(? AS text[]) IS NULL OR doc #> CAST(? AS text[]) = 'null'::jsonb)",
                    key.arrayLiteral(), key.arrayLiteral());
        }
        return new Sql().append("doc #> CAST(? AS text[]) = CAST(? AS jsonb)", key.arrayLiteral(), value.toString());
    }

    private static Optional<Object> bindable(ColumnType type, JsonNode value) {
        return switch (type) {
            case TEXT -> value.isString() ? Optional.of(value.asString()) : Optional.empty();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong()
                    ? Optional.of(value.longValue()) : Optional.empty();
            case BOOLEAN -> value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
            case TIMESTAMP -> value.isString() ? parseInstant(value.asString()) : Optional.empty();
        };
    }

    private static Optional<Object> parseInstant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Sql operand(TableSchema schema, KeyPath key) {
        return schema.column(key.key())
                .map(column -> new Sql().append(column.name()))
                .orElseGet(() -> new Sql().append("doc #> CAST(? AS text[])", key.arrayLiteral()));
    }

    private int page(Page page, Sql rows) {
        int limit = page.limited() ? Math.min(page.limit(), maxPageLimit) : maxPageLimit;
        rows.append(" LIMIT ? OFFSET ?", limit, (long) page.start() - 1);
        return limit;
    }

    /** A growing SQL fragment and its parameters. */
    private static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();

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

        SqlStatement statement() {
            return new SqlStatement(text.toString(), parameters);
        }
    }
}
