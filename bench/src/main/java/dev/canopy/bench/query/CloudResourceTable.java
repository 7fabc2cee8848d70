package dev.canopy.bench.query;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import dev.canopy.query.ColumnType;
import dev.canopy.query.TableSchema;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's resource table, {@code cloud_resource}, laid out as Canopy lays out resource
 * tables (see {@code V1__config.sql}): primary key {@code (domain_id, id)}, text columns in the
 * "C" collation, every index leading with {@code domain_id}, and the hot top-level keys copied
 * into real columns beside the whole document in {@code doc}.
 */
final class CloudResourceTable {

    static final String TABLE = "cloud_resource";

    /** Hot columns: top-level document keys that are also real columns. */
    static final List<String> TEXT_COLUMNS = List.of(
            "provider", "region_code", "account", "state", "name", "cloud_service_group", "cloud_service_type");

    static final String DDL = """
            CREATE TABLE cloud_resource (
                id                  text COLLATE "C" NOT NULL,
                domain_id           text COLLATE "C" NOT NULL,
                provider            text COLLATE "C",
                region_code         text COLLATE "C",
                account             text COLLATE "C",
                state               text COLLATE "C",
                name                text COLLATE "C",
                cloud_service_group text COLLATE "C",
                cloud_service_type  text COLLATE "C",
                launched_at         timestamptz,
                created_at          timestamptz NOT NULL,
                updated_at          timestamptz NOT NULL,
                doc                 jsonb NOT NULL,
                PRIMARY KEY (domain_id, id)
            )""";

    /**
     * The secondary indexes, built after loading (faster than maintaining them row by row). One
     * btree per hot column used by filters, sorts or date ranges; creation order for the default
     * sort; GIN over the document for conditions on keys that are not columns; trigram GIN for the
     * keyword search on {@code name}. The columns the benchmark sorts on are indexed {@code NULLS
     * FIRST}: the language orders missing values first ascending and last descending, so sorts
     * compile to {@code ASC NULLS FIRST} / {@code DESC NULLS LAST}, which a default btree (nulls
     * last) can serve in neither direction, while a {@code NULLS FIRST} one serves both (forward and
     * backward).
     */
    static final List<String> INDEXES = List.of(
            "CREATE INDEX cloud_resource_created ON cloud_resource (domain_id, created_at, id)",
            "CREATE INDEX cloud_resource_provider ON cloud_resource (domain_id, provider)",
            "CREATE INDEX cloud_resource_region_code ON cloud_resource (domain_id, region_code)",
            "CREATE INDEX cloud_resource_account ON cloud_resource (domain_id, account)",
            "CREATE INDEX cloud_resource_state ON cloud_resource (domain_id, state)",
            "CREATE INDEX cloud_resource_name ON cloud_resource (domain_id, name NULLS FIRST)",
            "CREATE INDEX cloud_resource_service ON cloud_resource (domain_id, cloud_service_group, cloud_service_type)",
            "CREATE INDEX cloud_resource_launched_at ON cloud_resource (domain_id, launched_at NULLS FIRST)",
            "CREATE INDEX cloud_resource_doc ON cloud_resource USING gin (doc jsonb_path_ops)",
            "CREATE INDEX cloud_resource_name_trgm ON cloud_resource USING gin (name gin_trgm_ops)");

    /** What the compiler knows of the table. */
    static final TableSchema SCHEMA = schema();

    private CloudResourceTable() {
    }

    private static TableSchema schema() {
        TableSchema.Builder builder = TableSchema.builder(TABLE).idKey("cloud_service_id");
        for (String column : TEXT_COLUMNS) {
            builder.column(column, ColumnType.TEXT);
        }
        return builder.column("launched_at", ColumnType.TIMESTAMP)
                .keyword("name")
                .dateKey("launched_at")
                .build();
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            statement.execute(DDL);
        }
    }

    /** Streams {@code documents} generated resources in with one {@code COPY ... FROM STDIN}. */
    static void load(Connection connection, int documents, long seed) throws SQLException, IOException {
        CloudResourceGenerator generator = new CloudResourceGenerator(seed, JsonMapper.builder().build());
        String copy = "COPY cloud_resource (id, domain_id, provider, region_code, account, state, name,"
                + " cloud_service_group, cloud_service_type, launched_at, created_at, updated_at, doc) FROM STDIN";
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                new PGCopyOutputStream(pg, copy, 1 << 20), StandardCharsets.UTF_8), 1 << 20)) {
            for (long index = 0; index < documents; index++) {
                CloudResourceGenerator.Resource resource = generator.resource(index);
                field(out, resource.id()).write('\t');
                field(out, resource.domainId()).write('\t');
                field(out, resource.provider()).write('\t');
                field(out, resource.regionCode()).write('\t');
                field(out, resource.account()).write('\t');
                field(out, resource.state()).write('\t');
                field(out, resource.name()).write('\t');
                field(out, resource.group()).write('\t');
                field(out, resource.type()).write('\t');
                field(out, resource.launchedAt()).write('\t');
                field(out, resource.createdAt()).write('\t');
                field(out, resource.updatedAt()).write('\t');
                field(out, resource.document()).write('\n');
            }
        }
    }

    static void createIndexes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String index : INDEXES) {
                statement.execute(index);
            }
        }
    }

    /** Writes one value in COPY's text format, escaping what the format treats specially. */
    private static Writer field(Writer out, String value) throws IOException {
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
        return out;
    }
}
