package dev.canopy.plugin.example;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.PluginChannels;
import dev.canopy.plugin.grpc.PluginInfoClient;
import dev.canopy.plugin.grpc.collector.GrpcCollectorPlugin;
import dev.canopy.plugin.sdk.PluginServerMain;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The runnable jar as a host runs it: {@code java -jar canopy-plugin-example-<version>-plugin.jar --port=0}
 * as a separate process on loopback, reached over gRPC, answering what the plugin answers in process.
 */
@Timeout(60)
class ExamplePluginProcessIT {

    private static final Map<String, Object> TOKEN = Map.of("token", "example-token");

    private Process process;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws InterruptedException {
        if (channel != null) {
            PluginChannels.shutdown(channel, Duration.ofSeconds(2));
        }
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theProcessCollectsWhatThePluginCollectsInProcess() throws IOException {
        GrpcCollectorPlugin remote = new GrpcCollectorPlugin(start(), GrpcPluginSettings.defaults());
        ExampleCollectorPlugin local = new ExampleCollectorPlugin();
        Map<String, Object> options = Map.of("count", 2_000, "seed", 42, "regions", List.of("ex-north-1", "ex-east-3"));
        CollectRequest whole = new CollectRequest(options, TOKEN, Map.of(), Map.of());

        assertThat(new PluginInfoClient(channel, GrpcPluginSettings.defaults()).describe())
                .containsExactly(ExampleCollectorPluginFactory.DESCRIPTOR);
        assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(remote.init(options)).isEqualTo(local.init(options));
        remote.verify(options, TOKEN);
        List<CollectTask> tasks = remote.tasks(whole);
        assertThat(tasks).isEqualTo(local.tasks(whole));
        assertThat(collect(remote, whole)).hasSize(2_003).isEqualTo(collect(local, whole));
        for (CollectTask task : tasks) {
            CollectRequest request = new CollectRequest(options, TOKEN, Map.of(), task.taskOptions());
            assertThat(collect(remote, request)).isEqualTo(collect(local, request));
        }
    }

    @Test
    void sigtermStopsTheProcessCleanly() throws IOException, InterruptedException {
        start();
        process.destroy();
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        assertThat(process.exitValue()).isIn(0, 143);
    }

    @Test
    void aProcessKilledMidStreamMakesThePluginUnavailable() throws IOException {
        GrpcCollectorPlugin remote = new GrpcCollectorPlugin(start(), GrpcPluginSettings.defaults());
        CollectRequest request = new CollectRequest(Map.of("count", 100_000, "delay_ms", 1), TOKEN, Map.of(), Map.of());
        PluginException failure = catchThrowableOfType(PluginException.class, () -> {
            try (Stream<CollectedResource> items = remote.collect(request)) {
                Iterator<CollectedResource> iterator = items.iterator();
                iterator.next();
                process.destroyForcibly();
                while (iterator.hasNext()) {
                    iterator.next();
                }
            }
        });
        assertThat(failure.failure()).isEqualTo(PluginFailure.UNAVAILABLE);
    }

    private ManagedChannel start() throws IOException {
        Path jar = Path.of(System.getProperty("canopy.plugin.jar", "target/canopy-plugin-example-0.1.0-SNAPSHOT-plugin.jar"));
        assertThat(jar).as("the runnable plugin jar (built in the package phase)").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-jar", jar.toString(), "--port=0")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = stdout.readLine();
        assertThat(line).as("first line on stdout").startsWith(PluginServerMain.LISTENING + " port=");
        int port = Integer.parseInt(line.substring(line.indexOf("port=") + "port=".length()).trim());
        channel = PluginChannels.plaintext("127.0.0.1", port);
        return channel;
    }

    private static List<CollectedResource> collect(dev.canopy.plugin.api.collector.CollectorPlugin plugin, CollectRequest request) {
        try (Stream<CollectedResource> items = plugin.collect(request)) {
            return items.toList();
        }
    }
}
