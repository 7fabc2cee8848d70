package dev.canopy.server.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The plugin registry: one for the instance, written by the root domain's administrators only. */
class PluginRegistryIT extends TestServer {

    private static final String PASSWORD = "Right-Password-1";

    @LocalServerPort
    int port;

    @Autowired
    PluginRegistry registry;

    ApiClient root;

    @BeforeEach
    void signIn() {
        root = ApiClient.admin(port);
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private ApiClient.Response register(String pluginId, String versions) {
        return root.post("/api/repository/plugin/register", "{\"plugin_id\": \"" + pluginId + "\", \"name\": \"Remote collector\","
                + " \"service_type\": \"inventory.Collector\", \"registry_type\": \"REMOTE\", \"provider\": \"aws\","
                + " \"labels\": [\"demo\"], \"versions\": " + versions + "}");
    }

    @Test
    void registersARemotePluginWithItsVersionsNewestFirst() {
        String pluginId = unique("remote");
        ApiClient.Response registered = register(pluginId, "[{\"version\": \"1.2.0\", \"endpoint\": \"grpc://127.0.0.1:50051\"},"
                + " {\"version\": \"1.10.0\", \"endpoint\": \"grpc://127.0.0.1:50052\"},"
                + " {\"version\": \"1.10.0-rc.1\", \"endpoint\": \"grpc://127.0.0.1:50053\"}]");
        assertThat(registered.status()).as(registered.raw()).isEqualTo(200);
        assertThat(registered.body().has("domain_id")).isFalse();
        assertThat(registered.body().get("state").asString()).isEqualTo("ENABLED");

        JsonNode versions = root.post("/api/repository/plugin/get_versions", "{\"plugin_id\": \"" + pluginId + "\"}").body();
        assertThat(texts(versions.get("results"))).containsExactly("1.10.0", "1.10.0-rc.1", "1.2.0");

        RegisteredPlugin found = registry.find(pluginId).orElseThrow();
        assertThat(found.newest().orElseThrow().endpoint()).isEqualTo("grpc://127.0.0.1:50052");
        assertThat(found.registryType()).isEqualTo(RegistryType.REMOTE);

        JsonNode listed = root.post("/api/repository/plugin/list", "{\"query\": {\"filter\": [{\"k\": \"labels\", \"v\": \"demo\","
                + " \"o\": \"eq\"}, {\"k\": \"plugin_id\", \"v\": \"" + pluginId + "\", \"o\": \"eq\"}]}}").body();
        assertThat(listed.get("total_count").asLong()).isEqualTo(1);
        assertThat(listed.at("/results/0/name").asString()).isEqualTo("Remote collector");
    }

    @Test
    void refusesBadRegistrationsNamingTheField() {
        assertError(register(unique("bad-endpoint"), "[{\"version\": \"1.0.0\", \"endpoint\": \"http://x:1\"}]"),
                400, "versions[0].endpoint");
        assertError(register(unique("no-endpoint"), "[{\"version\": \"1.0.0\"}]"), 400, "versions[0].endpoint");
        assertError(register(unique("bad-version"), "[{\"version\": \"v1\", \"endpoint\": \"grpc://h:1\"}]"),
                400, "versions[0].version");
        assertError(register(unique("twice"), "[{\"version\": \"1.0.0\", \"endpoint\": \"grpc://h:1\"},"
                + " {\"version\": \"1.0.0\", \"endpoint\": \"grpc://h:2\"}]"), 400, "versions[1].version");
        assertError(register("Upper Case", "[{\"version\": \"1.0.0\", \"endpoint\": \"grpc://h:1\"}]"), 400, "plugin_id");
        assertError(root.post("/api/repository/plugin/register", "{\"plugin_id\": \"" + unique("type")
                + "\", \"name\": \"n\", \"service_type\": \"inventory.Nothing\", \"registry_type\": \"REMOTE\","
                + " \"versions\": [{\"version\": \"1.0.0\", \"endpoint\": \"grpc://h:1\"}]}"), 400, "service_type");
        assertError(root.post("/api/repository/plugin/register", "{\"plugin_id\": \"" + unique("builtin")
                + "\", \"name\": \"n\", \"service_type\": \"inventory.Collector\", \"registry_type\": \"BUILTIN\","
                + " \"versions\": [{\"version\": \"1.0.0\"}]}"), 400, "registry_type");
        assertError(root.post("/api/repository/plugin/register", "{\"plugin_id\": \"" + unique("artifact")
                + "\", \"name\": \"n\", \"service_type\": \"inventory.Collector\", \"registry_type\": \"MANAGED\","
                + " \"versions\": [{\"version\": \"1.0.0\", \"artifact\": \"/no/such/plugin.jar\"}]}"), 400, "versions[0].artifact");

        String pluginId = unique("dup");
        assertThat(register(pluginId, "[{\"version\": \"1.0.0\", \"endpoint\": \"grpc://h:1\"}]").status()).isEqualTo(200);
        assertThat(register(pluginId, "[{\"version\": \"1.0.0\", \"endpoint\": \"grpc://h:1\"}]").status()).isEqualTo(409);
    }

    @Test
    void updatesDisablesAndDeregisters() {
        String pluginId = unique("lifecycle");
        register(pluginId, "[{\"version\": \"1.0.0\", \"endpoint\": \"grpc://h:1\"}]");

        ApiClient.Response updated = root.post("/api/repository/plugin/update", "{\"plugin_id\": \"" + pluginId
                + "\", \"name\": \"Renamed\", \"versions\": [{\"version\": \"2.0.0\", \"endpoint\": \"grpc://h:2\"},"
                + " {\"version\": \"1.0.0\", \"endpoint\": \"grpc://h:1\"}]}");
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(registry.find(pluginId).orElseThrow().newest().orElseThrow().version()).isEqualTo("2.0.0");

        assertThat(root.post("/api/repository/plugin/disable", "{\"plugin_id\": \"" + pluginId + "\"}").body()
                .get("state").asString()).isEqualTo("DISABLED");
        assertThat(registry.find(pluginId).orElseThrow().enabled()).isFalse();
        assertThat(root.post("/api/repository/plugin/enable", "{\"plugin_id\": \"" + pluginId + "\"}").status()).isEqualTo(200);
        assertThat(registry.find(pluginId).orElseThrow().enabled()).isTrue();

        assertThat(root.post("/api/repository/plugin/deregister", "{\"plugin_id\": \"" + pluginId + "\"}").status()).isEqualTo(200);
        assertError(root.post("/api/repository/plugin/get", "{\"plugin_id\": \"" + pluginId + "\"}"), 404, "plugin_id");
        assertThat(registry.find(pluginId)).isEmpty();
    }

    @Test
    void otherDomainsReadTheRegistryButCannotWriteIt() {
        String pluginId = unique("shared");
        register(pluginId, "[{\"version\": \"1.0.0\", \"endpoint\": \"grpc://h:1\"}]");
        String domainId = root.post("/api/identity/domain/create", "{\"name\": \"" + unique("tenant") + "\", \"admin\":"
                + " {\"user_id\": \"boss@tenant.example\", \"password\": \"" + PASSWORD + "\"}}").body().get("domain_id").asString();
        ApiClient tenant = ApiClient.signedIn(port, domainId, "boss@tenant.example", PASSWORD);

        ApiClient.Response read = tenant.post("/api/repository/plugin/get", "{\"plugin_id\": \"" + pluginId + "\"}");
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(tenant.post("/api/repository/plugin/get_versions", "{\"plugin_id\": \"" + pluginId + "\"}").status()).isEqualTo(200);
        assertThat(tenant.post("/api/repository/plugin/register", "{\"plugin_id\": \"" + unique("tenant-plugin")
                + "\", \"name\": \"n\", \"service_type\": \"inventory.Collector\", \"registry_type\": \"REMOTE\","
                + " \"versions\": [{\"version\": \"1.0.0\", \"endpoint\": \"grpc://h:1\"}]}").status()).isEqualTo(403);
        assertThat(tenant.post("/api/repository/plugin/disable", "{\"plugin_id\": \"" + pluginId + "\"}").status()).isEqualTo(403);
        assertThat(tenant.post("/api/repository/plugin/deregister", "{\"plugin_id\": \"" + pluginId + "\"}").status()).isEqualTo(403);
    }

    private static void assertError(ApiClient.Response response, int status, String key) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().at("/error/details/key").asString()).as(response.raw()).isEqualTo(key);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }
}
