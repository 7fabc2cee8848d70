package dev.canopy.bench.inventory;

import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugins.demo.DemoCollectorPluginFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw baseline: the demo collector's cloud services, generated in this JVM with the same options
 * as the server's collector, written as the documents the server stores (the collected resource plus
 * state, project, origin, id, domain and timestamps) and loaded with one {@code COPY ... FROM STDIN}
 * (CSV) into a table made like the server's {@code cloud_service}, with its indexes, in a schema of its
 * own. No lookup, no hash, no history: what PostgreSQL alone needs to store the same rows.
 *
 * <p>{@link #generateAndCopy} streams generation into the COPY (the plugin's cost included, as in the
 * pipeline) and keeps the CSV in a file; {@link #copyOnly} then loads that file into the emptied table,
 * which times the COPY alone.
 */
final class CopyBaseline {

    static final String SCHEMA = "bench_copy";
    private static final String COLUMNS = "id, domain_id, name, state, provider, cloud_service_group, cloud_service_type,"
            + " account, region_code, project_id, collector_id, service_account_id, resource_id, misses, created_at, updated_at, doc";
    private static final String COPY = "COPY " + SCHEMA + ".cloud_service (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)";
    private static final int CHUNK = 1 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What one load did. */
    record Load(long cloudServices, long otherItems, long bytes, long nanos) {
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Map<String, Object> pluginOptions;
    private final String domainId;
    private final String projectId;
    private final String collectorId;
    private final String serviceAccountId;

    CopyBaseline(String jdbcUrl, String user, String password, Map<String, Object> pluginOptions, String domainId,
                 String projectId, String collectorId, String serviceAccountId) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.pluginOptions = pluginOptions;
        this.domainId = domainId;
        this.projectId = projectId;
        this.collectorId = collectorId;
        this.serviceAccountId = serviceAccountId;
    }

    /** (Re)creates the server's {@code cloud_service} table in {@link #SCHEMA}, with its columns and indexes. */
    void createTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            // The server's own table as its migrations made it: the same columns, defaults and indexes.
            statement.execute("CREATE TABLE " + SCHEMA + ".cloud_service (LIKE public.cloud_service INCLUDING ALL)");
        }
    }

    /** Empties the table (and its indexes) for the next load. */
    void truncate() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + SCHEMA + ".cloud_service");
        }
    }

    void dropSchema() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** Generates the documents with the demo plugin and streams them into one COPY; the CSV also goes to {@code csvFile}. */
    Load generateAndCopy(Path csvFile) throws SQLException, IOException {
        long start = System.nanoTime();
        long services = 0;
        long others = 0;
        long bytes = 0;
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        SplittableRandom random = new SplittableRandom(7);
        HexFormat hex = HexFormat.of();
        byte[] idBytes = new byte[6];
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK + (64 << 10));
        try (Connection connection = connect();
             OutputStream file = new BufferedOutputStream(Files.newOutputStream(csvFile), CHUNK);
             Stream<CollectedResource> stream = new DemoCollectorPluginFactory().create()
                     .collect(new CollectRequest(pluginOptions, Map.of(), null, null))) {
            CopyIn copy = copyManager(connection).copyIn(COPY);
            try {
                Iterator<CollectedResource> items = stream.iterator();
                while (items.hasNext()) {
                    CollectedResource item = items.next();
                    if (!"inventory.CloudService".equals(item.resourceType())) {
                        others++;
                        continue;
                    }
                    for (int i = 0; i < idBytes.length; i++) {
                        idBytes[i] = (byte) random.nextInt(256);
                    }
                    writeRow(chunk, "cloud-svc-" + hex.formatHex(idBytes), item.resource(), now);
                    services++;
                    if (chunk.size() >= CHUNK) {
                        bytes += flush(chunk, copy, file);
                    }
                }
                bytes += flush(chunk, copy, file);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
        return new Load(services, others, bytes, System.nanoTime() - start);
    }

    /** Loads the CSV {@link #generateAndCopy} wrote: the COPY alone. */
    Load copyOnly(Path csvFile, long cloudServices) throws SQLException, IOException {
        long start = System.nanoTime();
        long bytes = Files.size(csvFile);
        try (Connection connection = connect();
             InputStream in = new BufferedInputStream(Files.newInputStream(csvFile), CHUNK)) {
            long rows = copyManager(connection).copyIn(COPY, in, CHUNK);
            if (rows != cloudServices) {
                throw new IllegalStateException("COPY loaded " + rows + " rows, expected " + cloudServices);
            }
        }
        return new Load(cloudServices, 0, bytes, System.nanoTime() - start);
    }

    private void writeRow(ByteArrayOutputStream out, String id, Map<String, Object> resource, String now) {
        // The document as the server stores a new cloud service (ResourceMerger's insert).
        Map<String, Object> doc = new LinkedHashMap<>(resource);
        doc.put("state", "ACTIVE");
        if (projectId != null && doc.get("project_id") == null) {
            doc.put("project_id", projectId);
        }
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("collector_id", collectorId);
        origin.put("service_account_id", serviceAccountId);
        doc.put("collection_info", origin);
        doc.put("custom_tags", Map.of());
        doc.put("cloud_service_id", id);
        doc.put("domain_id", domainId);
        doc.put("created_at", now);
        doc.put("updated_at", now);
        Object reference = resource.get("reference");
        Object resourceId = reference instanceof Map<?, ?> map ? map.get("resource_id") : null;
        field(out, id, true);
        field(out, domainId, true);
        field(out, doc.get("name"), true);
        field(out, "ACTIVE", true);
        field(out, doc.get("provider"), true);
        field(out, doc.get("cloud_service_group"), true);
        field(out, doc.get("cloud_service_type"), true);
        field(out, doc.get("account"), true);
        field(out, doc.get("region_code"), true);
        field(out, doc.get("project_id"), true);
        field(out, collectorId, true);
        field(out, serviceAccountId, true);
        field(out, resourceId, true);
        field(out, "0", true);
        field(out, now, true);
        field(out, now, true);
        quoted(out, JSON.writeValueAsBytes(doc));
        out.write('\n');
    }

    private static void field(ByteArrayOutputStream out, Object value, boolean comma) {
        if (value != null) {
            quoted(out, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        }
        if (comma) {
            out.write(',');
        }
    }

    /** A CSV field in double quotes, quotes inside doubled (UTF-8 never has '"' inside a multi-byte character). */
    private static void quoted(ByteArrayOutputStream out, byte[] value) {
        out.write('"');
        int from = 0;
        for (int i = 0; i < value.length; i++) {
            if (value[i] == '"') {
                out.write(value, from, i - from + 1);
                out.write('"');
                from = i + 1;
            }
        }
        out.write(value, from, value.length - from);
        out.write('"');
    }

    private static long flush(ByteArrayOutputStream chunk, CopyIn copy, OutputStream file) throws SQLException, IOException {
        int size = chunk.size();
        if (size > 0) {
            byte[] bytes = chunk.toByteArray();
            copy.writeToCopy(bytes, 0, size);
            file.write(bytes, 0, size);
            chunk.reset();
        }
        return size;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    private static CopyManager copyManager(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }
}
