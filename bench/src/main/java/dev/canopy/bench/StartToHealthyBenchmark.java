package dev.canopy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Start-to-healthy: how long the server takes from {@code java -jar} to a healthy actuator, on a
 * fresh data dir (cold: its embedded PostgreSQL runs initdb) and again on the same data dir
 * (warm).
 */
public final class StartToHealthyBenchmark {

    /**
     * @param cold first start on an empty data dir
     * @param warm second start on the data dir the first one left
     */
    public record Result(Duration cold, Duration warm) {
    }

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);

    private final Path serverJar;
    private final CleanupStack cleanup;

    /** Uses {@code cleanup} for the temp dir and the server processes. */
    public StartToHealthyBenchmark(Path serverJar, CleanupStack cleanup) {
        this.serverJar = serverJar;
        this.cleanup = cleanup;
    }

    /** Starts and stops the server twice on one fresh data dir. */
    public Result run() throws IOException, InterruptedException {
        Path workDir = cleanup.createTempDirectory("canopy-bench-start-");
        Path dataDir = Files.createDirectory(workDir.resolve("data"));
        Duration cold = startUntilHealthyThenStop(dataDir, workDir.resolve("server-cold.log"));
        Duration warm = startUntilHealthyThenStop(dataDir, workDir.resolve("server-warm.log"));
        return new Result(cold, warm);
    }

    private Duration startUntilHealthyThenStop(Path dataDir, Path logFile) throws IOException, InterruptedException {
        ServerProcess server = ServerProcess.start(new ServerProcess.Launch(
                serverJar, ServerProcess.freeLoopbackPort(), dataDir, logFile, Map.of()));
        cleanup.push("stop server on port " + server.port(), server::stop);
        try {
            return server.awaitHealthy(HEALTH_TIMEOUT);
        } finally {
            server.stop();
        }
    }
}
