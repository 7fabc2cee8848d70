package dev.canopy.bench.plugin;

import dev.canopy.bench.BenchmarkFailure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A plugin's runnable jar as a separate local process, started as a host would: {@code java -jar <jar>
 * --port=0}, ready once it prints {@code CANOPY_PLUGIN_LISTENING port=<port>}. Its stderr goes to a log file.
 */
final class PluginProcess {

    private static final String LISTENING = "CANOPY_PLUGIN_LISTENING port=";

    private final Process process;
    private final int port;

    private PluginProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PluginProcess start(Path jar, Path logFile) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new BenchmarkFailure("plugin jar " + jar + " not found; build it with: mvn -B -q -DskipTests -pl bench -am package");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--port=0"))
                .redirectError(logFile.toFile())
                .start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = stdout.readLine();
        if (line == null || !line.startsWith(LISTENING)) {
            process.destroyForcibly();
            throw new BenchmarkFailure("plugin did not start: first line '" + line + "'; see " + logFile);
        }
        return new PluginProcess(process, Integer.parseInt(line.substring(LISTENING.length()).trim()));
    }

    int port() {
        return port;
    }

    /** SIGTERM, then SIGKILL after ten seconds. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
