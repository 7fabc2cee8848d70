package dev.canopy.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.canopy.server.ApiClient;
import dev.canopy.server.ApiClient.Response;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The config service's verbs over real HTTP, on both kinds. */
class ConfigIT extends TestServer {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String prefix;

    @BeforeEach
    void client() {
        api = ApiClient.admin(port);
        prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private Response domain(String verb, String body) {
        return api.post("/api/config/domain-config/" + verb, body);
    }

    @Test
    void keepsAnyJsonObjectAsDataNestedArraysIncluded() {
        String data = """
                {"layout": [[1, 2], [3, {"deep": [true, null, 1.5e3, "x"]}]], "empty": {}, "list": [], "n": -7, "unicode": "ünï ☁"}
                """;
        Response created = domain("create", "{\"name\": \"" + prefix + "a\", \"data\": " + data + ", \"tags\": {\"team\": \"ops\"}}");

        assertThat(created.status()).isEqualTo(200);
        JsonNode read = domain("get", "{\"name\": \"" + prefix + "a\"}").body();
        assertThat(read.get("data")).isEqualTo(ApiClient.json(data));
        assertThat(read.get("tags")).isEqualTo(ApiClient.json("{\"team\": \"ops\"}"));
        assertThat(read.get("name").asString()).isEqualTo(prefix + "a");
        assertThat(read.get("domain_id").asString()).isEqualTo("domain-default");
        assertThat(read.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(read.get("updated_at")).isEqualTo(read.get("created_at"));
    }

    @Test
    void refusesASecondConfigWithTheSameName() {
        domain("create", "{\"name\": \"" + prefix + "dup\", \"data\": {\"v\": 1}}");

        Response second = domain("create", "{\"name\": \"" + prefix + "dup\", \"data\": {\"v\": 2}}");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("ERROR_ALREADY_EXISTS");
        assertThat(domain("get", "{\"name\": \"" + prefix + "dup\"}").body().at("/data/v").asInt()).isEqualTo(1);
    }

    @Test
    void updateChangesOnlyWhatItIsGiven() {
        domain("create", "{\"name\": \"" + prefix + "u\", \"data\": {\"v\": 1}, \"tags\": {\"a\": \"b\"}}");

        Response updated = domain("update", "{\"name\": \"" + prefix + "u\", \"tags\": {\"c\": \"d\"}}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("data")).isEqualTo(ApiClient.json("{\"v\": 1}"));
        assertThat(updated.body().get("tags")).isEqualTo(ApiClient.json("{\"c\": \"d\"}"));
        assertThat(updated.body().get("updated_at").asString())
                .isGreaterThanOrEqualTo(updated.body().get("created_at").asString());
        assertThat(domain("update", "{\"name\": \"" + prefix + "missing\", \"data\": {}}").errorCode())
                .isEqualTo("ERROR_NOT_FOUND");
    }

    @Test
    void setCreatesThenReplacesKeepingTheCreationTime() {
        Response first = domain("set", "{\"name\": \"" + prefix + "s\", \"data\": {\"v\": 1}}");
        Response second = domain("set", "{\"name\": \"" + prefix + "s\", \"data\": {\"w\": 2}}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.body().get("data")).isEqualTo(ApiClient.json("{\"w\": 2}"));
        assertThat(second.body().get("created_at")).isEqualTo(first.body().get("created_at"));
        assertThat(domain("list", "{\"name\": \"" + prefix + "s\"}").body().get("total_count").asInt()).isEqualTo(1);
    }

    @Test
    void deleteRemovesTheConfig() {
        domain("create", "{\"name\": \"" + prefix + "d\", \"data\": {}}");

        assertThat(domain("delete", "{\"name\": \"" + prefix + "d\"}").status()).isEqualTo(200);
        assertThat(domain("get", "{\"name\": \"" + prefix + "d\"}").errorCode()).isEqualTo("ERROR_NOT_FOUND");
        assertThat(domain("delete", "{\"name\": \"" + prefix + "d\"}").errorCode()).isEqualTo("ERROR_NOT_FOUND");
    }

    @Test
    void listFiltersSortsAndPages() {
        for (String name : new String[]{"c", "a", "b", "d"}) {
            domain("create", "{\"name\": \"" + prefix + name + "\", \"data\": {\"group\": \"" + prefix + "\", \"odd\": "
                    + (name.equals("a") || name.equals("c")) + "}}");
        }
        String filter = "{\"k\": \"data.group\", \"v\": \"" + prefix + "\", \"o\": \"eq\"}";

        JsonNode page = domain("list", "{\"query\": {\"filter\": [" + filter + "], \"sort\": [{\"key\": \"name\", \"desc\": true}],"
                + " \"page\": {\"start\": 2, \"limit\": 2}}}").body();
        assertThat(page.get("total_count").asInt()).isEqualTo(4);
        assertThat(page.get("results")).extracting(result -> result.get("name").asString())
                .containsExactly(prefix + "c", prefix + "b");

        JsonNode odd = domain("list", "{\"query\": {\"filter\": [" + filter + ", {\"k\": \"data.odd\", \"v\": true}],"
                + " \"only\": [\"name\"]}}").body();
        assertThat(odd.get("results")).extracting(result -> result.get("name").asString())
                .containsExactly(prefix + "a", prefix + "c");
        assertThat(odd.get("results").get(0).has("data")).isFalse();

        JsonNode count = domain("list", "{\"query\": {\"filter\": [" + filter + "], \"count_only\": true}}").body();
        assertThat(count.get("results")).isEmpty();
        assertThat(count.get("total_count").asInt()).isEqualTo(4);

        JsonNode keyword = domain("list", "{\"query\": {\"keyword\": \"" + prefix.toUpperCase() + "B\"}}").body();
        assertThat(keyword.get("results")).extracting(result -> result.get("name").asString()).containsExactly(prefix + "b");
    }

    @Test
    void statCountsGroupedByAKey() {
        for (int index = 0; index < 5; index++) {
            domain("create", "{\"name\": \"" + prefix + index + "\", \"data\": {\"run\": \"" + prefix + "\", \"color\": \""
                    + (index < 3 ? "red" : "blue") + "\"}}");
        }

        JsonNode stat = domain("stat", "{\"query\": {\"filter\": [{\"k\": \"data.run\", \"v\": \"" + prefix + "\"}],"
                + " \"aggregate\": [{\"group\": {\"keys\": [{\"key\": \"data.color\", \"name\": \"color\"}],"
                + " \"fields\": [{\"name\": \"total\", \"operator\": \"count\"}]}}, {\"sort\": {\"key\": \"total\", \"desc\": true}}]}}").body();

        assertThat(stat.get("results")).isEqualTo(ApiClient.json("""
                [{"color": "red", "total": 3}, {"color": "blue", "total": 2}]
                """));
        assertThat(stat.has("total_count")).isFalse();
    }

    @Test
    void userConfigsBelongToTheirUser() {
        Response created = api.post("/api/config/user-config/create", "{\"name\": \"" + prefix + "fav\", \"data\": {\"items\": [1]}}");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("user_id").asString()).isEqualTo("admin");
        // A domain config and a user config of the same name are different documents.
        assertThat(domain("get", "{\"name\": \"" + prefix + "fav\"}").errorCode()).isEqualTo("ERROR_NOT_FOUND");
        assertThat(api.post("/api/config/user-config/list", "{\"name\": \"" + prefix + "fav\"}").body().get("total_count").asInt())
                .isEqualTo(1);
    }
}
