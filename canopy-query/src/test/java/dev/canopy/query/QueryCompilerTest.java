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

        assertThat(statements.rows().sql()).doesNotContain(hostile).doesNotContain("owner").doesNotContain("data");
        assertThat(statements.rows().parameters())
                .contains(hostile, "$.\"data\".\"owner\" ? (@ == \"x' OR '1'='1\")", "domain-1");
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
    void refusesRegularExpressionsPostgresqlCannotRunNamingTheCondition() {
        for (String regex : List.of("(", "[z-a]", "a{300}", "a*+", "\\\\p{L}", "(?<name>a)", "(?i)a")) {
            String json = JSON.writeValueAsString(java.util.Map.of("filter",
                    List.of(java.util.Map.of("k", "name", "v", "ok"), java.util.Map.of("k", "data.x", "v", regex, "o", "regex"))));
            assertThatThrownBy(() -> compiler.compileList(TABLE, SCOPE, query(json)))
                    .as(regex)
                    .isInstanceOfSatisfying(InvalidQueryException.class, invalid -> assertThat(invalid.key()).isEqualTo("filter[1].v"));
        }
    }

    @Test
    void escapesValuesInsideJsonpathLiterals() {
        QueryCompiler.ListStatements statements = compiler.compileList(TABLE, SCOPE,
                query("{\"filter\": [{\"k\": \"data.x\", \"v\": \"a\\\") || (true\\\\\", \"o\": \"contain\"}]}"));

        assertThat(statements.rows().parameters())
                .contains("$.\"data\".\"x\" ? (@ like_regex \"a\\\") || (true\\\\\" flag \"iq\")");
    }

    @Test
    void refusesOrderingAgainstNull() {
        assertThatThrownBy(() -> compiler.compileList(TABLE, SCOPE, query("{\"filter\": [{\"k\": \"data.x\", \"v\": null, \"o\": \"lt\"}]}")))
                .isInstanceOfSatisfying(InvalidQueryException.class, invalid -> assertThat(invalid.key()).isEqualTo("filter[0].v"));
    }

    @Test
    void refusesAFieldGroupThatIsNotAGroupKey() {
        AnalyzeQuery analyze = QueryParser.parseAnalyzeQuery(JSON.readTree("""
                {"group_by": ["provider"], "fields": {"n": {"operator": "count"}}, "field_group": ["region"]}
                """));
        assertThatThrownBy(() -> compiler.compileAnalyze(TABLE, SCOPE, analyze))
                .isInstanceOfSatisfying(InvalidQueryException.class, invalid -> assertThat(invalid.key()).isEqualTo("field_group[0]"));
    }

    @Test
    void tableAndColumnNamesMustBePlainIdentifiers() {
        assertThatThrownBy(() -> TableSchema.builder("thing; drop").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Column("a", "a b", ColumnType.TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TableSchema.builder("thing").build().columns().keySet())
                .containsExactlyInAnyOrderElementsOf(List.of("domain_id", "created_at", "updated_at"));
    }
}
