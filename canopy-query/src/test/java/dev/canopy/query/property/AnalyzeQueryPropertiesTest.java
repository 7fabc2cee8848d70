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

import dev.canopy.query.AnalyzeQuery;
import dev.canopy.query.ColumnType;
import dev.canopy.query.InvalidQueryException;
import dev.canopy.query.QueryCompiler;
import dev.canopy.query.QueryParser;
import dev.canopy.query.SortKey;
import dev.canopy.query.SqlStatement;
import dev.canopy.query.TableSchema;
import dev.canopy.query.reference.AnalyzeEvaluator;
import dev.canopy.query.reference.Json;
import dev.canopy.query.reference.ReferenceEvaluator;
import dev.canopy.query.testing.DocumentTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property: for random documents and random analyze queries, the compiled SQL run on PostgreSQL
 * returns the same page of rows, and the same {@code more}, as the reference evaluator. Half the
 * datasets take dates from the {@code created_at} column, half from the document key
 * {@code billed_date}. Rows are compared in order, accepting any order among rows that tie on the
 * sort keys (the query's, or the group keys the rows carry); numbers within rounding; arrays
 * (push, add_to_set and the field_group lists) as multisets.
 */
class AnalyzeQueryPropertiesTest {

    static final int DATASETS = 10;
    static final int QUERIES_PER_DATASET = 60;
    static final int MAX_PAGE_LIMIT = 25;
    static final String DOMAIN = "d1";
    static final TableSchema CREATED = TableSchema.builder("prop_analyze")
            .idKey("id")
            .column("name", ColumnType.TEXT)
            .build();
    static final TableSchema BILLED = TableSchema.builder("prop_analyze_billed")
            .idKey("id")
            .column("name", ColumnType.TEXT)
            .dateKey(AnalyzeGenerator.BILLED)
            .build();

    static DocumentTable createdTable;
    static DocumentTable billedTable;
    /** How many queries gave no row, some rows, more than a page; printed so that a vacuous run shows. */
    static final int[] outcomes = new int[3];

    final QueryCompiler compiler = new QueryCompiler(MAX_PAGE_LIMIT, Clock.fixed(Generators.NOW, ZoneOffset.UTC));

    @BeforeAll
    static void createTables() {
        createdTable = DocumentTable.create(CREATED);
        billedTable = DocumentTable.create(BILLED);
    }

    @AfterAll
    static void dropTables() {
        createdTable.close();
        billedTable.close();
        System.out.println("AnalyzeQueryPropertiesTest: " + outcomes[0] + " queries without rows, " + outcomes[1]
                + " with rows, " + outcomes[2] + " with more");
    }

    @TestFactory
    Stream<DynamicTest> compiledAnalyzeQueriesAgreeWithTheReference() {
        long base = Seeds.base();
        return IntStream.range(0, DATASETS).mapToObj(index -> {
            long seed = base + index;
            boolean billed = index % 2 == 1;
            return DynamicTest.dynamicTest("seed " + seed + (billed ? " (billed_date)" : " (created_at)"),
                    () -> runDataset(seed, billed));
        });
    }

    void runDataset(long seed, boolean billed) {
        Generators generators = new Generators(new Random(seed));
        AnalyzeGenerator queries = new AnalyzeGenerator(generators);
        TableSchema schema = billed ? BILLED : CREATED;
        DocumentTable table = billed ? billedTable : createdTable;
        AnalyzeEvaluator reference = new AnalyzeEvaluator(schema, MAX_PAGE_LIMIT, Generators.NOW);
        List<ObjectNode> documents = queries.documents(30 + generators.random().nextInt(50), billed);
        load(table, documents);
        Map<String, String> refused = new TreeMap<>();
        for (int index = 0; index < QUERIES_PER_DATASET; index++) {
            ObjectNode query = queries.analyzeQuery(documents);
            Optional<String> failure;
            try {
                failure = check(schema, table, reference, documents, query);
            } catch (InvalidQueryException invalid) {
                refused.putIfAbsent(invalid.key() + ": " + invalid.reason(), query.toString());
                continue;
            } catch (RuntimeException e) {
                failure = Optional.of("error: " + e);
            }
            if (failure.isPresent()) {
                Shrinker.Shrunk shrunk = new Shrinker((docs, q) -> {
                    load(table, docs);
                    return check(schema, table, reference, docs, q);
                }).shrink(documents, query, failure.get());
                throw new AssertionError(Seeds.report(seed, index, shrunk, failure.get()) + Seeds.refusals(refused));
            }
        }
        if (!refused.isEmpty()) {
            throw new AssertionError("seed " + seed + ": " + Seeds.refusals(refused));
        }
    }

    static void load(DocumentTable table, List<ObjectNode> documents) {
        table.clear();
        table.insert(DOMAIN, documents);
    }

    Optional<String> check(TableSchema schema, DocumentTable table, AnalyzeEvaluator reference,
                           List<ObjectNode> documents, ObjectNode queryJson) {
        AnalyzeQuery query = QueryParser.parseAnalyzeQuery(queryJson);
        QueryCompiler.AnalyzeStatements statements =
                compiler.compileAnalyze(schema, SqlStatement.of("domain_id = ?", DOMAIN), query);
        List<ObjectNode> fetched = table.objects(statements.rows());
        boolean actualMore = fetched.size() > statements.limit();
        List<ObjectNode> actual = fetched.subList(0, Math.min(fetched.size(), statements.limit()));
        AnalyzeEvaluator.Result expected = reference.run(documents, query);
        Set<String> projected = projectedNames(queryJson);
        outcomes[expected.rows().isEmpty() ? 0 : 1]++;
        if (expected.more()) {
            outcomes[2]++;
        }
        String problem = compareSorted(normalize(actual, projected), expected, projected);
        if (problem == null && actualMore != expected.more()) {
            problem = "expected more = " + expected.more() + ", got " + actualMore;
        }
        if (problem == null) {
            return Optional.empty();
        }
        return Optional.of("mismatch: " + problem
                + "\n  expected rows " + expected.rows() + " more " + expected.more()
                + "\n  actual rows   " + actual + " more " + actualMore
                + "\n  sql: " + DocumentTable.describe(statements.rows()));
    }

    /**
     * Row by row: the same values at the sort keys as the expected row at that position, and the row
     * itself one of the expected rows (any of those that tie with it, even across the page's edge).
     */
    private static String compareSorted(List<ObjectNode> actual, AnalyzeEvaluator.Result expected, Set<String> projected) {
        if (actual.size() != expected.rows().size()) {
            return "expected " + expected.rows().size() + " rows, got " + actual.size();
        }
        List<ObjectNode> pool = new ArrayList<>(normalize(expected.sorted(), projected));
        List<ObjectNode> wanted = normalize(expected.rows(), projected);
        for (int index = 0; index < actual.size(); index++) {
            ObjectNode row = actual.get(index);
            for (SortKey key : expected.sortKeys()) {
                JsonNode a = ReferenceEvaluator.sortValue(row, key.key());
                JsonNode b = ReferenceEvaluator.sortValue(wanted.get(index), key.key());
                boolean closeNumbers = a != null && b != null && a.isNumber() && b.isNumber()
                        && Json.numbersEqual(a.decimalValue(), b.decimalValue());
                if (Json.compareForSort(a, b) != 0 && !closeNumbers) {
                    return "row " + index + " is out of order: sort key '" + key.key() + "' is " + a + ", expected " + b;
                }
            }
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

    /**
     * Select outputs computed by a project operator: as in the statistics properties, the language
     * does not say whether an operator without a value gives null or no member, so a null output
     * of one counts as missing.
     */
    private static Set<String> projectedNames(ObjectNode query) {
        Set<String> names = new HashSet<>();
        JsonNode select = query.get("select");
        if (select != null && select.isObject()) {
            for (String name : select.propertyNames()) {
                if (select.get(name).isObject() && select.get(name).has("operator")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static List<ObjectNode> normalize(List<ObjectNode> rows, Set<String> projected) {
        if (projected.isEmpty()) {
            return rows;
        }
        List<ObjectNode> normalized = new ArrayList<>();
        for (ObjectNode row : rows) {
            ObjectNode copy = row.deepCopy();
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
