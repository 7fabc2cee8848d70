package dev.canopy.query.property;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.canopy.query.ColumnType;
import dev.canopy.query.InvalidQueryException;
import dev.canopy.query.Projection;
import dev.canopy.query.Query;
import dev.canopy.query.QueryCompiler;
import dev.canopy.query.QueryParser;
import dev.canopy.query.SqlStatement;
import dev.canopy.query.TableSchema;
import dev.canopy.query.reference.Json;
import dev.canopy.query.reference.ReferenceEvaluator;
import dev.canopy.query.testing.DocumentTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property: for random documents and random search queries, the compiled SQL run on PostgreSQL
 * returns the same documents in the same order, and the same total count, as the reference
 * evaluator. Seeded: set {@code -Dcanopy.query.seed=N} to replay a run; a failure prints its seed
 * and a shrunk counterexample.
 */
class ListQueryPropertiesTest {

    static final int DATASETS = 8;
    static final int QUERIES_PER_DATASET = 60;
    static final int MAX_PAGE_LIMIT = 25;
    static final String DOMAIN = "d1";
    static final TableSchema SCHEMA = TableSchema.builder("prop_list")
            .idKey("id")
            .column("name", ColumnType.TEXT)
            .keyword("name", "tags.x")
            .minimal("id", "name")
            .build();

    static DocumentTable table;
    static final Map<String, Integer> skipped = new TreeMap<>();

    final QueryCompiler compiler = new QueryCompiler(MAX_PAGE_LIMIT, Clock.fixed(Generators.NOW, ZoneOffset.UTC));
    final ReferenceEvaluator reference = new ReferenceEvaluator(SCHEMA, MAX_PAGE_LIMIT, Generators.NOW);

    @BeforeAll
    static void createTable() {
        table = DocumentTable.create(SCHEMA);
    }

    @AfterAll
    static void dropTable() {
        table.close();
        if (!skipped.isEmpty()) {
            System.out.println("ListQueryPropertiesTest skipped queries the compiler does not support yet: " + skipped);
        }
    }

    @TestFactory
    Stream<DynamicTest> compiledQueriesAgreeWithTheReference() {
        long base = Seeds.base();
        return IntStream.range(0, DATASETS).mapToObj(index -> {
            long seed = base + index;
            return DynamicTest.dynamicTest("seed " + seed, () -> runDataset(seed));
        });
    }

    void runDataset(long seed) {
        Generators generators = new Generators(new Random(seed));
        QueryGenerator queries = new QueryGenerator(generators);
        List<ObjectNode> documents = generators.documents(20 + generators.random().nextInt(40));
        load(documents);
        Map<String, String> refused = new TreeMap<>();
        for (int index = 0; index < QUERIES_PER_DATASET; index++) {
            ObjectNode query = queries.listQuery(documents);
            Optional<String> failure;
            try {
                failure = check(documents, query, false);
            } catch (InvalidQueryException invalid) {
                // a query the language defines, refused: reported once per reason, after the other checks
                refused.putIfAbsent(invalid.key() + ": " + invalid.reason(), query.toString());
                continue;
            } catch (RuntimeException e) {
                failure = Optional.of("error: " + e);
            }
            if (failure.isPresent()) {
                Shrinker.Shrunk shrunk = new Shrinker((docs, q) -> {
                    load(docs);
                    return check(docs, q, true);
                }).shrink(documents, query, failure.get());
                throw new AssertionError(Seeds.report(seed, index, shrunk, failure.get()) + Seeds.refusals(refused));
            }
        }
        if (!refused.isEmpty()) {
            throw new AssertionError("seed " + seed + ": " + Seeds.refusals(refused));
        }
    }

    void load(List<ObjectNode> documents) {
        table.clear();
        table.insert(DOMAIN, documents);
    }

    /** The mismatch between PostgreSQL and the reference for one query, if any. */
    Optional<String> check(List<ObjectNode> documents, ObjectNode queryJson, boolean shrinking) {
        Query query = QueryParser.parseQuery(queryJson);
        QueryCompiler.ListStatements statements;
        try {
            statements = compiler.compileList(SCHEMA, SqlStatement.of("domain_id = ?", DOMAIN), query);
        } catch (InvalidQueryException invalid) {
            if (invalid.reason().contains("not supported yet")) {
                if (!shrinking) {
                    skipped.merge(invalid.reason(), 1, Integer::sum);
                }
                return Optional.empty();
            }
            throw invalid;
        }
        long actualCount = table.count(statements.count());
        List<ObjectNode> actual = new ArrayList<>();
        if (!query.countOnly()) {
            // as the document store does: project after reading
            List<String> projection = query.only().isEmpty() && query.minimal() ? SCHEMA.minimalKeys() : query.only();
            for (ObjectNode document : table.objects(statements.rows())) {
                actual.add(Projection.apply(document, projection));
            }
        }
        ReferenceEvaluator.ListResult expected = reference.list(documents, query);
        boolean sameDocuments = actual.size() == expected.documents().size()
                && IntStream.range(0, actual.size())
                .allMatch(i -> Json.deepEquals(actual.get(i), expected.documents().get(i)));
        if (sameDocuments && actualCount == expected.totalCount()) {
            return Optional.empty();
        }
        return Optional.of("mismatch: expected total_count " + expected.totalCount() + ", results " + ids(expected.documents())
                + "\n  actual total_count " + actualCount + ", results " + ids(actual)
                + "\n  sql: " + DocumentTable.describe(statements.rows()));
    }

    static String ids(List<ObjectNode> documents) {
        return documents.stream().map(d -> d.has("id") ? d.get("id").asString() : d.toString()).toList().toString();
    }
}
