package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code identity.APIKey} over HTTP, and API keys as credentials. */
class ApiKeyIT extends TestServer {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;


    @Autowired

    Generations generations;

    ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = ApiClient.admin(port);
    }

    /** An API_ONLY user bound to {@code role} of the default domain. */
    private String createBot(String role) {
        String userId = "bot-" + System.nanoTime();
        assertThat(admin.post("/api/identity/user/create",
                "{\"user_id\": \"" + userId + "\", \"auth_type\": \"API_ONLY\"}").status()).isEqualTo(200);
        if (role != null) {
            String roleId = jdbc.sql("SELECT id FROM role WHERE domain_id = 'domain-default' AND name = ?")
                    .param(role).query(String.class).single();
            jdbc.sql("INSERT INTO role_binding (id, domain_id, user_id, role_id, role_type, created_at, updated_at, doc)"
                            + " VALUES (?, 'domain-default', ?, ?, 'DOMAIN', now(), now(), '{}')")
                    .params("rb-" + Long.toHexString(System.nanoTime()), userId, roleId).update();
            generations.bump("domain-default");
        }
        return userId;
    }

    private ApiClient.Response createKey(String userId) {
        return admin.post("/api/identity/api-key/create", "{\"user_id\": \"" + userId + "\", \"tags\": {\"use\": \"ci\"}}");
    }

    private ApiClient.Response callWithKey(String key, String path, String body) {
        ApiClient anonymous = new ApiClient(port);
        return anonymous.send(anonymous.request(path).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void showsTheKeyOnlyWhenCreated() {
        String userId = createBot(null);

        ApiClient.Response created = createKey(userId);

        assertThat(created.status()).isEqualTo(200);
        String apiKeyId = created.body().get("api_key_id").asString();
        String key = created.body().get("api_key").asString();
        assertThat(key).startsWith("ck_" + apiKeyId + ".");
        String secret = key.substring(key.indexOf('.') + 1);
        assertThat(created.body().get("state").asString()).isEqualTo("ENABLED");
        assertThat(created.body().get("user_id").asString()).isEqualTo(userId);
        assertThat(jdbc.sql("SELECT secret_hash FROM api_key_secret WHERE id = ?").param(apiKeyId).query(String.class)
                .single()).doesNotContain(secret).hasSize(64);
        assertThat(jdbc.sql("SELECT doc::text FROM api_key WHERE id = ?").param(apiKeyId).query(String.class).single())
                .doesNotContain(secret);

        ApiClient.Response got = admin.post("/api/identity/api-key/get", "{\"api_key_id\": \"" + apiKeyId + "\"}");
        ApiClient.Response listed = admin.post("/api/identity/api-key/list",
                "{\"query\": {\"filter\": [{\"k\": \"user_id\", \"v\": \"" + userId + "\", \"o\": \"eq\"}]}}");
        assertThat(got.status()).isEqualTo(200);
        assertThat(listed.body().get("total_count").asLong()).isEqualTo(1);
        for (ApiClient.Response response : new ApiClient.Response[] {got, listed}) {
            assertThat(response.raw()).doesNotContain(secret).doesNotContain("api_key\"").doesNotContain("secret");
        }
    }

    @Test
    void aKeyActsAsItsUserWithTheUsersRoles() {
        String userId = createBot("Domain Viewer");
        String key = createKey(userId).body().get("api_key").asString();

        assertThat(callWithKey(key, "/api/identity/user-profile/get", "{}").body().get("user_id").asString())
                .isEqualTo(userId);
        assertThat(callWithKey(key, "/api/config/domain-config/list", "{}").status()).isEqualTo(200);
        ApiClient.Response write = callWithKey(key, "/api/config/domain-config/create", "{\"name\": \"x\", \"data\": {}}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(callWithKey(key.substring(0, key.length() - 2) + "xx", "/api/config/domain-config/list", "{}").status())
                .isEqualTo(401);
    }

    @Test
    void allowsAtMostTwoEnabledKeysPerUser() {
        String userId = createBot(null);
        String first = createKey(userId).body().get("api_key_id").asString();
        assertThat(createKey(userId).status()).isEqualTo(200);

        ApiClient.Response third = createKey(userId);
        assertThat(third.status()).isEqualTo(400);
        assertThat(third.errorCode()).isEqualTo("ERROR_INVALID_PARAMETER");

        admin.post("/api/identity/api-key/disable", "{\"api_key_id\": \"" + first + "\"}");
        assertThat(createKey(userId).status()).isEqualTo(200);
        // Enabling the first again would make three.
        assertThat(admin.post("/api/identity/api-key/enable", "{\"api_key_id\": \"" + first + "\"}").status()).isEqualTo(400);
    }

    @Test
    void aDisabledOrDeletedKeyStopsWorkingAtOnce() {
        String userId = createBot("Domain Viewer");
        ApiClient.Response created = createKey(userId);
        String apiKeyId = created.body().get("api_key_id").asString();
        String key = created.body().get("api_key").asString();
        assertThat(callWithKey(key, "/api/config/domain-config/list", "{}").status()).isEqualTo(200);

        ApiClient.Response disabled = admin.post("/api/identity/api-key/disable", "{\"api_key_id\": \"" + apiKeyId + "\"}");
        assertThat(disabled.body().get("state").asString()).isEqualTo("DISABLED");
        assertThat(callWithKey(key, "/api/config/domain-config/list", "{}").status()).isEqualTo(401);

        admin.post("/api/identity/api-key/enable", "{\"api_key_id\": \"" + apiKeyId + "\"}");
        assertThat(callWithKey(key, "/api/config/domain-config/list", "{}").status()).isEqualTo(200);

        assertThat(admin.post("/api/identity/api-key/delete", "{\"api_key_id\": \"" + apiKeyId + "\"}").status()).isEqualTo(200);
        assertThat(callWithKey(key, "/api/config/domain-config/list", "{}").status()).isEqualTo(401);
        assertThat(admin.post("/api/identity/api-key/get", "{\"api_key_id\": \"" + apiKeyId + "\"}").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM api_key_secret WHERE id = ?").param(apiKeyId).query(Long.class).single())
                .isZero();
    }

    @Test
    void anApiOnlyUserCannotSignInWithAPassword() {
        String userId = createBot(null);
        ApiClient.Response issued = new ApiClient(port).post("/api/identity/token/issue",
                "{\"credentials\": {\"user_id\": \"" + userId + "\", \"password\": \"Any-Password-1\"}}");
        assertThat(issued.status()).isEqualTo(401);
    }

    @Test
    void refusesAKeyForAnUnknownUser() {
        assertThat(createKey("nobody-" + System.nanoTime()).status()).isEqualTo(404);
    }
}
