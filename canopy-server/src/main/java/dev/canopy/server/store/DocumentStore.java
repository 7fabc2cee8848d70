package dev.canopy.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import dev.canopy.query.AnalyzeQuery;
import dev.canopy.query.Column;
import dev.canopy.query.InvalidQueryException;
import dev.canopy.query.Projection;
import dev.canopy.query.Query;
import dev.canopy.query.QueryCompiler;
import dev.canopy.query.SqlStatement;
import dev.canopy.query.StatisticsQuery;
import dev.canopy.server.api.ApiException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Create, read, update, delete, list and stat for any {@link ResourceKind}. The document in
 * {@code doc} is the resource exactly as the API returns it; declared columns are copies of its
 * top-level keys, kept so that filters, sorts and unique checks use real indexes. Every statement
 * is confined to a {@link StoreScope}.
 */
@Service
public class DocumentStore {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int ID_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final QueryCompiler compiler;
    private final JsonMapper json = JsonMapper.builder().build();

    DocumentStore(JdbcClient jdbc, StoreProperties properties) {
        this.jdbc = jdbc;
        this.compiler = new QueryCompiler(properties.maxPageLimit());
    }

    /**
     * Stores a new document, giving it an id, the scope's values and timestamps; returns it as
     * stored. One statement, so no transaction of its own: an id that collides is simply drawn again.
     */
    public ObjectNode create(ResourceKind kind, StoreScope scope, ObjectNode document) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 1; ; attempt++) {
            String id = IdGenerator.next(kind.idPrefix());
            ObjectNode stored = stamp(kind, scope, document.deepCopy(), id, now, now);
            try {
                insert(kind, id, scope, stored, now, "");
                return stored;
            } catch (DuplicateKeyException duplicate) {
                if (!isPrimaryKeyViolation(kind, duplicate) || attempt == ID_ATTEMPTS) {
                    throw ApiException.alreadyExists(uniqueValues(kind, stored));
                }
            }
        }
    }

    public Optional<ObjectNode> get(ResourceKind kind, StoreScope scope, String id) {
        SqlStatement where = scopeCondition(kind, scope);
        return jdbc.sql("SELECT doc FROM " + kind.table().table() + " WHERE " + where.sql() + " AND id = ?")
                .params(with(where.parameters(), id))
                .query(this::document)
                .optional();
    }

    /**
     * The document whose unique keys have the given values; unique keys that the scope restricts
     * (such as a user config's {@code user_id}) take the scope's value.
     */
    public Optional<ObjectNode> findUnique(ResourceKind kind, StoreScope scope, Map<String, String> uniqueValues) {
        return findUnique(kind, scope, uniqueValues, false).map(IdentifiedDocument::document);
    }

    /** {@link #update} of the document found by its unique keys, as in {@link #findUnique}. */
    @Transactional
    public ObjectNode updateUnique(ResourceKind kind, StoreScope scope, Map<String, String> uniqueValues,
                                   ObjectNode changes) {
        IdentifiedDocument current = findUnique(kind, scope, uniqueValues, true)
                .orElseThrow(() -> notFound(uniqueValues));
        return rewrite(kind, scope, current.id(), current.document(), changes);
    }

    /** {@link #delete} of the document found by its unique keys, as in {@link #findUnique}. */
    @Transactional
    public boolean deleteUnique(ResourceKind kind, StoreScope scope, Map<String, String> uniqueValues) {
        return findUnique(kind, scope, uniqueValues, true)
                .map(found -> delete(kind, scope, found.id()))
                .orElse(false);
    }

    /**
     * Sets the given top-level keys of a document (a key set to JSON null is set to null) and
     * stamps {@code updated_at}; fails with {@code ERROR_NOT_FOUND} if there is no such document.
     */
    @Transactional
    public ObjectNode update(ResourceKind kind, StoreScope scope, String id, ObjectNode changes) {
        SqlStatement where = scopeCondition(kind, scope);
        ObjectNode current = jdbc.sql("SELECT doc FROM " + kind.table().table() + " WHERE " + where.sql()
                        + " AND id = ? FOR UPDATE")
                .params(with(where.parameters(), id))
                .query(this::document)
                .optional()
                .orElseThrow(() -> ApiException.notFound(kind.idKey() != null ? kind.idKey() : "id", id));
        return rewrite(kind, scope, id, current, changes);
    }

    /**
     * Creates the document, or if one with the same unique keys exists, sets the given keys on it.
     * Safe against concurrent callers: the insert either wins or finds the row to update.
     */
    @Transactional
    public ObjectNode upsert(ResourceKind kind, StoreScope scope, ObjectNode document) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = IdGenerator.next(kind.idPrefix());
        ObjectNode stored = stamp(kind, scope, document.deepCopy(), id, now, now);
        StringJoiner conflictTarget = new StringJoiner(", ").add("domain_id");
        kind.uniqueKeys().forEach(key -> conflictTarget.add(kind.table().column(key).orElseThrow().name()));
        if (insert(kind, id, scope, stored, now, " ON CONFLICT (" + conflictTarget + ") DO NOTHING") == 1) {
            return stored;
        }
        Map<String, String> uniqueValues = uniqueValues(kind, stored);
        IdentifiedDocument existing = findUnique(kind, scope, uniqueValues, true)
                .orElseThrow(() -> notFound(uniqueValues)); // deleted between our insert and our read
        return rewrite(kind, scope, existing.id(), existing.document(), document);
    }

    /** Removes a document; false when there was none in scope. */
    @Transactional
    public boolean delete(ResourceKind kind, StoreScope scope, String id) {
        SqlStatement where = scopeCondition(kind, scope);
        return jdbc.sql("DELETE FROM " + kind.table().table() + " WHERE " + where.sql() + " AND id = ?")
                .params(with(where.parameters(), id))
                .update() == 1;
    }

    /** The page of documents the query asks for, and how many matched in all. */
    @Transactional(readOnly = true)
    public ListResult list(ResourceKind kind, StoreScope scope, Query query) {
        return evaluating(() -> listNow(kind, scope, query));
    }

    private ListResult listNow(ResourceKind kind, StoreScope scope, Query query) {
        QueryCompiler.ListStatements statements = compiler.compileList(kind.table(), scopeCondition(kind, scope), query);
        if (query.countOnly()) {
            return new ListResult(List.of(), count(statements.count()));
        }
        List<String> projection = query.only().isEmpty() && query.minimal() ? kind.table().minimalKeys() : query.only();
        List<ObjectNode> results = jdbc.sql(statements.rows().sql())
                .params(statements.rows().parameters())
                .query((row, index) -> Projection.apply(document(row, index), projection))
                .list();
        // Counting costs a second scan; skip it when the page itself shows the total.
        boolean pageShowsTotal = query.page().start() == 1 && results.size() < statements.limit();
        long total = pageShowsTotal ? results.size() : count(statements.count());
        return new ListResult(results, total);
    }

    /** Runs a statistics query; counts all rows only when a page limit was asked for. */
    @Transactional(readOnly = true)
    public StatResult stat(ResourceKind kind, StoreScope scope, StatisticsQuery query) {
        return evaluating(() -> {
            QueryCompiler.ListStatements statements =
                    compiler.compileStatistics(kind.table(), scopeCondition(kind, scope), query);
            List<ObjectNode> results = rows(statements.rows());
            Long total = query.page().limited() ? count(statements.count()) : null;
            return new StatResult(results, total);
        });
    }

    /** Runs an analyze query; says whether rows remain past the page only when a page limit was asked for. */
    @Transactional(readOnly = true)
    public AnalyzeResult analyze(ResourceKind kind, StoreScope scope, AnalyzeQuery query) {
        return evaluating(() -> {
            QueryCompiler.AnalyzeStatements statements =
                    compiler.compileAnalyze(kind.table(), scopeCondition(kind, scope), query);
            List<ObjectNode> results = rows(statements.rows());
            boolean more = results.size() > statements.limit();
            List<ObjectNode> page = more ? results.subList(0, statements.limit()) : results;
            return new AnalyzeResult(List.copyOf(page), query.page().limited() ? more : null);
        });
    }

    private List<ObjectNode> rows(SqlStatement statement) {
        return jdbc.sql(statement.sql()).params(statement.parameters()).query(this::document).list();
    }

    /**
     * Runs a compiled query, planned for its values. Its result depends on stored data that can
     * still defeat it (a number too large for an average, say): PostgreSQL's data exceptions
     * (SQLSTATE class 22) become a refusal of the query rather than an internal error.
     */
    private <T> T evaluating(java.util.function.Supplier<T> query) {
        try {
            // Compiled queries bind their jsonpath and key paths, so each is planned with its values:
            // a cached generic plan cannot see which index a jsonpath condition can use. For this
            // read-only transaction only; plain statements keep PostgreSQL's plan caching.
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            return query.get();
        } catch (DataAccessException failure) {
            SQLException cause = failure.getCause() instanceof SQLException sql ? sql : null;
            if (cause != null && cause.getSQLState() != null && cause.getSQLState().startsWith("22")) {
                throw new InvalidQueryException("", "the query cannot be evaluated over the stored documents ("
                        + cause.getSQLState() + ")");
            }
            throw failure;
        }
    }

    private record IdentifiedDocument(String id, ObjectNode document) {
    }

    private Optional<IdentifiedDocument> findUnique(ResourceKind kind, StoreScope scope, Map<String, String> values,
                                                    boolean forUpdate) {
        SqlStatement where = scopeCondition(kind, scope);
        StringBuilder sql = new StringBuilder("SELECT id, doc FROM " + kind.table().table() + " WHERE " + where.sql());
        List<Object> parameters = new ArrayList<>(where.parameters());
        for (String key : kind.uniqueKeys()) {
            if (scope.restrictions().containsKey(key)) {
                continue; // already in the scope condition
            }
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("missing unique key " + key + " of " + kind.name());
            }
            sql.append(" AND ").append(kind.table().column(key).orElseThrow().name()).append(" = ?");
            parameters.add(values.get(key));
        }
        sql.append(forUpdate ? " FOR UPDATE" : "");
        return jdbc.sql(sql.toString())
                .params(parameters)
                .query((row, index) -> new IdentifiedDocument(row.getString("id"), parse(row.getString("doc"))))
                .optional();
    }

    private ObjectNode rewrite(ResourceKind kind, StoreScope scope, String id, ObjectNode current, ObjectNode changes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode updated = current.deepCopy();
        changes.properties().forEach(change -> updated.set(change.getKey(), change.getValue()));
        Instant createdAt = Instant.parse(current.get("created_at").asString());
        stamp(kind, scope, updated, id, createdAt, now);

        List<Column> columns = kind.documentColumns();
        StringJoiner assignments = new StringJoiner(", ");
        List<Object> parameters = new ArrayList<>();
        for (Column column : columns) {
            assignments.add(column.name() + " = ?");
            parameters.add(columnValue(column, updated));
        }
        assignments.add("updated_at = ?");
        parameters.add(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        assignments.add("doc = CAST(? AS jsonb)");
        parameters.add(json.writeValueAsString(updated));
        SqlStatement where = scopeCondition(kind, scope);
        parameters.addAll(where.parameters());
        parameters.add(id);
        try {
            jdbc.sql("UPDATE " + kind.table().table() + " SET " + assignments + " WHERE " + where.sql() + " AND id = ?")
                    .params(parameters)
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw ApiException.alreadyExists(uniqueValues(kind, updated));
        }
        return updated;
    }

    private int insert(ResourceKind kind, String id, StoreScope scope, ObjectNode stored, Instant now, String onConflict) {
        List<Column> columns = kind.documentColumns();
        StringJoiner names = new StringJoiner(", ");
        StringJoiner placeholders = new StringJoiner(", ");
        List<Object> parameters = new ArrayList<>();
        for (String standard : List.of("id", "domain_id", "created_at", "updated_at")) {
            names.add(standard);
            placeholders.add("?");
        }
        OffsetDateTime timestamp = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        parameters.addAll(List.of(id, scope.domainId(), timestamp, timestamp));
        for (Column column : columns) {
            names.add(column.name());
            placeholders.add("?");
            parameters.add(columnValue(column, stored));
        }
        names.add("doc");
        placeholders.add("CAST(? AS jsonb)");
        parameters.add(json.writeValueAsString(stored));
        return jdbc.sql("INSERT INTO " + kind.table().table() + " (" + names + ") VALUES (" + placeholders + ")" + onConflict)
                .params(parameters)
                .update();
    }

    private static ObjectNode stamp(ResourceKind kind, StoreScope scope, ObjectNode document, String id,
                                    Instant createdAt, Instant updatedAt) {
        if (kind.idKey() != null) {
            document.put(kind.idKey(), id);
        }
        scope.restrictions().forEach(document::put);
        document.put("domain_id", scope.domainId());
        document.put("created_at", TIMESTAMP.format(createdAt));
        document.put("updated_at", TIMESTAMP.format(updatedAt));
        return document;
    }

    private static Object columnValue(Column column, ObjectNode document) {
        JsonNode value = document.get(column.key());
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (column.type()) {
            case TEXT -> value.isString() ? value.asString() : value.toString();
            case INTEGER -> value.canConvertToLong() ? value.longValue() : null;
            case BOOLEAN -> value.isBoolean() ? value.booleanValue() : null;
            case TIMESTAMP -> value.isString() ? OffsetDateTime.parse(value.asString()) : null;
        };
    }

    private static SqlStatement scopeCondition(ResourceKind kind, StoreScope scope) {
        StringBuilder sql = new StringBuilder("domain_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(scope.domainId()));
        scope.restrictions().forEach((key, value) -> {
            Column column = kind.table().column(key).orElseThrow(() ->
                    new IllegalArgumentException(kind.name() + " has no column " + key + " to scope by"));
            sql.append(" AND ").append(column.name()).append(" = ?");
            parameters.add(value);
        });
        // Sets bind as one array each, so the statement's text stays the same whatever their size.
        scope.memberships().forEach((key, values) -> {
            Column column = kind.table().column(key).orElseThrow(() ->
                    new IllegalArgumentException(kind.name() + " has no column " + key + " to scope by"));
            sql.append(" AND ").append(column.name()).append(" = ANY(?)");
            parameters.add(values.stream().sorted().toArray(String[]::new));
        });
        return new SqlStatement(sql.toString(), parameters);
    }

    private static Map<String, String> uniqueValues(ResourceKind kind, ObjectNode document) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : kind.uniqueKeys()) {
            JsonNode value = document.get(key);
            values.put(key, value == null || value.isNull() ? "null" : value.asString());
        }
        return values;
    }

    private static ApiException notFound(Map<String, String> uniqueValues) {
        Map.Entry<String, String> first = uniqueValues.entrySet().iterator().next();
        return ApiException.notFound(first.getKey(), first.getValue());
    }

    private static boolean isPrimaryKeyViolation(ResourceKind kind, DuplicateKeyException duplicate) {
        String message = String.valueOf(duplicate.getMostSpecificCause().getMessage());
        return message.contains(kind.table().table() + "_pkey");
    }

    private long count(SqlStatement statement) {
        return jdbc.sql(statement.sql()).params(statement.parameters()).query(Long.class).single();
    }

    private ObjectNode document(ResultSet row, int index) throws SQLException {
        return parse(row.getString(1));
    }

    private ObjectNode parse(String document) {
        return (ObjectNode) json.readTree(document);
    }

    private static List<Object> with(List<Object> parameters, Object... more) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(List.of(more));
        return all;
    }
}
