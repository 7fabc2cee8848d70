package dev.canopy.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.canopy.server.ApiClient;
import dev.canopy.server.PackagedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server as an operator runs it, in a process of its own: killed outright, it leaves
 * its PostgreSQL running, and the next start on the same directory takes over with the data intact;
 * stopped with SIGTERM, it stops PostgreSQL too.
 */
class ServerProcessIT {

    @TempDir
    Path dataDir;

    private PackagedServer server;

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
    }

    @Test
    void recoversFromAKilledServerAndStopsCleanlyOnSigterm() throws Exception {
        server = new PackagedServer(dataDir);
        server.start();
        // No CANOPY_ADMIN_PASSWORD: the first start generates the admin's password into the data directory.
        Path passwordFile = dataDir.resolve("initial-admin-password");
        assertThat(Files.getPosixFilePermissions(passwordFile))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String password = Files.readString(passwordFile).strip();
        ApiClient api = ApiClient.signedIn(server.port(), null, "admin", password);
        assertThat(api.post("/api/config/domain-config/create", "{\"name\": \"before-crash\", \"data\": {\"n\": 1}}").status())
                .isEqualTo(200);

        server.kill();
        Optional<ProcessHandle> orphan = server.postmaster();
        assertThat(orphan).as("PostgreSQL outlives a killed server").isPresent();

        server.start();
        assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
        assertThat(api.post("/api/config/domain-config/get", "{\"name\": \"before-crash\"}").body().at("/data/n").asInt())
                .isEqualTo(1);

        server.process().destroy(); // SIGTERM, as a service manager stops it
        assertThat(server.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    }
}
