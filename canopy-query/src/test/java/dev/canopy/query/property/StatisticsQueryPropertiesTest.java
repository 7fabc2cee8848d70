package dev.canopy.query.property;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.canopy.query.ColumnType;
import dev.canopy.query.InvalidQueryException;
import dev.canopy.query.QueryCompiler;
import dev.canopy.query.QueryParser;
import dev.canopy.query.SortKey;
import dev.canopy.query.SqlStatement;
import dev.canopy.query.StatisticsQuery;
import dev.canopy.query.TableSchema;
import dev.canopy.query.reference.Json;
import dev.canopy.query.reference.ReferenceEvaluator;
import dev.canopy.query.reference.StatisticsEvaluator;
import dev.canopy.query.testing.DocumentTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property: for random documents and random statistics queries, the compiled SQL run on
 * PostgreSQL returns the same rows as the reference evaluator. Rows are compared as a multiset
 * unless the pipeline ends in a sort (then in order, any order among ties), numbers numerically,
 * arrays as multisets, and merge_objects results of a group after the first stage by their member
 * names (which row wins a shared member there depends on an order the language leaves undefined;
 * a first-stage group merges in creation order and is compared whole). Without an ending sort, a
 * sliced result (limit, skip, page) is compared by size only.
 */
class StatisticsQueryPropertiesTest {

    static final int DATASETS = 8;
    static final int QUERIES_PER_DATASET = 50;
    static final int MAX_PAGE_LIMIT = 25;
    static final String DOMAIN = "d1";
    static final TableSchema SCHEMA = TableSchema.builder("prop_stat")
            .idKey("id")
            .column("name", ColumnType.TEXT)
            .build();

    static DocumentTable table;

    final QueryCompiler compiler = new QueryCompiler(MAX_PAGE_LIMIT, Clock.fixed(Generators.NOW, ZoneOffset.UTC));
    final StatisticsEvaluator reference = new StatisticsEvaluator(SCHEMA, MAX_PAGE_LIMIT, Generators.NOW);

    @BeforeAll
    static void createTable() {
        table = DocumentTable.create(SCHEMA);
    }

    @AfterAll
    static void dropTable() {
        table.close();
    }

    @TestFactory
    Stream<DynamicTest> compiledPipelinesAgreeWithTheReference() {
        long base = Seeds.base();
        return IntStream.range(0, DATASETS).mapToObj(index -> {
            long seed = base + index;
            return DynamicTest.dynamicTest("seed " + seed, () -> runDataset(seed));
        });
    }

    void runDataset(long seed) {
        Generators generators = new Generators(new Random(seed));
        StatisticsGenerator queries = new StatisticsGenerator(generators);
        List<ObjectNode> documents = generators.documents(20 + generators.random().nextInt(40));
        DatasetRun.run(seed, QUERIES_PER_DATASET, documents, () -> queries.statisticsQuery(documents), this::load, this::check);
    }

    void load(List<ObjectNode> documents) {
        table.clear();
        table.insert(DOMAIN, documents);
    }

    Optional<String> check(List<ObjectNode> documents, ObjectNode queryJson) {
        StatisticsQuery query = QueryParser.parseStatisticsQuery(queryJson);
        QueryCompiler.ListStatements statements =
                compiler.compileStatistics(SCHEMA, SqlStatement.of("domain_id = ?", DOMAIN), query);
        List<ObjectNode> actual = table.objects(statements.rows());
        long actualTotal = table.count(statements.count());
        StatisticsEvaluator.Result expected = reference.run(documents, query);
        Set<String> loose = mergedNames(queryJson);
        Set<String> projected = projectedNames(queryJson);
        String problem = null;
        if (expected.sorted() != null) {
            problem = compareSorted(actual, expected, loose, projected);
        } else if (sliced(queryJson, expected)) {
            if (actual.size() != expected.rows().size()) {
                problem = "expected " + expected.rows().size() + " rows, got " + actual.size();
            }
        } else if (!Json.sameMultiset(normalize(actual, loose, projected), normalize(expected.rows(), loose, projected))) {
            problem = "rows differ";
        }
        if (problem == null && query.page().limited() && actualTotal != expected.total()) {
            problem = "expected total_count " + expected.total() + ", got " + actualTotal;
        }
        if (problem == null) {
            return Optional.empty();
        }
        return Optional.of("mismatch: " + problem
                + "\n  expected rows " + expected.rows()
                + "\n  actual rows   " + actual
                + "\n  sql: " + DocumentTable.describe(statements.rows()));
    }

    private static String compareSorted(List<ObjectNode> actual, StatisticsEvaluator.Result expected, Set<String> loose,
                                        Set<String> projected) {
        if (actual.size() != expected.rows().size()) {
            return "expected " + expected.rows().size() + " rows, got " + actual.size();
        }
        List<ObjectNode> pool = new ArrayList<>(normalize(expected.sorted(), loose, projected));
        List<ObjectNode> normalized = normalize(actual, loose, projected);
        for (int index = 0; index < actual.size(); index++) {
            ObjectNode want = normalize(List.of(expected.rows().get(index)), loose, projected).get(0);
            for (SortKey key : expected.sortKeys()) {
                JsonNode a = ReferenceEvaluator.sortValue(normalized.get(index), key.key());
                JsonNode b = ReferenceEvaluator.sortValue(want, key.key());
                boolean closeNumbers = a != null && b != null && a.isNumber() && b.isNumber()
                        && Json.numbersEqual(a.decimalValue(), b.decimalValue());
                if (Json.compareForSort(a, b) != 0 && !closeNumbers) {
                    return "row " + index + " is out of order: sort key '" + key.key() + "' is " + a + ", expected " + b;
                }
            }
            ObjectNode row = normalized.get(index);
            boolean found = false;
            for (int candidate = 0; candidate < pool.size(); candidate++) {
                if (Json.deepEqualsUnordered(row, pool.get(candidate))) {
                    pool.remove(candidate);
                    found = true;
                    break;
                }
            }
            if (!found) {
                return "row " + index + " " + row + " is not an expected row";
            }
        }
        return null;
    }

    /** Without an ending sort, which rows a slice keeps is undefined. */
    private static boolean sliced(ObjectNode query, StatisticsEvaluator.Result expected) {
        for (JsonNode stage : query.get("aggregate")) {
            if (stage.has("limit") || stage.has("skip")) {
                return true;
            }
        }
        JsonNode page = query.get("page");
        return expected.total() > expected.rows().size() || (page != null && page.path("start").asInt(1) > 1);
    }

    /**
     * merge_objects over the documents themselves merges in creation order, as the reference does;
     * over the rows of a later stage the order is undefined, so only the member names can be compared.
     */
    private static Set<String> mergedNames(ObjectNode query) {
        Set<String> names = new HashSet<>();
        JsonNode stages = query.get("aggregate");
        for (int index = 1; index < stages.size(); index++) {
            JsonNode stage = stages.get(index);
            for (JsonNode field : stage.path("group").path("fields")) {
                if (field.path("operator").asString("").equals("merge_objects")) {
                    names.add(field.path("name").asString(""));
                }
            }
        }
        return names;
    }

    /**
     * Project outputs: the language does not say whether an arithmetic over a missing operand
     * yields null or no member, so a null project output counts as missing.
     */
    private static Set<String> projectedNames(ObjectNode query) {
        Set<String> names = new HashSet<>();
        for (JsonNode stage : query.get("aggregate")) {
            for (JsonNode field : stage.path("project").path("fields")) {
                names.add(field.path("name").asString(""));
            }
        }
        return names;
    }

    /** merge_objects results compared by member names only; null project outputs dropped. */
    private static List<ObjectNode> normalize(List<ObjectNode> rows, Set<String> loose, Set<String> projected) {
        if (loose.isEmpty() && projected.isEmpty()) {
            return rows;
        }
        List<ObjectNode> normalized = new ArrayList<>();
        for (ObjectNode row : rows) {
            ObjectNode copy = row.deepCopy();
            for (String name : loose) {
                JsonNode value = copy.get(name);
                if (value != null && value.isObject()) {
                    var names = JsonNodeFactory.instance.arrayNode();
                    value.propertyNames().stream().sorted().forEach(names::add);
                    copy.set(name, names);
                }
            }
            for (String name : projected) {
                if (copy.has(name) && copy.get(name).isNull()) {
                    copy.remove(name);
                }
            }
            normalized.add(copy);
        }
        return normalized;
    }
}
