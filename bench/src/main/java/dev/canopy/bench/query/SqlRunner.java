package dev.canopy.bench.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.canopy.query.SqlStatement;

/**
 * Runs {@link SqlStatement}s on one connection the way the platform does: a prepared statement,
 * each parameter bound with {@code setObject}, every row read. pgjdbc's defaults apply, so after a
 * few executions a statement is prepared on the server and may get a generic plan, as in Canopy.
 */
final class SqlRunner {

    private static final Pattern INDEX_IN_PLAN =
            Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\\w+)");
    private static final Pattern SEQ_SCAN_IN_PLAN = Pattern.compile("Seq Scan on (\\w+)");

    private final Connection connection;

    SqlRunner(Connection connection) {
        this.connection = connection;
    }

    /** Every row, each as the text of its columns. */
    List<List<String>> rows(SqlStatement statement) throws SQLException {
        try (PreparedStatement prepared = prepare(statement.sql(), statement);
             ResultSet result = prepared.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Runs the statements one after the other, reading every row, and returns the elapsed nanoseconds. */
    long time(List<SqlStatement> statements) throws SQLException {
        long start = System.nanoTime();
        long characters = 0;
        for (SqlStatement statement : statements) {
            try (PreparedStatement prepared = prepare(statement.sql(), statement);
                 ResultSet result = prepared.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int column = 1; column <= columns; column++) {
                        String value = result.getString(column);
                        characters += value == null ? 0 : value.length();
                    }
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        if (characters < 0) {
            throw new IllegalStateException("unreachable; keeps the reads from being optimized away");
        }
        return elapsed;
    }

    /** The plan of the statement with its parameters bound, run once ({@code EXPLAIN ANALYZE}). */
    String explain(SqlStatement statement) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement prepared = prepare("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql(), statement);
             ResultSet result = prepared.executeQuery()) {
            while (result.next()) {
                plan.append(result.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /**
     * The generic plan PostgreSQL would cache for the statement (the plan pgjdbc's server-prepared
     * statements may switch to after five executions), run once with the parameters bound: the
     * statement is {@code PREPARE}d with {@code plan_cache_mode = force_generic_plan} and explained
     * with {@code EXPLAIN ANALYZE EXECUTE}.
     */
    String explainGeneric(SqlStatement statement) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement plain = connection.createStatement()) {
            plain.execute("SET plan_cache_mode = force_generic_plan");
            plain.execute("PREPARE bench_generic AS " + numberedPlaceholders(statement.sql()));
            try {
                StringBuilder arguments = new StringBuilder();
                for (Object parameter : statement.parameters()) {
                    arguments.append(arguments.isEmpty() ? "" : ", ").append(literal(parameter));
                }
                try (ResultSet result = plain.executeQuery(
                        "EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic(" + arguments + ")")) {
                    while (result.next()) {
                        plan.append(result.getString(1)).append('\n');
                    }
                }
            } finally {
                plain.execute("DEALLOCATE bench_generic");
                plain.execute("RESET plan_cache_mode");
            }
        }
        return plan.toString();
    }

    /** JDBC's {@code ?} placeholders as {@code $1, $2, ...}, and pgjdbc's {@code ??} escape as {@code ?}. */
    static String numberedPlaceholders(String sql) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        boolean quoted = false;
        for (int index = 0; index < sql.length(); index++) {
            char c = sql.charAt(index);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                if (index + 1 < sql.length() && sql.charAt(index + 1) == '?') {
                    numbered.append('?');
                    index++;
                } else {
                    numbered.append('$').append(++parameter);
                }
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }

    private static String literal(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof String[] array) {
            // Key paths: segments are plain words by the key grammar, so quoting each is enough.
            return "'{\"" + String.join("\",\"", array) + "\"}'";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /** The indexes a plan reads, in plan order, and {@code seq:<table>} for sequential scans. */
    static Set<String> accessPaths(String plan) {
        Set<String> paths = new LinkedHashSet<>();
        for (String line : plan.split("\n")) {
            Matcher index = INDEX_IN_PLAN.matcher(line);
            while (index.find()) {
                paths.add(index.group(1));
            }
            Matcher seq = SEQ_SCAN_IN_PLAN.matcher(line);
            while (seq.find()) {
                paths.add("seq:" + seq.group(1));
            }
        }
        return paths;
    }

    private PreparedStatement prepare(String sql, SqlStatement statement) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(sql);
        try {
            List<Object> parameters = statement.parameters();
            for (int index = 0; index < parameters.size(); index++) {
                prepared.setObject(index + 1, parameters.get(index));
            }
            return prepared;
        } catch (SQLException | RuntimeException e) {
            prepared.close();
            throw e;
        }
    }
}
