package dev.canopy.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Canopy server running as a child JVM ({@code java -jar canopy-server.jar}) on a loopback
 * port, with its output sent to a log file.
 *
 * <p>Lifecycle: {@link #start} launches it, {@link #awaitHealthy} polls the actuator until it is
 * UP and tells how long that took since launch, {@link #stop} ends it (SIGTERM, then SIGKILL).
 * {@code stop} is idempotent and synchronized, so a shutdown hook may call it concurrently with
 * the benchmark thread; the other methods are meant for one thread.
 */
public final class ServerProcess {

    /**
     * How to launch the server.
     *
     * @param serverJar   the Spring Boot jar
     * @param port        loopback port for {@code server.port}
     * @param dataDir     value of {@code canopy.data-dir}
     * @param logFile     receives the child's stdout and stderr
     * @param environment extra environment variables (e.g. {@code CANOPY_DB_URL})
     */
    public record Launch(Path serverJar, int port, Path dataDir, Path logFile, Map<String, String> environment) {
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final Duration FORCED_STOP = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Launch launch;
    private final Process process;
    private final long launchedAtNanos;
    private final HttpClient http;
    private final URI healthUri;
    private boolean stopped;

    private ServerProcess(Launch launch, Process process, long launchedAtNanos) {
        this.launch = launch;
        this.process = process;
        this.launchedAtNanos = launchedAtNanos;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(PROBE_TIMEOUT)
                .build();
        this.healthUri = URI.create("http://127.0.0.1:" + launch.port() + "/actuator/health");
    }

    /** The password of the admin the benchmarked servers create on their first start. */
    public static final String ADMIN_PASSWORD = "Bench-Admin-Password-1";

    /** Launches the server; the start-up clock starts just before the process is created. */
    public static ServerProcess start(Launch launch) throws IOException {
        List<String> command = List.of(
                javaExecutable(),
                "-jar", launch.serverJar().toString(),
                "--server.port=" + launch.port(),
                "--server.address=127.0.0.1",
                "--canopy.data-dir=" + launch.dataDir(),
                "--canopy.identity.admin-password=" + ADMIN_PASSWORD);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(launch.logFile().toFile());
        // A CANOPY_DB_* inherited from the caller's shell would silently switch the database mode.
        builder.environment().keySet().removeIf(name -> name.startsWith("CANOPY_DB_"));
        builder.environment().putAll(launch.environment());
        long launchedAt = System.nanoTime();
        return new ServerProcess(launch, builder.start(), launchedAt);
    }

    /** A loopback port that was free a moment ago (the usual, small, race is accepted). */
    public static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Polls {@code /actuator/health} every 50 ms until it answers 200 with status UP.
     *
     * @return the time from launch to the first healthy answer
     * @throws BenchmarkFailure with the log tail if the server exits or the timeout passes first
     */
    public Duration awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = launchedAtNanos + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw failureWithLog("server exited with code " + process.exitValue() + " before it became healthy");
            }
            if (isHealthy()) {
                return Duration.ofNanos(System.nanoTime() - launchedAtNanos);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw failureWithLog("server was not healthy within " + timeout.toSeconds() + " s");
    }

    /** The port the server listens on. */
    public int port() {
        return launch.port();
    }

    /** Whether the server's JVM is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The server JVM's process id (for {@code jcmd}). */
    public long pid() {
        return process.pid();
    }

    /** The last lines of the server's log. */
    public String logTail() {
        return logTailLines();
    }

    /**
     * Stops the server: SIGTERM, up to 30 s for a graceful shutdown, then SIGKILL. Anything it
     * leaves behind (child processes, a PostgreSQL postmaster of its data dir) is stopped too,
     * with a warning, so the next start on the same data dir is not blocked by it.
     */
    public synchronized void stop() throws InterruptedException {
        if (stopped) {
            return;
        }
        stopped = true;
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
            System.err.println("warning: server on port " + port() + " ignored SIGTERM for "
                    + GRACEFUL_STOP.toSeconds() + " s; killing it");
            process.destroyForcibly();
            process.waitFor(FORCED_STOP.toMillis(), TimeUnit.MILLISECONDS);
        }
        for (ProcessHandle child : children) {
            stopLeftover(child, "child process");
        }
        for (ProcessHandle postmaster : postmastersOf(launch.dataDir())) {
            stopLeftover(postmaster, "PostgreSQL postmaster");
        }
    }

    private boolean isHealthy() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(healthUri).timeout(PROBE_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(JSON.readTree(response.body()).path("status").asString(""));
        } catch (IOException | JacksonException e) {
            // Not listening yet, or answering something other than the health JSON: keep polling.
            return false;
        }
    }

    private BenchmarkFailure failureWithLog(String reason) {
        return new BenchmarkFailure(reason + "; last lines of its log (" + launch.logFile().getFileName() + "):\n"
                + logTailLines());
    }

    private String logTailLines() {
        try {
            List<String> lines = new String(Files.readAllBytes(launch.logFile()), StandardCharsets.UTF_8)
                    .lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log not readable: " + e + ")";
        }
    }

    private void stopLeftover(ProcessHandle leftover, String what) throws InterruptedException {
        if (!leftover.isAlive()) {
            return;
        }
        System.err.println("warning: server on port " + port() + " left " + what + " " + leftover.pid()
                + " running after it stopped; stopping it");
        leftover.destroy();
        if (!awaitExit(leftover, GRACEFUL_STOP)) {
            leftover.destroyForcibly();
            awaitExit(leftover, FORCED_STOP);
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handle.isAlive() && System.nanoTime() - deadline < 0) {
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return !handle.isAlive();
    }

    /**
     * Live postmasters named by a {@code postmaster.pid} under the data dir. An embedded
     * PostgreSQL started through pg_ctl is re-parented away from the server JVM, so it is not
     * among the server's descendants and has to be found this way.
     */
    private static List<ProcessHandle> postmastersOf(Path dataDir) {
        List<ProcessHandle> postmasters = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            return postmasters;
        }
        try (Stream<Path> paths = Files.walk(dataDir, 6)) {
            paths.filter(path -> path.getFileName().toString().equals("postmaster.pid"))
                    .map(ServerProcess::readPid)
                    .flatMap(Optional::stream)
                    .map(ProcessHandle::of)
                    .flatMap(Optional::stream)
                    // The pid may have been reused by an unrelated process since the file was written.
                    .filter(handle -> handle.info().command().orElse("").contains("postgres"))
                    .forEach(postmasters::add);
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: could not look for a leftover postmaster in " + dataDir + ": " + e);
        }
        return postmasters;
    }

    private static Optional<Long> readPid(Path pidFile) {
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst().map(String::trim).map(Long::parseLong);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String javaExecutable() {
        // The same JVM as the benchmark, whatever `java` is first on the PATH.
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
