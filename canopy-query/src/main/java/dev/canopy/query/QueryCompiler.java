package dev.canopy.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.StringNode;

/**
 * Compiles queries over one table to parameterized PostgreSQL; the semantics are those of
 * docs/query.md. Declared columns compile to columns; every other key compiles to jsonpath or
 * {@code doc #> path}. Each statement starts from a scope condition given by the caller (the
 * tenant and the projects it may see), which the query can only narrow. Thread-safe.
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
     * The statements of a list or statistics query: the page of rows, the count before paging,
     * and the row limit the page was given (so a caller can tell a full page from the last one).
     */
    public record ListStatements(SqlStatement rows, SqlStatement count, int limit) {
    }

    /**
     * The statement of an analyze query: its rows (one {@code jsonb} object each, at most
     * {@code limit + 1} so that the caller can tell whether more remain) and the page size.
     */
    public record AnalyzeStatements(SqlStatement rows, int limit) {
    }

    /** A search query: rows select the {@code doc} column of each matching document. */
    public ListStatements compileList(TableSchema schema, SqlStatement scope, Query query) {
        Sql where = where(schema, scope, query.filter(), query.filterOr());
        keyword(schema, query.keyword()).ifPresent(keyword -> where.append(" AND ").append(keyword));

        List<Sql> order = new ArrayList<>();
        List<SortKey> sort = query.sort().isEmpty() ? schema.defaultSort() : query.sort();
        for (int index = 0; index < sort.size(); index++) {
            SortKey key = sort.get(index);
            KeyPath path = KeyPath.parse(key.key(), "sort[" + index + "].key");
            Optional<Column> column = schema.column(path.key());
            if (column.isPresent()) {
                order.add(SortOrder.ofColumn(column.get(), key.desc()));
            } else {
                order.addAll(SortOrder.ofJson(Sql.of("doc #> ?", (Object) path.array()), key.desc()));
            }
        }
        order.add(Sql.of("created_at, id"));
        Sql rows = new Sql().append("SELECT doc FROM " + schema.table() + " WHERE ").append(where)
                .append(" ORDER BY ").join(", ", order);
        int limit = page(query.page(), rows, 0);
        Sql count = new Sql().append("SELECT count(*) FROM " + schema.table() + " WHERE ").append(where);
        return new ListStatements(rows.statement(), count.statement(), limit);
    }

    /**
     * A statistics query: rows select one {@code jsonb} object per result row, and the count
     * statement counts the rows before paging.
     */
    public ListStatements compileStatistics(TableSchema schema, SqlStatement scope, StatisticsQuery query) {
        Sql where = where(schema, scope, query.filter(), query.filterOr());
        Sql pipeline = new Pipeline().compile(schema, where, query.aggregate());
        Sql rows = new Sql().append("SELECT p.r FROM (").append(pipeline).append(") p ORDER BY p.o");
        int limit = page(query.page(), rows, 0);
        Sql count = new Sql().append("SELECT count(*) FROM (").append(pipeline).append(") p");
        return new ListStatements(rows.statement(), count.statement(), limit);
    }

    /** An analyze query, compiled as the statistics pipeline it describes. */
    public AnalyzeStatements compileAnalyze(TableSchema schema, SqlStatement scope, AnalyzeQuery query) {
        List<Condition> filter = new ArrayList<>(query.filter());
        if (query.start() != null) {
            filter.add(new Condition(schema.dateKey(), StringNode.valueOf(periodStart(query.start(), "start").toString()),
                    Operator.DATETIME_GTE));
        }
        if (query.end() != null) {
            filter.add(new Condition(schema.dateKey(), StringNode.valueOf(periodEnd(query.end(), "end").toString()),
                    Operator.DATETIME_LT));
        }
        Sql where = where(schema, scope, filter, query.filterOr());
        List<AggregateStage> stages = AnalyzePipeline.stages(schema, query);
        Sql pipeline = new Pipeline().compile(schema, where, stages);
        Sql rows = new Sql().append("SELECT p.r FROM (").append(pipeline).append(") p ORDER BY p.o");
        int limit = page(query.page(), rows, 1);
        return new AnalyzeStatements(rows.statement(), limit);
    }

    private Sql where(TableSchema schema, SqlStatement scope, List<Condition> filter, List<Condition> filterOr) {
        return new Sql().append("(" + scope.sql() + ")", scope.parameters().toArray()).append(" AND ")
                .append(new ConditionCompiler(schema, "doc", clock).where(filter, filterOr, "filter", "filter_or"));
    }

    /** Cloudforet's keyword search: some keyword key contains some word of the keyword. */
    private Optional<Sql> keyword(TableSchema schema, String keyword) {
        if (keyword == null || keyword.isBlank() || schema.keywordKeys().isEmpty()) {
            return Optional.empty();
        }
        ArrayNode words = JsonNodeFactory.instance.arrayNode();
        for (String word : keyword.strip().split("\\s+")) {
            words.add(word);
        }
        ConditionCompiler conditions = new ConditionCompiler(schema, "doc", clock);
        List<Sql> any = new ArrayList<>();
        for (String key : schema.keywordKeys()) {
            any.add(conditions.condition(new Condition(key, words, Operator.CONTAIN_IN), "keyword"));
        }
        return Optional.of(new Sql().append("(").join(" OR ", any).append(")"));
    }

    /** Appends LIMIT and OFFSET, fetching {@code extra} rows past the page; returns the page size. */
    private int page(Page page, Sql rows, int extra) {
        int limit = page.limited() ? Math.min(page.limit(), maxPageLimit) : maxPageLimit;
        rows.append(" LIMIT ? OFFSET ?", limit + extra, (long) page.start() - 1);
        return limit;
    }

    /** The first day of the period {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} names. */
    static LocalDate periodStart(String period, String where) {
        try {
            return switch (period.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(period), 1, 1);
                case 7 -> YearMonth.parse(period).atDay(1);
                case 10 -> LocalDate.parse(period);
                default -> throw new InvalidQueryException(where, "must be YYYY, YYYY-MM or YYYY-MM-DD");
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidQueryException(where, "'" + period + "' is not a valid YYYY, YYYY-MM or YYYY-MM-DD");
        }
    }

    /** The first day after the period {@code period} names. */
    static LocalDate periodEnd(String period, String where) {
        LocalDate start = periodStart(period, where);
        return switch (period.length()) {
            case 4 -> start.plusYears(1);
            case 7 -> start.plusMonths(1);
            default -> start.plusDays(1);
        };
    }
}
