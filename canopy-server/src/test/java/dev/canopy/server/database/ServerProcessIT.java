package dev.canopy.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.canopy.server.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server as an operator runs it, in a process of its own: killed outright, it leaves
 * its PostgreSQL running, and the next start on the same directory takes over with the data intact;
 * stopped with SIGTERM, it stops PostgreSQL too.
 */
class ServerProcessIT {

    private static final Path JAR = Path.of("target", "canopy-server.jar");
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor();
        }
        postmaster().ifPresent(ProcessHandle::destroy);
    }

    @Test
    void recoversFromAKilledServerAndStopsCleanlyOnSigterm() throws Exception {
        int port = freePort();
        server = start(port);
        // No CANOPY_ADMIN_PASSWORD: the first start generates the admin's password into the data directory.
        Path passwordFile = dataDir.resolve("initial-admin-password");
        assertThat(Files.getPosixFilePermissions(passwordFile))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String password = Files.readString(passwordFile).strip();
        ApiClient api = ApiClient.signedIn(port, null, "admin", password);
        assertThat(api.post("/api/config/domain-config/create", "{\"name\": \"before-crash\", \"data\": {\"n\": 1}}").status())
                .isEqualTo(200);

        server.destroyForcibly().waitFor();
        Optional<ProcessHandle> orphan = postmaster();
        assertThat(orphan).as("PostgreSQL outlives a killed server").isPresent();

        server = start(port);
        assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
        assertThat(api.post("/api/config/domain-config/get", "{\"name\": \"before-crash\"}").body().at("/data/n").asInt())
                .isEqualTo(1);

        server.destroy(); // SIGTERM, as a service manager stops it
        assertThat(server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    private Process start(int port) throws IOException, InterruptedException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        Process process = new ProcessBuilder(javaBinary(), "-jar", JAR.toString(), "--server.port=" + port,
                "--canopy.data-dir=" + dataDir, "--canopy.datasource.embedded-durable=false")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ApiClient api = new ApiClient(port);
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (api.send(api.request("/actuator/health").GET()).status() == 200) {
                    return process;
                }
            } catch (RuntimeException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        List<String> lines = Files.readAllLines(log);
        throw new AssertionError("server did not become healthy; last log lines:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
