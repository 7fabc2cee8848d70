package dev.canopy.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packaged server jar run as an operator runs it, in a process of its own, on a data directory
 * that outlives it: for the tests that kill it and start it again.
 */
public final class PackagedServer {

    private static final Path JAR = Path.of("target", "canopy-server.jar");
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final int port;
    private final List<String> arguments;
    private Process process;

    /** A server on {@code dataDir} and a free port; {@code arguments} are added to its command line. */
    public PackagedServer(Path dataDir, String... arguments) {
        this.dataDir = dataDir;
        this.port = freePort();
        this.arguments = List.of(arguments);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** Starts the server and waits until it is healthy. */
    public void start() throws IOException, InterruptedException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--server.port=" + port, "--canopy.data-dir=" + dataDir,
                "--canopy.datasource.embedded-durable=false"));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ApiClient api = new ApiClient(port);
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (api.send(api.request("/actuator/health").GET()).status() == 200) {
                    return;
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

    /** Kills the server outright, as a crash would; its PostgreSQL stays. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops whatever still runs: the server, and the PostgreSQL a killed server left. */
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
        postmaster().ifPresent(ProcessHandle::destroy);
    }

    /** The embedded PostgreSQL of the data directory, while it runs. */
    public Optional<ProcessHandle> postmaster() {
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
