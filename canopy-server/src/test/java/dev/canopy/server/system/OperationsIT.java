package dev.canopy.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.server.ApiClient;
import dev.canopy.server.ApiClient.Response;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What an operator relies on: health with the database, metrics, the API reference, request ids in logs. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT extends TestServer {

    @LocalServerPort
    int port;
    @Autowired
    CanopyProperties properties;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.admin(port);
    }

    @Test
    void healthIncludesTheDatabase() {
        Response health = api.send(api.request("/actuator/health").GET());

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        assertThat(health.body().at("/components/db/status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetrics() {
        Response metrics = api.send(api.request("/actuator/prometheus").GET());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void playsEveryRoleByDefault() {
        assertThat(properties.roles()).containsExactlyInAnyOrder(ServerRole.values());
    }

    @Test
    void openApiDescribesEveryVerbWithItsPermission() {
        JsonNode document = api.send(api.request("/api/openapi.json").GET()).body();

        assertThat(document.get("openapi").asString()).startsWith("3.1");
        for (String resource : new String[]{"domain-config", "user-config"}) {
            for (String verb : new String[]{"create", "update", "set", "delete", "get", "list", "stat"}) {
                JsonNode operation = document.at("/paths/~1api~1config~1" + resource + "~1" + verb + "/post");
                assertThat(operation.isMissingNode()).as(resource + " " + verb).isFalse();
                assertThat(operation.get("x-permission").asString()).startsWith("config.").endsWith("." + verb);
            }
        }
        JsonNode write = document.at("/components/schemas/Write");
        assertThat(write.at("/properties/name/type").asString()).isEqualTo("string");
        assertThat(write.get("required")).extracting(JsonNode::asString).containsExactlyInAnyOrder("name", "data");
    }

    @Test
    void echoesAWellFormedRequestIdAndLogsWithIt(CapturedOutput output) {
        Response response = api.send(api.request("/api/config/domain-config/get")
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "trace-4711")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"no-such-config\"}")));

        assertThat(response.requestId()).isEqualTo("trace-4711");
        assertThat(output.getOut()).containsPattern("\"request_id\":\"trace-4711\"[^\\n]*ERROR_NOT_FOUND"
                + "|ERROR_NOT_FOUND[^\\n]*\"request_id\":\"trace-4711\"");
    }

    @Test
    void replacesAMalformedRequestId() {
        Response response = api.send(api.request("/api/openapi.json").header("X-Request-Id", "bad id\tvalue").GET());

        assertThat(response.requestId()).matches("req-[0-9a-f]{16}");
    }
}
