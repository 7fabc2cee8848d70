package dev.canopy.server.plugin.supervisor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.server.repository.PluginVersion;
import dev.canopy.server.repository.RegisteredPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs managed plugins as local processes: {@code java -jar <artifact> --port=N --host=127.0.0.1},
 * started on first use and ready once the plugin prints its listening line. A process that dies is
 * restarted (after a pause if it keeps dying); one that stops answering health checks is killed
 * and restarted; one not called for the idle time is stopped. Plugins inherit none of the server's
 * environment, so no credential of the server reaches them.
 */
public final class ProcessSupervisor implements Supervisor {

    private static final Logger log = LoggerFactory.getLogger(ProcessSupervisor.class);
    private static final Pattern LISTENING = Pattern.compile("CANOPY_PLUGIN_LISTENING port=(\\d+)");
    private static final List<String> PASSED_ENVIRONMENT = List.of("PATH", "LANG", "LC_ALL", "TZ", "JAVA_HOME", "TMPDIR");
    private static final int FAILED_PROBES_BEFORE_RESTART = 3;
    private static final int QUICK_DEATHS_BEFORE_ERROR = 5;
    private static final Duration QUICK_DEATH = Duration.ofSeconds(30);

    private final String javaCommand;
    private final Path logDirectory;
    private final Duration startupTimeout;
    private final Duration idleStop;
    private final HealthProbe probe;
    private final Clock clock;
    private final Map<String, ManagedProcess> processes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ProcessSupervisor(String javaCommand, Path logDirectory, Duration startupTimeout, Duration idleStop,
                             HealthProbe probe, Clock clock) {
        this.javaCommand = javaCommand;
        this.logDirectory = logDirectory;
        this.startupTimeout = startupTimeout;
        this.idleStop = idleStop;
        this.probe = probe;
        this.clock = clock;
    }

    @Override
    public PluginEndpoint ensure(RegisteredPlugin plugin, PluginVersion version) {
        if (version.artifact() == null) {
            throw new PluginException(PluginFailure.UNAVAILABLE, "plugin " + plugin.pluginId() + " " + version.version()
                    + " has no artifact to run as a process; it needs the Kubernetes supervisor");
        }
        if (closed) {
            throw new PluginException(PluginFailure.UNAVAILABLE, "the server is stopping");
        }
        ManagedProcess managed = processes.computeIfAbsent(key(plugin.pluginId(), version.version()),
                key -> new ManagedProcess(plugin.pluginId(), version.version(), Path.of(version.artifact())));
        return managed.ensureRunning();
    }

    @Override
    public List<InstalledPlugin> installed() {
        return processes.values().stream().map(ManagedProcess::describe).toList();
    }

    @Override
    public boolean stop(String pluginId, String version) {
        ManagedProcess managed = processes.remove(key(pluginId, version));
        if (managed == null) {
            return false;
        }
        managed.stop("stopped on request");
        return true;
    }

    @Override
    public void check() {
        Instant now = clock.instant();
        for (ManagedProcess managed : List.copyOf(processes.values())) {
            if (managed.idleSince(now).compareTo(idleStop) >= 0) {
                log.info("Managed plugin {} {} was not called for {}; stopping it", managed.pluginId, managed.version, idleStop);
                processes.remove(key(managed.pluginId, managed.version), managed);
                managed.stop("idle");
            } else {
                managed.keepAlive();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (ManagedProcess managed : List.copyOf(processes.values())) {
            managed.stop("server stopping");
        }
        processes.clear();
    }

    private static String key(String pluginId, String version) {
        return pluginId + "@" + version;
    }

    /** One plugin version's process, started and restarted under its own lock. */
    private final class ManagedProcess {

        private final String pluginId;
        private final String version;
        private final Path artifact;
        private Process process;
        private PluginEndpoint endpoint;
        private String state = "STARTING";
        private int restarts;
        private int quickDeaths;
        private int failedProbes;
        private Instant startedAt;
        private volatile Instant lastCalledAt;
        private String lastError;

        ManagedProcess(String pluginId, String version, Path artifact) {
            this.pluginId = pluginId;
            this.version = version;
            this.artifact = artifact;
            this.lastCalledAt = clock.instant();
        }

        synchronized PluginEndpoint ensureRunning() {
            lastCalledAt = clock.instant();
            if (process != null && process.isAlive() && endpoint != null) {
                return endpoint;
            }
            if (process != null) {
                noteDeath();
            }
            start();
            return endpoint;
        }

        Duration idleSince(Instant now) {
            return Duration.between(lastCalledAt, now);
        }

        /** Restarts a process that died or stopped answering; the next call would otherwise pay for it. */
        synchronized void keepAlive() {
            if (process == null || "STOPPED".equals(state)) {
                return;
            }
            if (!process.isAlive()) {
                noteDeath();
            } else if (!probe.serving(endpoint)) {
                if (++failedProbes < FAILED_PROBES_BEFORE_RESTART) {
                    return;
                }
                log.warn("Managed plugin {} {} failed {} health checks; restarting it", pluginId, version, failedProbes);
                lastError = "stopped answering health checks";
                process.destroyForcibly();
                noteDeath();
            } else {
                failedProbes = 0;
                return;
            }
            if ("ERROR".equals(state)) {
                return; // dying again and again: left until the next call asks for it
            }
            try {
                start();
            } catch (PluginException failedAgain) {
                log.warn("Managed plugin {} {} could not be restarted: {}", pluginId, version, failedAgain.getMessage());
            }
        }

        private void noteDeath() {
            if (process == null) {
                return;
            }
            Integer exit = process.isAlive() ? null : process.exitValue();
            if (lastError == null || !lastError.startsWith("stopped answering")) {
                lastError = "exited" + (exit != null ? " with status " + exit : "");
            }
            log.warn("Managed plugin {} {} (pid {}) {}; restarting it", pluginId, version, process.pid(), lastError);
            boolean quick = startedAt != null && Duration.between(startedAt, clock.instant()).compareTo(QUICK_DEATH) < 0;
            quickDeaths = quick ? quickDeaths + 1 : 0;
            restarts++;
            process = null;
            endpoint = null;
            state = quickDeaths >= QUICK_DEATHS_BEFORE_ERROR ? "ERROR" : "RESTARTING";
        }

        private void start() {
            state = "STARTING";
            Path logFile = logDirectory.resolve(pluginId + "-" + version + ".log");
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(javaCommand, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", artifact.toString(), "--port=" + port, "--host=127.0.0.1");
            Map<String, String> environment = builder.environment();
            Map<String, String> inherited = Map.copyOf(environment);
            environment.clear();
            PASSED_ENVIRONMENT.forEach(name -> {
                if (inherited.containsKey(name)) {
                    environment.put(name, inherited.get(name));
                }
            });
            try {
                Files.createDirectories(logDirectory);
                builder.redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
                process = builder.start();
            } catch (IOException e) {
                fail("cannot start " + artifact + ": " + e.getMessage());
            }
            Process started = process;
            CompletableFuture<Integer> listening = new CompletableFuture<>();
            Thread reader = new Thread(() -> readOutput(started, listening), "plugin-" + pluginId + "-stdout");
            reader.setDaemon(true);
            reader.start();
            try {
                int listeningPort = listening.get(startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
                endpoint = new PluginEndpoint("127.0.0.1", listeningPort);
                startedAt = clock.instant();
                failedProbes = 0;
                state = "ACTIVE";
                log.info("Managed plugin {} {} started (pid {}) at {}", pluginId, version, started.pid(), endpoint.target());
            } catch (TimeoutException late) {
                started.destroyForcibly();
                fail("did not start listening within " + startupTimeout.toSeconds() + " s; see " + logFile);
            } catch (ExecutionException exited) {
                fail(exited.getCause().getMessage() + "; see " + logFile);
            } catch (InterruptedException interrupted) {
                started.destroyForcibly();
                Thread.currentThread().interrupt();
                fail("start interrupted");
            }
        }

        private void fail(String reason) {
            lastError = reason;
            state = "ERROR";
            process = null;
            endpoint = null;
            throw new PluginException(PluginFailure.UNAVAILABLE, "plugin " + pluginId + " " + version + " " + reason);
        }

        private void readOutput(Process started, CompletableFuture<Integer> listening) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (!listening.isDone() && matcher.find()) {
                        listening.complete(Integer.parseInt(matcher.group(1)));
                    } else {
                        log.debug("[{} {}] {}", pluginId, version, line);
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
            listening.completeExceptionally(new IllegalStateException("exited before listening"
                    + (started.isAlive() ? "" : " (status " + waitFor(started) + ")")));
        }

        synchronized void stop(String why) {
            state = "STOPPED";
            if (process != null) {
                Process stopping = process;
                process = null;
                endpoint = null;
                stopping.destroy();
                try {
                    if (!stopping.waitFor(5, TimeUnit.SECONDS)) {
                        stopping.destroyForcibly();
                    }
                } catch (InterruptedException interrupted) {
                    stopping.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
                log.info("Managed plugin {} {} stopped: {}", pluginId, version, why);
            }
        }

        synchronized InstalledPlugin describe() {
            return new InstalledPlugin(pluginId, version, state, endpoint != null ? "grpc://" + endpoint.target() : null,
                    process != null ? process.pid() : null, restarts, startedAt, lastCalledAt, lastError);
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for a plugin", e);
        }
    }

    /** The server's own java launcher, for plugins run the same way. */
    public static String currentJava() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
