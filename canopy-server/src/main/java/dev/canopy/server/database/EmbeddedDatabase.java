package dev.canopy.server.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose files live in {@code <data dir>/postgres}, started from the
 * binaries shipped on Maven Central. It keeps its data across restarts, listens on loopback only,
 * and is stopped (fast mode) when the instance shuts down. A server left running by an instance
 * that was killed is stopped before a new one starts on the same files.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "canopy";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    /** Every connection, local or over loopback, must present the password. */
    private static final String HOST_BASED_AUTHENTICATION = """
            # Written by Canopy at every start: every connection needs the password kept in the
            # data directory's database-password file.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    static EmbeddedDatabase start(Path directory, Path passwordFile, boolean durable) {
        try {
            Files.createDirectories(directory);
            stopOrphanedServer(directory);
            String password = DatabasePassword.readOrCreate(passwordFile, Files.exists(directory.resolve("PG_VERSION")));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // Spring closes this bean after the connection pool; a JVM hook of its own would race it.
                    .setRegisterShutdownHook(false)
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    // Failed statements are reported to the caller; the server log keeps start-up,
                    // shutdown, checkpoints and fatal problems, not every refused insert.
                    .setServerConfig("log_min_messages", "log")
                    .setServerConfig("log_min_error_statement", "panic")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
            database.requirePassword(directory);
            database.createCanopyDatabase();
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), directory);
            return database;
        } catch (IOException | SQLException e) {
            throw new EmbeddedDatabaseException("the embedded PostgreSQL could not start in " + directory, e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    String user() {
        return "postgres";
    }

    String password() {
        return password;
    }

    /**
     * initdb lets any local user in without a password; set the superuser's password and require
     * it from then on. On later starts the files already say so and nothing changes.
     */
    private void requirePassword(Path directory) throws IOException, SQLException {
        Path hba = directory.resolve("pg_hba.conf");
        if (HOST_BASED_AUTHENTICATION.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // The password is hex digits we generated; ALTER ROLE takes no bound parameters.
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(hba, HOST_BASED_AUTHENTICATION, StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    private void createCanopyDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        }
    }

    /**
     * If an instance died without stopping its PostgreSQL, the server still runs on our files (we
     * hold the data directory lock, so it belongs to no live instance). Ask it to shut down and wait.
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        log.warn("Stopping PostgreSQL process {} left running on {} by an earlier instance", postmaster.get().pid(), directory);
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception notStopped) {
            throw new EmbeddedDatabaseException("PostgreSQL process " + postmaster.get().pid()
                    + " still runs on " + directory + "; stop it and start again", notStopped);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        log.info("Embedded PostgreSQL stopped");
    }
}
