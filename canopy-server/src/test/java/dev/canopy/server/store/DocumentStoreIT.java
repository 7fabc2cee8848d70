package dev.canopy.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.canopy.query.ColumnType;
import dev.canopy.query.Query;
import dev.canopy.query.QueryParser;
import dev.canopy.query.StatisticsQuery;
import dev.canopy.query.TableSchema;
import dev.canopy.server.TestServer;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The generic store on a kind of its own, declared here, on the real database. */
class DocumentStoreIT extends TestServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResourceKind WIDGET = new ResourceKind("test.Widget", "widget", "widget_id",
            TableSchema.builder("test_widget")
                    .idKey("widget_id")
                    .column("name", ColumnType.TEXT)
                    .column("size", ColumnType.INTEGER)
                    .keyword("name", "data.label")
                    .defaultSort("name", false)
                    .build(),
            List.of("name"));

    @Autowired
    DocumentStore store;
    @Autowired
    JdbcClient jdbc;

    private StoreScope domain;

    @BeforeEach
    void table() {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS test_widget (
                    id text COLLATE "C" NOT NULL, domain_id text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL,
                    size bigint, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, doc jsonb NOT NULL,
                    PRIMARY KEY (domain_id, id), UNIQUE (domain_id, name))
                """).update();
        domain = StoreScope.domain("domain-" + UUID.randomUUID().toString().substring(0, 12));
    }

    private static ObjectNode doc(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    private static Query query(String json) {
        return QueryParser.parseQuery(JSON.readTree(json));
    }

    @Test
    void createGivesACloudforetStyleIdAndCopiesHotColumns() {
        ObjectNode created = store.create(WIDGET, domain, doc("{\"name\": \"w1\", \"size\": 3}"));

        assertThat(created.get("widget_id").asString()).matches("widget-[0-9a-f]{12}");
        assertThat(jdbc.sql("SELECT size FROM test_widget WHERE id = ?").param(created.get("widget_id").asString())
                .query(Long.class).single()).isEqualTo(3L);
        assertThat(store.get(WIDGET, domain, created.get("widget_id").asString())).contains(created);
    }

    @Test
    void noDomainSeesAnothersDocuments() {
        ObjectNode mine = store.create(WIDGET, domain, doc("{\"name\": \"shared-name\"}"));
        StoreScope other = StoreScope.domain(domain.domainId() + "-other");
        String id = mine.get("widget_id").asString();

        // The same unique name is free in another domain.
        store.create(WIDGET, other, doc("{\"name\": \"shared-name\"}"));
        assertThat(store.get(WIDGET, other, id)).isEmpty();
        assertThat(store.list(WIDGET, other, Query.ALL).totalCount()).isEqualTo(1);
        assertThat(store.delete(WIDGET, other, id)).isFalse();
        assertThatThrownBy(() -> store.update(WIDGET, other, id, doc("{\"size\": 9}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ERROR_NOT_FOUND));
        assertThat(store.get(WIDGET, domain, id)).contains(mine);
    }

    @Test
    void aScopeNarrowedToASetSeesOnlyThoseDocumentsAndAnEmptySetSeesNone() {
        String a = store.create(WIDGET, domain, doc("{\"name\": \"a\"}")).get("widget_id").asString();
        String b = store.create(WIDGET, domain, doc("{\"name\": \"b\"}")).get("widget_id").asString();
        store.create(WIDGET, domain, doc("{\"name\": \"c\"}"));

        StoreScope some = domain.whereIn("widget_id", java.util.Set.of(a, b));
        assertThat(store.list(WIDGET, some, Query.ALL).results()).extracting(w -> w.get("name").asString())
                .containsExactly("a", "b");
        assertThat(store.get(WIDGET, some.whereIn("widget_id", java.util.Set.of(b)), a)).isEmpty();
        assertThat(store.list(WIDGET, domain.whereIn("widget_id", java.util.Set.of()), Query.ALL).totalCount()).isZero();
        assertThat(store.list(WIDGET, domain, Query.ALL).totalCount()).isEqualTo(3);
    }

    @Test
    void listFiltersOnColumnsAndDocumentPathsAlike() {
        for (int size = 1; size <= 6; size++) {
            store.create(WIDGET, domain, doc("{\"name\": \"w" + size + "\", \"size\": " + size
                    + ", \"data\": {\"color\": \"" + (size % 2 == 0 ? "red" : "blue") + "\", \"label\": \"Label-" + size + "\"}}"));
        }

        assertThat(names(store.list(WIDGET, domain, query("{\"filter\": [{\"k\": \"size\", \"v\": [2, 5, \"6\"], \"o\": \"in\"}]}"))))
                .containsExactly("w2", "w5");
        assertThat(names(store.list(WIDGET, domain, query("{\"filter\": [{\"k\": \"data.color\", \"v\": \"red\", \"o\": \"not\"}],"
                + " \"sort\": [{\"key\": \"size\", \"desc\": true}]}")))).containsExactly("w5", "w3", "w1");
        assertThat(names(store.list(WIDGET, domain, query("{\"filter_or\": [{\"k\": \"name\", \"v\": \"w1\"}, {\"k\": \"data.color\", \"v\": \"red\"}]}"))))
                .containsExactly("w1", "w2", "w4", "w6");
        assertThat(names(store.list(WIDGET, domain, query("{\"filter\": [{\"k\": \"data.missing\", \"v\": null}], \"page\": {\"limit\": 2}}"))))
                .containsExactly("w1", "w2");
        assertThat(names(store.list(WIDGET, domain, query("{\"keyword\": \"label-4\"}")))).containsExactly("w4");
        // A number never equals a string.
        assertThat(store.list(WIDGET, domain, query("{\"filter\": [{\"k\": \"size\", \"v\": \"2\"}]}")).totalCount()).isZero();
        assertThat(store.list(WIDGET, domain, query("{\"filter\": [{\"k\": \"data.color\", \"v\": 1}]}")).totalCount()).isZero();
    }

    @Test
    void statCountsPerGroupOnAColumn() {
        for (int index = 0; index < 5; index++) {
            store.create(WIDGET, domain, doc("{\"name\": \"s" + index + "\", \"size\": " + (index % 2) + "}"));
        }
        StatisticsQuery stat = QueryParser.parseStatisticsQuery(JSON.readTree("""
                {"aggregate": [{"group": {"keys": [{"key": "size", "name": "size"}], "fields": [{"name": "n", "operator": "count"}]}},
                               {"sort": {"key": "size"}}],
                 "page": {"limit": 1}}
                """));

        StatResult result = store.stat(WIDGET, domain, stat);

        assertThat(result.results()).containsExactly(doc("{\"size\": 0, \"n\": 3}"));
        assertThat(result.totalCount()).isEqualTo(2L);
    }

    @Test
    void concurrentUpsertsOfOneNameLeaveOneDocument() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ObjectNode>> writers = new ArrayList<>();
            for (int writer = 0; writer < 16; writer++) {
                int value = writer;
                writers.add(() -> store.upsert(WIDGET, domain, doc("{\"name\": \"contested\", \"size\": " + value + "}")));
            }
            List<Future<ObjectNode>> results = pool.invokeAll(writers, 60, TimeUnit.SECONDS);
            for (Future<ObjectNode> result : results) {
                assertThat(result.get().get("name").asString()).isEqualTo("contested");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.list(WIDGET, domain, Query.ALL).totalCount()).isEqualTo(1);
        assertThat(store.findUnique(WIDGET, domain, Map.of("name", "contested"))).isPresent();
    }

    private static List<String> names(ListResult result) {
        return result.results().stream().map(document -> document.get("name").asString()).toList();
    }
}
