package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing in, renewing, and what credentials the API accepts. */
class TokenIT extends TestServer {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;


    @Autowired

    Generations generations;

    ApiClient anonymous;

    @BeforeEach
    void client() {
        anonymous = new ApiClient(port);
    }

    private ApiClient.Response issue(String userId, String password) {
        return anonymous.post("/api/identity/token/issue",
                "{\"credentials\": {\"user_id\": \"" + userId + "\", \"password\": \"" + password + "\"}}");
    }

    @Test
    void refusesCallsWithoutValidCredentials() {
        ApiClient.Response none = anonymous.post("/api/config/domain-config/list", "{}");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.errorCode()).isEqualTo("ERROR_AUTHENTICATE_FAILURE");

        for (String header : new String[] {"Bearer nonsense", "Bearer ck_api-key-000000000000.secret", "Basic YWRtaW46eA==",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsImRpZCI6ImRvbWFpbi1kZWZhdWx0In0."}) {
            ApiClient.Response forged = anonymous.send(anonymous.request("/api/config/domain-config/list")
                    .header("Authorization", header).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(forged.status()).as(header).isEqualTo(401);
        }
    }

    @Test
    void issuesTokensThatOpenTheApi() {
        ApiClient.Response issued = issue("admin", ADMIN_PASSWORD);

        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.body().get("access_token").asString()).contains(".");
        assertThat(issued.body().get("refresh_token").asString()).startsWith("cr_");
        ApiClient admin = ApiClient.admin(port);
        assertThat(admin.post("/api/config/domain-config/list", "{}").status()).isEqualTo(200);
    }

    @Test
    void keepsSigningKeysSealedUnderTheSecretKeyset() {
        issue("admin", ADMIN_PASSWORD);

        // AES-GCM under Tink: a 5-byte key prefix, a 12-byte nonce and a 16-byte tag around the 32-byte key.
        assertThat(jdbc.sql("SELECT count(*) FROM signing_key WHERE sealed AND octet_length(secret) = 65")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM signing_key WHERE NOT sealed").query(Long.class).single()).isZero();
    }

    @Test
    void answersTheSameFailureForAWrongPasswordAndAnUnknownUser() {
        ApiClient.Response wrongPassword = issue("admin", "Not-The-Password-1");
        ApiClient.Response unknownUser = issue("nobody@example.com", "Not-The-Password-1");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.body().at("/error/message")).isEqualTo(unknownUser.body().at("/error/message"));
        assertThat(wrongPassword.raw()).doesNotContain("Not-The-Password-1");
    }

    @Test
    void refreshRotatesTheRefreshTokenAndASecondUseRevokesThemAll() {
        String first = issue("admin", ADMIN_PASSWORD).body().get("refresh_token").asString();

        ApiClient.Response renewed = anonymous.post("/api/identity/token/refresh", "{\"refresh_token\": \"" + first + "\"}");
        assertThat(renewed.status()).isEqualTo(200);
        String second = renewed.body().get("refresh_token").asString();
        assertThat(second).isNotEqualTo(first);

        // The first token again: only a stolen copy is used twice, so every refresh token of the user goes.
        assertThat(anonymous.post("/api/identity/token/refresh", "{\"refresh_token\": \"" + first + "\"}").status())
                .isEqualTo(401);
        assertThat(anonymous.post("/api/identity/token/refresh", "{\"refresh_token\": \"" + second + "\"}").status())
                .isEqualTo(401);
    }

    @Test
    void locksAUserOutAfterTooManyFailuresInARow() {
        String user = "locked-" + System.nanoTime() + "@example.com";
        createLocalUser(user, "Right-Password-1");
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(issue(user, "Wrong-Password-1").status()).isEqualTo(401);
        }

        ApiClient.Response locked = issue(user, "Right-Password-1");

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body().at("/error/message").asString()).contains("Too many failed sign-ins");
    }

    @Test
    void aDisabledUserLosesAccessAtOnce() {
        String user = "disabled-" + System.nanoTime() + "@example.com";
        createLocalUser(user, "Right-Password-1");
        bindDomainAdmin(user);
        ApiClient client = ApiClient.signedIn(port, null, user, "Right-Password-1");
        assertThat(client.post("/api/config/domain-config/list", "{}").status()).isEqualTo(200);

        jdbc.sql("UPDATE identity_user SET state = 'DISABLED' WHERE domain_id = 'domain-default' AND user_id = ?")
                .param(user).update();
        generations.bump("domain-default");

        assertThat(client.post("/api/config/domain-config/list", "{}").status()).isEqualTo(401);
        assertThat(issue(user, "Right-Password-1").status()).isEqualTo(401);
    }

    @Test
    void aUserWithoutRolesIsDeniedButKeepsTheirOwnConfigs() {
        String user = "norole-" + System.nanoTime() + "@example.com";
        createLocalUser(user, "Right-Password-1");
        ApiClient client = ApiClient.signedIn(port, null, user, "Right-Password-1");

        ApiClient.Response denied = client.post("/api/config/domain-config/list", "{}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("ERROR_PERMISSION_DENIED");
        assertThat(client.post("/api/config/user-config/create", "{\"name\": \"mine\", \"data\": {}}").status()).isEqualTo(200);
    }

    private void createLocalUser(String userId, String password) {
        jdbc.sql("INSERT INTO identity_user (id, domain_id, user_id, name, state, auth_type, created_at, updated_at, doc)"
                        + " VALUES (?, 'domain-default', ?, ?, 'ENABLED', 'LOCAL', now(), now(), CAST(? AS jsonb))")
                .params("user-" + Long.toHexString(System.nanoTime()), userId, userId,
                        "{\"user_id\": \"" + userId + "\", \"state\": \"ENABLED\", \"auth_type\": \"LOCAL\"}")
                .update();
        jdbc.sql("INSERT INTO user_credential (domain_id, user_id, password_hash) VALUES ('domain-default', ?, ?)")
                .params(userId, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(password))
                .update();
    }

    private void bindDomainAdmin(String userId) {
        String role = jdbc.sql("SELECT id FROM role WHERE domain_id = 'domain-default' AND name = 'Domain Admin'")
                .query(String.class).single();
        jdbc.sql("INSERT INTO role_binding (id, domain_id, user_id, role_id, role_type, created_at, updated_at, doc)"
                        + " VALUES (?, 'domain-default', ?, ?, 'DOMAIN', now(), now(), '{}')")
                .params("rb-" + Long.toHexString(System.nanoTime()), userId, role).update();
        generations.bump("domain-default");
    }
}
