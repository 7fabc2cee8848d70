package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.server.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Builds project trees, users and bindings in the root domain through the API, for the identity tests. */
final class IdentityFixture {

    static final String PASSWORD = "Right-Password-1";

    private final ApiClient admin;
    private final JdbcClient jdbc;
    private final String suffix = Long.toHexString(System.nanoTime());

    IdentityFixture(ApiClient admin, JdbcClient jdbc) {
        this.admin = admin;
        this.jdbc = jdbc;
    }

    /** A name unique to this fixture. */
    String unique(String name) {
        return name + "-" + suffix;
    }

    JsonNode ok(ApiClient client, String path, String body) {
        ApiClient.Response response = client.post(path, body);
        assertThat(response.status()).as(path + " " + body + " -> " + response.raw()).isEqualTo(200);
        return response.body();
    }

    String group(String name, String parentGroupId) {
        String parent = parentGroupId == null ? "" : ", \"parent_group_id\": \"" + parentGroupId + "\"";
        return ok(admin, "/api/identity/project-group/create", "{\"name\": \"" + name + "\"" + parent + "}")
                .get("project_group_id").asString();
    }

    String project(String name, String groupId) {
        return ok(admin, "/api/identity/project/create",
                "{\"name\": \"" + name + "\", \"project_group_id\": \"" + groupId + "\"}").get("project_id").asString();
    }

    /** The id of one of the domain's default roles, by name. */
    String role(String name) {
        JsonNode roles = ok(admin, "/api/identity/role/list",
                "{\"query\": {\"filter\": [{\"k\": \"name\", \"v\": \"" + name + "\", \"o\": \"eq\"}]}}");
        return roles.at("/results/0/role_id").asString();
    }

    /** A local user of the root domain, inserted directly as a user service would. */
    String user(String name) {
        String userId = unique(name) + "@example.com";
        jdbc.sql("INSERT INTO identity_user (id, domain_id, user_id, name, state, auth_type, created_at, updated_at, doc)"
                        + " VALUES (?, 'domain-default', ?, ?, 'ENABLED', 'LOCAL', now(), now(), CAST(? AS jsonb))")
                .params("user-" + Long.toHexString(System.nanoTime()), userId, userId,
                        "{\"user_id\": \"" + userId + "\", \"state\": \"ENABLED\", \"auth_type\": \"LOCAL\"}")
                .update();
        jdbc.sql("INSERT INTO user_credential (domain_id, user_id, password_hash) VALUES ('domain-default', ?, ?)")
                .params(userId, new BCryptPasswordEncoder().encode(PASSWORD)).update();
        return userId;
    }

    ApiClient signIn(int port, String userId) {
        return ApiClient.signedIn(port, null, userId, PASSWORD);
    }

    /** Binds a PROJECT role on a group ({@code nodeKey} project_group_id) or a project (project_id). */
    String bind(String userId, String roleName, String nodeKey, String nodeId) {
        return ok(admin, "/api/identity/role-binding/create", "{\"user_id\": \"" + userId + "\", \"role_id\": \""
                + role(roleName) + "\", \"" + nodeKey + "\": \"" + nodeId + "\"}").get("role_binding_id").asString();
    }
}
