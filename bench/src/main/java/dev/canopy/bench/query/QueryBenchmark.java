package dev.canopy.bench.query;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.canopy.bench.BenchLauncher;
import dev.canopy.bench.BenchmarkFailure;
import dev.canopy.bench.CleanupStack;
import dev.canopy.query.InvalidQueryException;
import dev.canopy.query.QueryCompiler;
import dev.canopy.query.QueryParser;
import dev.canopy.query.SqlStatement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Canopy's query benchmark: Cloudforet queries compiled by {@code canopy-query} against the same
 * queries written by hand in SQL, on one embedded PostgreSQL holding a generated
 * {@code cloud_resource} table. Per query it checks that both return the same rows, then times them
 * alternately and prints the medians, the ratio compiled / hand-written, the absolute targets and
 * the indexes each plan uses. Results go to stdout, progress to stderr.
 *
 * <p>Run it through {@code bench/query.sh}; see {@code bench/README.md}.
 */
public final class QueryBenchmark {

    /** Compiled SQL may take at most this multiple of the hand-written SQL's median. */
    static final double TARGET_RATIO = 1.5;
    /** Runs before timing starts: enough for pgjdbc and PostgreSQL to settle on a server-side plan. */
    static final int WARM_UP_RUNS = 10;
    /** A statement slower than this gets only two warm-up runs. */
    static final double SLOW_MILLIS = 500;
    static final int MAX_PAGE_LIMIT = 1000;

    private static final String DB_USER = "postgres";
    private static final String DATABASE = "postgres";

    private final QueryBenchOptions options;
    private final CleanupStack cleanup;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final QueryCompiler compiler = new QueryCompiler(MAX_PAGE_LIMIT, Clock.systemUTC());
    private final ResultComparison comparison = new ResultComparison();
    private final List<String> summary = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private QueryBenchmark(QueryBenchOptions options, CleanupStack cleanup, PrintStream out) {
        this.options = options;
        this.cleanup = cleanup;
        this.out = out;
    }

    /** Entry point; exit code 0 when every query ran and matched (whatever the timings), 1 otherwise, 2 on bad usage. */
    public static void main(String[] args) {
        BenchLauncher.launch(args, QueryBenchOptions::parse, QueryBenchOptions::help, QueryBenchOptions.USAGE,
                "canopy-query-bench", (options, cleanup) -> new QueryBenchmark(options, cleanup, System.out).run() ? 0 : 1);
    }

    /** True when every query compiled or was reported unsupported, and every compared result matched. */
    private boolean run() throws Exception {
        out.println("available_processors=" + Runtime.getRuntime().availableProcessors());
        out.println("jvm_version=" + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
        out.println("documents=" + options.documents());
        out.println("rounds=" + options.rounds() + " runs_per_round=" + options.runs()
                + " warm_up_runs=" + WARM_UP_RUNS + " (2 for statements slower than " + (int) SLOW_MILLIS + " ms)");
        out.println("seed=" + options.seed());
        out.println("database_fsync=off (bulk loading only; every measured statement is read-only)");

        progress("starting embedded PostgreSQL");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .start();
        cleanup.push("close embedded PostgreSQL", postgres::close);
        // plan_cache_mode as a startup option, so that the RESET after a generic EXPLAIN returns to it.
        String url = postgres.getJdbcUrl(DB_USER, DATABASE) + "&options=-c%20plan_cache_mode%3D" + options.planCacheMode();
        try (Connection connection = DriverManager.getConnection(url, DB_USER, "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TIME ZONE 'UTC'"); // as the server's sessions
            }
            printSettings(connection);
            load(connection);
            SqlRunner runner = new SqlRunner(connection);
            for (BenchQuery query : BenchQuery.all()) {
                benchmark(runner, query);
            }
        }
        out.println();
        out.println("## summary (median ms; ratio = compiled / hand-written, target <= " + TARGET_RATIO + ")");
        summary.forEach(out::println);
        if (!failures.isEmpty()) {
            out.println();
            out.println("FAILED: " + String.join("; ", failures));
        }
        return failures.isEmpty();
    }

    private void printSettings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String setting : List.of("server_version", "shared_buffers", "work_mem", "maintenance_work_mem",
                    "max_parallel_workers_per_gather", "jit", "plan_cache_mode", "TimeZone")) {
                try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
                    result.next();
                    out.println("pg_" + setting + "=" + result.getString(1));
                }
            }
        }
    }

    private void load(Connection connection) throws Exception {
        CloudResourceTable.create(connection);
        progress("loading " + options.documents() + " documents with COPY");
        long start = System.nanoTime();
        CloudResourceTable.load(connection, options.documents(), options.seed());
        long loaded = System.nanoTime();
        progress("creating " + CloudResourceTable.INDEXES.size() + " indexes");
        CloudResourceTable.createIndexes(connection);
        long indexed = System.nanoTime();
        progress("VACUUM ANALYZE");
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE cloud_resource");
        }
        long analyzed = System.nanoTime();
        out.printf(Locale.ROOT, "load_copy_ms=%d%n", (loaded - start) / 1_000_000);
        out.printf(Locale.ROOT, "load_indexes_ms=%d%n", (indexed - loaded) / 1_000_000);
        out.printf(Locale.ROOT, "load_vacuum_analyze_ms=%d%n", (analyzed - indexed) / 1_000_000);
        out.printf(Locale.ROOT, "load_total_ms=%d%n", (analyzed - start) / 1_000_000);
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_size_pretty(pg_table_size('cloud_resource')),"
                     + " pg_size_pretty(pg_indexes_size('cloud_resource')),"
                     + " (SELECT count(*) FROM cloud_resource WHERE domain_id = '" + BenchQuery.DOMAIN + "')")) {
            result.next();
            out.println("table_size=" + result.getString(1) + " indexes_size=" + result.getString(2));
            out.println("queried_domain=" + BenchQuery.DOMAIN + " documents_in_domain=" + result.getLong(3));
        }
        out.println("indexes:");
        CloudResourceTable.INDEXES.forEach(index -> out.println("  " + index));
    }

    /** The compiled statements of a query, or why there are none. */
    private record Compiled(SqlStatement rows, SqlStatement count, String unsupported) {
    }

    private Compiled compile(BenchQuery query) {
        JsonNode node = json.readTree(query.json());
        SqlStatement scope = SqlStatement.of("domain_id = ?", BenchQuery.DOMAIN);
        try {
            return switch (query.kind()) {
                case LIST -> {
                    QueryCompiler.ListStatements list =
                            compiler.compileList(CloudResourceTable.SCHEMA, scope, QueryParser.parseQuery(node));
                    yield new Compiled(list.rows(), list.count(), null);
                }
                case STAT -> new Compiled(compiler.compileStatistics(CloudResourceTable.SCHEMA, scope,
                        QueryParser.parseStatisticsQuery(node)).rows(), null, null);
                case ANALYZE -> new Compiled(compiler.compileAnalyze(CloudResourceTable.SCHEMA, scope,
                        QueryParser.parseAnalyzeQuery(node)).rows(), null, null);
            };
        } catch (InvalidQueryException e) {
            if (e.getMessage() != null && e.getMessage().contains("not supported yet")) {
                return new Compiled(null, null, (e.key().isEmpty() ? "" : e.key() + ": ") + e.getMessage());
            }
            throw new BenchmarkFailure(query.name() + ": the query is invalid: "
                    + (e.key().isEmpty() ? "" : e.key() + ": ") + e.getMessage());
        }
    }

    private void benchmark(SqlRunner runner, BenchQuery query) throws SQLException {
        progress("query " + query.name());
        out.println();
        out.println("## " + query.name() + " (" + query.kind().name().toLowerCase(Locale.ROOT) + ")");
        out.println("cloudforet: " + json.writeValueAsString(json.readTree(query.json())));
        Compiled compiled = compile(query);
        printStatement("hand rows", query.handRows());
        if (query.handCount() != null) {
            printStatement("hand count", query.handCount());
        }
        if (compiled.unsupported() != null) {
            out.println("compiled: NOT SUPPORTED YET (" + compiled.unsupported() + "); timing the hand-written SQL alone");
        } else {
            printStatement("compiled rows", compiled.rows());
            if (compiled.count() != null) {
                printStatement("compiled count", compiled.count());
            }
            if (!matches(runner, query, compiled)) {
                return;
            }
        }

        boolean withCount = query.handCount() != null;
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("rows", statements(compiled.rows()), List.of(query.handRows())));
        if (withCount) {
            parts.add(new Part("count", statements(compiled.count()), List.of(query.handCount())));
            parts.add(new Part("rows+count", compiled.rows() == null ? null : List.of(compiled.rows(), compiled.count()),
                    List.of(query.handRows(), query.handCount())));
        }
        for (Part part : parts) {
            measure(runner, query, part);
        }
        explain(runner, query, "rows", compiled.rows(), query.handRows(), query.expectedRows());
        if (withCount) {
            explain(runner, query, "count", compiled.count(), query.handCount(), query.expectedCount());
        }
    }

    private static List<SqlStatement> statements(SqlStatement statement) {
        return statement == null ? null : List.of(statement);
    }

    private record Part(String name, List<SqlStatement> compiled, List<SqlStatement> hand) {
    }

    private boolean matches(SqlRunner runner, BenchQuery query, Compiled compiled) {
        try {
            List<List<String>> handRows = runner.rows(query.handRows());
            List<List<String>> compiledRows = runner.rows(compiled.rows());
            Optional<String> difference = comparison.difference(compiledRows, handRows, query.ordered());
            if (difference.isEmpty() && query.handCount() != null) {
                difference = comparison.difference(runner.rows(compiled.count()), runner.rows(query.handCount()), true)
                        .map(text -> "count: " + text);
            }
            if (difference.isPresent()) {
                out.println("RESULT MISMATCH: " + difference.get());
                out.println("(not timed: the two statements do not answer the same question)");
                failures.add(query.name() + ": result mismatch");
                summary.add(String.format(Locale.ROOT, "%-28s RESULT MISMATCH", query.name()));
                return false;
            }
            out.println("results: identical (" + handRows.size() + " rows" + (query.ordered() ? ", same order" : "") + ")");
            return true;
        } catch (SQLException e) {
            out.println("COMPILED STATEMENT FAILED: " + e.getMessage());
            failures.add(query.name() + ": compiled statement failed");
            summary.add(String.format(Locale.ROOT, "%-28s COMPILED STATEMENT FAILED", query.name()));
            return false;
        }
    }

    private void measure(SqlRunner runner, BenchQuery query, Part part) throws SQLException {
        String label = query.name() + "." + part.name();
        progress("timing " + label);
        boolean both = part.compiled() != null;
        double first = Math.max(millis(runner.time(part.hand())), both ? millis(runner.time(part.compiled())) : 0);
        int warmUp = first > SLOW_MILLIS ? 1 : WARM_UP_RUNS - 1;
        for (int run = 0; run < warmUp; run++) {
            runner.time(part.hand());
            if (both) {
                runner.time(part.compiled());
            }
        }
        List<Double> compiled = new ArrayList<>();
        List<Double> hand = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            boolean compiledFirst = round % 2 == 1;
            for (int side = 0; side < 2; side++) {
                boolean compiledSide = compiledFirst == (side == 0);
                if (compiledSide && !both) {
                    continue;
                }
                for (int run = 0; run < options.runs(); run++) {
                    double elapsed = millis(runner.time(compiledSide ? part.compiled() : part.hand()));
                    (compiledSide ? compiled : hand).add(elapsed);
                }
            }
        }
        double handMedian = median(hand);
        String targetText = query.targetMillis() > 0 && !part.name().equals("count")
                ? String.format(Locale.ROOT, "< %.0f ms", query.targetMillis()) : null;
        if (!both) {
            out.printf(Locale.ROOT, "%s compiled=NOT_SUPPORTED_YET hand_median_ms=%.2f hand_min_ms=%.2f runs=%d%n",
                    label, handMedian, min(hand), hand.size());
            summary.add(String.format(Locale.ROOT, "%-28s compiled=%10s  hand=%9.2f  ratio=  n/a", label, "n/a", handMedian));
            return;
        }
        double compiledMedian = median(compiled);
        double ratio = compiledMedian / handMedian;
        String printedRatio = String.format(Locale.ROOT, "%.2f", ratio);
        out.printf(Locale.ROOT, "%s compiled_median_ms=%.2f hand_median_ms=%.2f ratio=%s"
                        + " (min %.2f / %.2f ms, %d runs each)%n",
                label, compiledMedian, handMedian, printedRatio, min(compiled), min(hand), compiled.size());
        boolean ratioPass = Double.parseDouble(printedRatio) <= TARGET_RATIO;
        out.printf(Locale.ROOT, "target %s: ratio <= %.1f -> %s%n", label, TARGET_RATIO, ratioPass ? "PASS" : "FAIL");
        String absolute = "";
        if (targetText != null) {
            boolean pass = compiledMedian < query.targetMillis();
            out.printf(Locale.ROOT, "target %s: compiled median %s -> %s%n", label, targetText, pass ? "PASS" : "FAIL");
            absolute = "  " + targetText + ": " + (pass ? "PASS" : "FAIL");
        }
        summary.add(String.format(Locale.ROOT, "%-28s compiled=%10.2f  hand=%9.2f  ratio=%5s %s%s", label,
                compiledMedian, handMedian, printedRatio, ratioPass ? "PASS" : "FAIL", absolute));
    }

    private void explain(SqlRunner runner, BenchQuery query, String part, SqlStatement compiled, SqlStatement hand,
                         List<String> expected) throws SQLException {
        String label = query.name() + "." + part;
        String expectedText = expected.isEmpty() ? "any (a sequential scan of the domain is fine)" : String.join("|", expected);
        Plans handPlans = plans(runner, hand);
        if (compiled == null) {
            out.println("indexes " + label + ": compiled=n/a hand=" + handPlans.paths() + " expected=" + expectedText);
            printPlans(label + " hand-written", handPlans);
            return;
        }
        Plans compiledPlans = plans(runner, compiled);
        // The generic plan counts only when the sessions may switch to it (plan_cache_mode auto).
        boolean genericMatters = "auto".equals(options.planCacheMode());
        boolean ok = expected.isEmpty() || (expected.stream().anyMatch(compiledPlans.customPaths()::contains)
                && (!genericMatters || expected.stream().anyMatch(compiledPlans.genericPaths()::contains)));
        out.println("indexes " + label + ": compiled=" + compiledPlans.paths() + " hand=" + handPlans.paths()
                + " expected=" + expectedText + " -> " + (ok ? "OK" : "EXPECTED INDEX NOT USED"));
        printPlans(label + " compiled", compiledPlans);
        printPlans(label + " hand-written", handPlans);
    }

    /** The custom plan (for the bound values) and the generic plan of one statement. */
    private record Plans(String custom, Set<String> customPaths, String generic, Set<String> genericPaths) {
        String paths() {
            String customText = QueryBenchmark.paths(customPaths);
            return customPaths.equals(genericPaths) ? customText
                    : customText + " (generic plan: " + QueryBenchmark.paths(genericPaths) + ")";
        }
    }

    private static Plans plans(SqlRunner runner, SqlStatement statement) throws SQLException {
        String custom = runner.explain(statement);
        String generic = runner.explainGeneric(statement);
        return new Plans(custom, SqlRunner.accessPaths(custom), generic, SqlRunner.accessPaths(generic));
    }

    private void printPlans(String label, Plans plans) {
        out.println("plan " + label + " (EXPLAIN ANALYZE, custom plan for the bound values):");
        out.print(indent(plans.custom()));
        if (!plans.customPaths().equals(plans.genericPaths())) {
            out.println("plan " + label + " (EXPLAIN ANALYZE, generic plan):");
            out.print(indent(plans.generic()));
        }
    }

    private static String paths(Set<String> paths) {
        return paths.isEmpty() ? "(none)" : String.join(",", paths);
    }

    private void printStatement(String label, SqlStatement statement) {
        out.println(label + ": " + statement.sql().replaceAll("\\s+", " "));
        out.println("  parameters: " + Arrays.deepToString(statement.parameters().toArray()));
    }

    private static String indent(String text) {
        StringBuilder indented = new StringBuilder();
        for (String line : text.split("\n")) {
            indented.append("    ").append(line).append('\n');
        }
        return indented.toString();
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
