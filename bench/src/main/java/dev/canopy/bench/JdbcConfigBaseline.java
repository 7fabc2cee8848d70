package dev.canopy.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * The raw-PostgreSQL baseline: the same create-then-get of a config document as the REST side,
 * done with two prepared statements on one autocommit connection, into a table shaped like a
 * Canopy resource table. Meant for one thread; close it to release the connection.
 */
public final class JdbcConfigBaseline implements RoundTripRun.Client {

    private static final String DOMAIN_ID = "domain-bench";
    private static final String CREATE_TABLE = """
            CREATE TABLE bench_config (
                id text PRIMARY KEY,
                domain_id text NOT NULL,
                name text NOT NULL,
                doc jsonb NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                UNIQUE (domain_id, name)
            )""";
    private static final String INSERT = """
            INSERT INTO bench_config (id, domain_id, name, doc, created_at, updated_at)
            VALUES (?, ?, ?, ?::jsonb, ?, ?)""";
    private static final String SELECT = "SELECT doc FROM bench_config WHERE domain_id = ? AND name = ?";

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final ConfigDocument documents;
    private final SecureRandom random = new SecureRandom();
    private final HexFormat hex = HexFormat.of();

    private JdbcConfigBaseline(Connection connection, ConfigDocument documents) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement(INSERT);
        this.select = connection.prepareStatement(SELECT);
        this.documents = documents;
    }

    /** Creates a fresh {@code bench_config} table; once, before any client opens. */
    public static void createTable(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_config");
            ddl.execute(CREATE_TABLE);
        }
    }

    /** Opens one connection (autocommit on) with its prepared statements. */
    public static JdbcConfigBaseline open(String jdbcUrl, String user, String password, ConfigDocument documents)
            throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        try {
            connection.setAutoCommit(true);
            return new JdbcConfigBaseline(connection, documents);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** One round trip: insert the config named {@code name}, select it back, parse and check it. */
    @Override
    public void createAndGet(String name) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        insert.setString(1, newId());
        insert.setString(2, DOMAIN_ID);
        insert.setString(3, name);
        insert.setString(4, documents.create(name));
        insert.setObject(5, now);
        insert.setObject(6, now);
        if (insert.executeUpdate() != 1) {
            throw new BenchmarkFailure("INSERT of " + name + " did not insert one row");
        }
        select.setString(1, DOMAIN_ID);
        select.setString(2, name);
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new BenchmarkFailure("SELECT found no row for " + name);
            }
            documents.requireName(rows.getString(1), name, "bench_config.doc");
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection; insert; select) {
            // try-with-resources closes the statements, then the connection
        }
    }

    private String newId() {
        // Cloudforet-style prefixed id: "domain-config-" + 12 hex characters (48 random bits).
        return "domain-config-" + hex.toHexDigits(random.nextLong()).substring(4);
    }
}
