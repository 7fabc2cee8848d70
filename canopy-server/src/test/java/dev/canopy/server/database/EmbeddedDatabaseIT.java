package dev.canopy.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;

import dev.canopy.server.ApiClient;
import dev.canopy.server.CanopyApplication;
import dev.canopy.server.system.DataDirectoryInUseException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole-server lifecycles: data kept across restarts, one server per data directory, external databases. */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDir;

    /** Starts a whole server as its command line would, with {@code --key=value} arguments. */
    private static ConfigurableApplicationContext start(String... arguments) {
        String[] commandLine = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("server.port=0", "canopy.datasource.embedded-durable=false",
                                "canopy.identity.admin-password=" + dev.canopy.server.TestServer.ADMIN_PASSWORD),
                        java.util.stream.Stream.of(arguments))
                .map(argument -> "--" + argument)
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CanopyApplication.class).run(commandLine);
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return ApiClient.admin(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void keepsDataAcrossARestartAndStopsPostgresCleanly() {
        try (ConfigurableApplicationContext first = start("canopy.data-dir=" + dataDir)) {
            assertThat(api(first).post("/api/config/domain-config/create",
                    "{\"name\": \"survivor\", \"data\": {\"kept\": [1, 2]}}").status()).isEqualTo(200);
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

        try (ConfigurableApplicationContext second = start("canopy.data-dir=" + dataDir)) {
            ApiClient.Response read = api(second).post("/api/config/domain-config/get", "{\"name\": \"survivor\"}");
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().at("/data/kept/1").asInt()).isEqualTo(2);
        }
    }

    @Test
    void letsNoOneIntoTheEmbeddedDatabaseWithoutItsPassword() throws Exception {
        try (ConfigurableApplicationContext server = start("canopy.data-dir=" + dataDir)) {
            EmbeddedDatabase database = server.getBean(EmbeddedDatabase.class);

            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("database-password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void cancelsStatementsThatRunPastTheTimeout() {
        try (ConfigurableApplicationContext server = start("canopy.data-dir=" + dataDir,
                "canopy.datasource.statement-timeout=300ms")) {
            JdbcClient jdbc = server.getBean(JdbcClient.class);

            assertThatThrownBy(() -> jdbc.sql("SELECT pg_sleep(5)").query().singleValue())
                    .isInstanceOfAny(QueryTimeoutException.class, TransientDataAccessResourceException.class)
                    .hasMessageContaining("statement timeout");
            assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
        }
    }

    @Test
    void refusesASecondServerOnTheSameDataDirectory() {
        try (ConfigurableApplicationContext first = start("canopy.data-dir=" + dataDir)) {
            assertThatThrownBy(() -> start("canopy.data-dir=" + dataDir))
                    .hasRootCauseInstanceOf(DataDirectoryInUseException.class)
                    .rootCause().hasMessageContaining("in use by another Canopy server");
            // The first one is unharmed.
            assertThat(api(first).post("/api/config/domain-config/list", "{}").status()).isEqualTo(200);
        }
    }

    @Test
    void anInstanceWithoutTheApiRoleServesNoVerbs() {
        try (ConfigurableApplicationContext worker = start("canopy.data-dir=" + dataDir, "canopy.roles=scheduler,worker")) {
            int port = ((WebServerApplicationContext) worker).getWebServer().getPort();
            ApiClient anonymous = new ApiClient(port);
            ApiClient.Response response = anonymous.post("/api/config/domain-config/list", "{}");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorKey()).isEqualTo("canopy.roles");
            assertThat(anonymous.send(anonymous.request("/actuator/health").GET()).status()).isEqualTo(200);
        }
    }

    @Test
    void usesAnExternalDatabaseWhenOneIsConfigured() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext server = start("canopy.data-dir=" + dataDir,
                     "canopy.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                     "canopy.datasource.user=postgres")) {
            assertThat(server.getBeanProvider(EmbeddedDatabase.class).getIfAvailable()).isNull();
            assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
            assertThat(api(server).post("/api/config/domain-config/create", "{\"name\": \"ext\", \"data\": {}}").status())
                    .isEqualTo(200);
            try (var connection = external.getPostgresDatabase().getConnection();
                 var rows = connection.createStatement().executeQuery("SELECT count(*) FROM domain_config WHERE name = 'ext'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }
}
