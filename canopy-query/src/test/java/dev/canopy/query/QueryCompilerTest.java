package dev.canopy.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The compiler's guarantees that do not need a database; results are checked against PostgreSQL in the server's tests. */
class QueryCompilerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TableSchema TABLE = TableSchema.builder("thing").column("name", ColumnType.TEXT).build();
    private static final SqlStatement SCOPE = SqlStatement.of("domain_id = ?", "domain-1");

    private final QueryCompiler compiler = new QueryCompiler(100);

    private Query query(String json) {
        return QueryParser.parseQuery(JSON.readTree(json));
    }

    @Test
    void bindsEveryValueAndKeyAsAParameter() {
        String hostile = "x' OR '1'='1";
        QueryCompiler.ListStatements statements = compiler.compileList(TABLE, SCOPE,
                query("{\"filter\": [{\"k\": \"name\", \"v\": \"" + hostile + "\"}, {\"k\": \"data.owner\", \"v\": \"" + hostile + "\"}]}"));

        assertThat(statements.rows().sql()).doesNotContain(hostile).doesNotContain("owner");
        assertThat(statements.rows().parameters()).contains(hostile, "{\"data\",\"owner\"}", "domain-1");
    }

    @Test
    void capsThePageAtTheConfiguredLimit() {
        assertThat(compiler.compileList(TABLE, SCOPE, query("{\"page\": {\"limit\": 5000}}")).limit()).isEqualTo(100);
        assertThat(compiler.compileList(TABLE, SCOPE, query("{}")).limit()).isEqualTo(100);
        assertThat(compiler.compileList(TABLE, SCOPE, query("{\"page\": {\"limit\": 7}}")).limit()).isEqualTo(7);
    }

    @Test
    void startsEveryStatementFromTheScope() {
        QueryCompiler.ListStatements statements = compiler.compileList(TABLE, SCOPE,
                query("{\"filter_or\": [{\"k\": \"name\", \"v\": \"a\"}, {\"k\": \"name\", \"v\": \"b\"}]}"));

        // The OR group is parenthesised after the scope, so it cannot widen it.
        assertThat(statements.rows().sql()).contains("WHERE (domain_id = ?) AND (");
        assertThat(statements.count().sql()).contains("WHERE (domain_id = ?) AND (");
    }

    @Test
    void rejectsOperatorsItDoesNotCompileYetInsteadOfIgnoringThem() {
        assertThatThrownBy(() -> compiler.compileList(TABLE, SCOPE, query("{\"filter\": [{\"k\": \"name\", \"v\": \"a\", \"o\": \"regex\"}]}")))
                .isInstanceOfSatisfying(InvalidQueryException.class, invalid -> {
                    assertThat(invalid.key()).isEqualTo("filter[0].o");
                    assertThat(invalid.reason()).contains("not supported yet");
                });
    }

    @Test
    void refusesASortStageOnANameTheGroupDoesNotOutput() {
        StatisticsQuery stat = QueryParser.parseStatisticsQuery(JSON.readTree("""
                {"aggregate": [{"group": {"keys": [{"key": "name", "name": "name"}]}}, {"sort": {"key": "count"}}]}
                """));
        assertThatThrownBy(() -> compiler.compileStatistics(TABLE, SCOPE, stat))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        invalid -> assertThat(invalid.key()).isEqualTo("aggregate[1].sort.keys[0].key"));
    }

    @Test
    void tableAndColumnNamesMustBePlainIdentifiers() {
        assertThatThrownBy(() -> TableSchema.builder("thing; drop").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Column("a", "a b", ColumnType.TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TableSchema.builder("thing").build().columns().keySet())
                .containsExactlyInAnyOrderElementsOf(List.of("domain_id", "created_at", "updated_at"));
    }
}
