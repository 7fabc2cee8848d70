package dev.canopy.server.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import dev.canopy.server.plugin.supervisor.InstalledPlugin;
import dev.canopy.server.plugin.supervisor.Supervisor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example plugin run the three ways a plugin runs: in process (its jar in the plugins folder),
 * as a managed process started by the supervisor, and at a remote endpoint; plus how failures show.
 */
class PluginRuntimeIT extends TestServer {

    static final String BUILTIN = "plugin-example-inven-collector";
    private static final Pattern LISTENING = Pattern.compile("CANOPY_PLUGIN_LISTENING port=(\\d+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Process remote;
    private static int remotePort;

    @LocalServerPort
    int port;

    @Autowired
    PluginRuntime runtime;

    @Autowired
    Supervisor supervisor;

    ApiClient admin;

    @BeforeAll
    static void startRemotePlugin() throws Exception {
        remote = new ProcessBuilder(javaCommand(), "-jar", exampleJar().toString(), "--port=0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(remote.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                remotePort = Integer.parseInt(matcher.group(1));
                break;
            }
        }
        assertThat(remotePort).as("the remote plugin listens").isPositive();
    }

    @AfterAll
    static void stopRemotePlugin() {
        if (remote != null) {
            remote.destroyForcibly();
        }
    }

    @BeforeEach
    void signIn() {
        admin = ApiClient.admin(port);
    }

    static Path exampleJar() {
        Path jar = Path.of("target", "test-plugins", "canopy-plugin-example-plugin.jar").toAbsolutePath();
        assertThat(jar).exists();
        return jar;
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private String registerManaged() {
        String pluginId = unique("example-managed");
        ok("/api/repository/plugin/register", "{\"plugin_id\": \"" + pluginId + "\", \"name\": \"Example, managed\","
                + " \"service_type\": \"inventory.Collector\", \"registry_type\": \"MANAGED\","
                + " \"versions\": [{\"version\": \"1.0.0\", \"artifact\": \"" + exampleJar() + "\"}]}");
        return pluginId;
    }

    private String registerRemote(int remotePort) {
        String pluginId = unique("example-remote");
        ok("/api/repository/plugin/register", "{\"plugin_id\": \"" + pluginId + "\", \"name\": \"Example, remote\","
                + " \"service_type\": \"inventory.Collector\", \"registry_type\": \"REMOTE\","
                + " \"versions\": [{\"version\": \"1.0.0\", \"endpoint\": \"grpc://127.0.0.1:" + remotePort + "\"}]}");
        return pluginId;
    }

    private JsonNode ok(String path, String body) {
        ApiClient.Response response = admin.post(path, body);
        assertThat(response.status()).as(path + " -> " + response.raw()).isEqualTo(200);
        return response.body();
    }

    private static PluginInfo info(String pluginId, String options) {
        return new PluginInfo(pluginId, null, (ObjectNode) JSON.readTree(options), null, null);
    }

    /** Everything one account yields: every task collected, each item as the host stores it. */
    private List<JsonNode> collectAll(String pluginId, String options) {
        PluginInfo info = info(pluginId, options);
        List<JsonNode> items = new ArrayList<>();
        try (PluginSession<CollectorPlugin> session = runtime.open(info, CollectorPlugin.class)) {
            Map<String, Object> secret = Map.of("token", "example-token");
            List<CollectTask> tasks = session.plugin().tasks(new CollectRequest(runtime.map(info.options()), secret, null, null));
            for (CollectTask task : tasks) {
                try (Stream<CollectedResource> stream = session.plugin().collect(
                        new CollectRequest(runtime.map(info.options()), secret, null, task.taskOptions()))) {
                    stream.forEach(item -> items.add(JSON.valueToTree(item)));
                }
            }
        }
        return items;
    }

    @Test
    void theExamplePluginGivesTheSameResultsInProcessManagedAndRemote() {
        String managed = registerManaged();
        String remoteId = registerRemote(remotePort);
        String options = "{\"count\": 120, \"seed\": 7, \"regions\": [\"eu-west-1\", \"us-east-1\", \"ap-northeast-2\"]}";

        List<JsonNode> inProcess = collectAll(BUILTIN, options);
        List<JsonNode> asProcess = collectAll(managed, options);
        List<JsonNode> atEndpoint = collectAll(remoteId, options);

        assertThat(inProcess).hasSizeGreaterThan(120);
        assertThat(asProcess).isEqualTo(inProcess);
        assertThat(atEndpoint).isEqualTo(inProcess);

        PluginInfo bound = runtime.bind(info(BUILTIN, options));
        assertThat(bound.version()).isNotBlank();
        assertThat(bound.metadata().get("supported_resource_type")).isNotEmpty();
        assertThat(runtime.bind(info(managed, options)).metadata()).isEqualTo(bound.metadata());
        assertThat(runtime.bind(info(remoteId, options)).metadata()).isEqualTo(bound.metadata());
    }

    @Test
    void killingTheManagedProcessMidCallGivesACleanErrorAndARestart() throws Exception {
        String managed = registerManaged();
        PluginInfo slow = info(managed, "{\"count\": 2000, \"seed\": 3, \"regions\": [\"eu-west-1\"], \"delay_ms\": 5}");
        Instant started = Instant.now();
        try (PluginSession<CollectorPlugin> session = runtime.open(slow, CollectorPlugin.class);
             Stream<CollectedResource> stream = session.plugin().collect(new CollectRequest(runtime.map(slow.options()),
                     Map.of("token", "example-token"), null, Map.of("region", "eu-west-1")))) {
            Iterator<CollectedResource> items = stream.iterator();
            for (int i = 0; i < 10; i++) {
                assertThat(items.hasNext()).isTrue();
                items.next();
            }
            InstalledPlugin running = installed(managed);
            assertThat(running.state()).isEqualTo("ACTIVE");
            ProcessHandle.of(running.pid()).orElseThrow().destroyForcibly();

            assertThatThrownBy(() -> {
                while (items.hasNext()) {
                    items.next();
                }
            }).isInstanceOfSatisfying(PluginException.class,
                    failed -> assertThat(failed.failure()).isEqualTo(PluginFailure.UNAVAILABLE));
        }
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));

        InstalledPlugin restarted = awaitRestart(managed);
        assertThat(restarted.restarts()).isGreaterThanOrEqualTo(1);
        assertThat(collectAll(managed, "{\"count\": 5, \"seed\": 1, \"regions\": [\"eu-west-1\"]}")).isNotEmpty();
    }

    @Test
    void aPluginThatStallsTimesOutInsteadOfHanging() {
        for (String pluginId : List.of(BUILTIN, registerRemote(remotePort))) {
            PluginInfo stalled = info(pluginId, "{\"count\": 3, \"seed\": 1, \"regions\": [\"eu-west-1\"], \"delay_ms\": 20000}");
            Instant started = Instant.now();
            assertThatThrownBy(() -> collectAll(pluginId, stalled.options().toString()))
                    .as(pluginId)
                    .isInstanceOfSatisfying(PluginException.class,
                            failed -> assertThat(failed.failure()).isEqualTo(PluginFailure.TIMEOUT));
            assertThat(Duration.between(started, Instant.now())).as(pluginId).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void failuresReachTheApiAsPluginErrors() {
        ApiClient.Response rejected = admin.post("/api/plugin/plugin/verify",
                "{\"plugin_info\": {\"plugin_id\": \"" + BUILTIN + "\", \"options\": {}}}");
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(400);
        assertThat(rejected.body().at("/error/code").asString()).isEqualTo("ERROR_PLUGIN_REJECTED");
        assertThat(rejected.raw()).doesNotContain("Exception").doesNotContain("\tat ");

        String secretId = ok("/api/secret/secret/create", "{\"name\": \"" + unique("example-token")
                + "\", \"data\": {\"token\": \"example-token\"}}").get("secret_id").asString();
        JsonNode verified = ok("/api/plugin/plugin/verify", "{\"plugin_info\": {\"plugin_id\": \"" + BUILTIN
                + "\", \"options\": {}}, \"secret_id\": \"" + secretId + "\"}");
        assertThat(verified.get("plugin_id").asString()).isEqualTo(BUILTIN);

        String unreachable = registerRemote(closedPort());
        ApiClient.Response unavailable = admin.post("/api/plugin/plugin/get_plugin_metadata",
                "{\"plugin_info\": {\"plugin_id\": \"" + unreachable + "\"}}");
        assertThat(unavailable.status()).as(unavailable.raw()).isEqualTo(503);
        assertThat(unavailable.body().at("/error/code").asString()).isEqualTo("ERROR_PLUGIN_UNAVAILABLE");

        ApiClient.Response missing = admin.post("/api/plugin/plugin/get_plugin_metadata",
                "{\"plugin_info\": {\"plugin_id\": \"no-such-plugin\"}}");
        assertThat(missing.status()).isEqualTo(404);

        JsonNode metadata = ok("/api/plugin/plugin/get_plugin_metadata", "{\"plugin_info\": {\"plugin_id\": \"" + BUILTIN
                + "\", \"options\": {\"count\": 1}}}");
        assertThat(metadata.get("version").asString()).isNotBlank();
        assertThat(metadata.at("/metadata/supported_resource_type").isArray()).isTrue();
    }

    @Test
    void builtInPluginsRegisterThemselves() {
        JsonNode plugin = ok("/api/repository/plugin/get", "{\"plugin_id\": \"" + BUILTIN + "\"}");
        assertThat(plugin.get("registry_type").asString()).isEqualTo("BUILTIN");
        assertThat(plugin.get("service_type").asString()).isEqualTo("inventory.Collector");
        assertThat(admin.post("/api/repository/plugin/deregister", "{\"plugin_id\": \"" + BUILTIN + "\"}").status()).isEqualTo(400);
    }

    private InstalledPlugin installed(String pluginId) {
        return supervisor.installed().stream().filter(plugin -> plugin.pluginId().equals(pluginId)).findFirst().orElseThrow();
    }

    private InstalledPlugin awaitRestart(String pluginId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            InstalledPlugin plugin = installed(pluginId);
            if ("ACTIVE".equals(plugin.state()) && plugin.restarts() > 0) {
                return plugin;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not restarted: " + installed(pluginId));
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
