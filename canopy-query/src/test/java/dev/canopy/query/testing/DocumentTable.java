package dev.canopy.query.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.canopy.query.Column;
import dev.canopy.query.ColumnType;
import dev.canopy.query.SqlStatement;
import dev.canopy.query.TableSchema;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A resource table laid out as {@link TableSchema} describes it, in the shared test database:
 * {@code id}, {@code domain_id}, {@code created_at}, {@code updated_at}, {@code doc jsonb} and the
 * declared columns, every text column {@code COLLATE "C"}. Documents are inserted with their
 * declared column values copied from the document.
 */
public final class DocumentTable implements AutoCloseable {

    /** Reads numbers exactly, so that {@code 1.10} stays a decimal rather than a double. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Connection connection;
    private final TableSchema schema;
    private final List<Column> columns;
    private int inserted;

    private DocumentTable(Connection connection, TableSchema schema) {
        this.connection = connection;
        this.schema = schema;
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column column : schema.columns().values()) {
            byName.putIfAbsent(column.name(), column);
        }
        this.columns = List.copyOf(byName.values());
    }

    /** Drops and creates the table of {@code schema}. */
    public static DocumentTable create(TableSchema schema) {
        DocumentTable table = new DocumentTable(TestDatabase.connect(), schema);
        table.recreate();
        return table;
    }

    private void recreate() {
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + schema.table() + " (");
        boolean hasId = columns.stream().anyMatch(column -> column.name().equals("id"));
        if (!hasId) {
            ddl.append("id text COLLATE \"C\" NOT NULL, ");
        }
        for (Column column : columns) {
            ddl.append(column.name()).append(' ').append(sqlType(column.type())).append(", ");
        }
        ddl.append("doc jsonb NOT NULL, PRIMARY KEY (id))");
        execute("DROP TABLE IF EXISTS " + schema.table());
        execute(ddl.toString());
        inserted = 0;
    }

    private static String sqlType(ColumnType type) {
        return switch (type) {
            case TEXT -> "text COLLATE \"C\"";
            case TIMESTAMP -> "timestamptz";
            case INTEGER -> "bigint";
            case BOOLEAN -> "boolean";
        };
    }

    /** Removes every row. */
    public void clear() {
        execute("TRUNCATE " + schema.table());
        inserted = 0;
    }

    /**
     * Inserts the documents in order (each one's {@code created_at} must already be in the document
     * if the schema declares it; callers make it increase so that creation order is defined).
     * A document without an id column value gets {@code doc-N}.
     */
    public void insert(String domainId, List<ObjectNode> documents) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + schema.table() + " (");
        List<String> names = new ArrayList<>();
        boolean hasId = columns.stream().anyMatch(column -> column.name().equals("id"));
        if (!hasId) {
            names.add("id");
        }
        for (Column column : columns) {
            names.add(column.name());
        }
        names.add("doc");
        sql.append(String.join(", ", names)).append(") VALUES (");
        sql.append("?, ".repeat(names.size() - 1)).append("CAST(? AS jsonb))");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (ObjectNode document : documents) {
                int index = 1;
                String generatedId = "doc-" + (++inserted);
                if (!hasId) {
                    statement.setString(index++, generatedId);
                }
                for (Column column : columns) {
                    Object value;
                    if (column.name().equals("domain_id")) {
                        value = domainId;
                    } else if (column.name().equals("id") && !document.has(column.key())) {
                        value = generatedId;
                    } else {
                        value = columnValue(column, document.get(column.key()));
                    }
                    statement.setObject(index++, value);
                }
                statement.setString(index, JSON.writeValueAsString(document));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert documents", e);
        }
    }

    private static Object columnValue(Column column, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (column.type()) {
            case TEXT -> require(value, value.isString(), column).asString();
            case TIMESTAMP -> OffsetDateTime.parse(require(value, value.isString(), column).asString());
            case INTEGER -> require(value, value.isIntegralNumber(), column).longValue();
            case BOOLEAN -> require(value, value.isBoolean(), column).booleanValue();
        };
    }

    private static JsonNode require(JsonNode value, boolean ok, Column column) {
        if (!ok) {
            throw new IllegalArgumentException("column " + column.name() + " cannot hold " + value);
        }
        return value;
    }

    /** Runs {@code statement} and reads the first column of every row as a JSON object. */
    public List<ObjectNode> objects(SqlStatement statement) {
        List<ObjectNode> results = new ArrayList<>();
        try (PreparedStatement prepared = prepare(statement); ResultSet rows = prepared.executeQuery()) {
            while (rows.next()) {
                String text = rows.getString(1);
                JsonNode node = text == null ? null : JSON.readTree(text);
                if (node == null || !node.isObject()) {
                    throw new IllegalStateException("expected a JSON object, got " + text);
                }
                results.add((ObjectNode) node);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(describe(statement) + ": " + e.getMessage(), e);
        }
        return results;
    }

    /** Runs {@code statement} and reads its one number. */
    public long count(SqlStatement statement) {
        try (PreparedStatement prepared = prepare(statement); ResultSet rows = prepared.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("no row from " + statement.sql());
            }
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(describe(statement) + ": " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(SqlStatement statement) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement.sql());
        List<Object> parameters = statement.parameters();
        for (int index = 0; index < parameters.size(); index++) {
            prepared.setObject(index + 1, parameters.get(index));
        }
        return prepared;
    }

    public static String describe(SqlStatement statement) {
        return statement.sql() + " " + statement.parameters();
    }

    private void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public TableSchema schema() {
        return schema;
    }

    @Override
    public void close() {
        try {
            execute("DROP TABLE IF EXISTS " + schema.table());
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
