package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code identity.User} and {@code identity.UserProfile} over HTTP. */
class UserIT extends TestServer {

    private static final String PASSWORD = "Right-Password-1";

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

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "@example.com";
    }

    private ApiClient.Response createLocal(String userId, String password) {
        return admin.post("/api/identity/user/create", "{\"user_id\": \"" + userId + "\", \"auth_type\": \"LOCAL\","
                + " \"password\": \"" + password + "\", \"name\": \"Kim\", \"tags\": {\"team\": \"ops\"}}");
    }

    /** A LOCAL user bound to Domain Admin, so that their token opens most verbs. */
    private String createDomainAdmin(String prefix) {
        String userId = unique(prefix);
        assertThat(createLocal(userId, PASSWORD).status()).isEqualTo(200);
        String role = jdbc.sql("SELECT id FROM role WHERE domain_id = 'domain-default' AND name = 'Domain Admin'")
                .query(String.class).single();
        jdbc.sql("INSERT INTO role_binding (id, domain_id, user_id, role_id, role_type, created_at, updated_at, doc)"
                        + " VALUES (?, 'domain-default', ?, ?, 'DOMAIN', now(), now(), '{}')")
                .params("rb-" + Long.toHexString(System.nanoTime()), userId, role).update();
        generations.bump("domain-default");
        return userId;
    }

    @Test
    void createsLocalUsersWithDefaultsAndNeverShowsThePassword() {
        String userId = unique("local");

        ApiClient.Response created = createLocal(userId, PASSWORD);

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("user_id").asString()).isEqualTo(userId);
        assertThat(created.body().get("auth_type").asString()).isEqualTo("LOCAL");
        assertThat(created.body().get("state").asString()).isEqualTo("ENABLED");
        assertThat(created.body().get("language").asString()).isEqualTo("en");
        assertThat(created.body().get("timezone").asString()).isEqualTo("UTC");
        assertThat(created.body().at("/tags/team").asString()).isEqualTo("ops");
        String hash = jdbc.sql("SELECT password_hash FROM user_credential WHERE domain_id = 'domain-default' AND user_id = ?")
                .param(userId).query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);

        ApiClient.Response got = admin.post("/api/identity/user/get", "{\"user_id\": \"" + userId + "\"}");
        ApiClient.Response listed = admin.post("/api/identity/user/list", "{}");
        for (ApiClient.Response response : new ApiClient.Response[] {created, got, listed}) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.raw()).doesNotContain(PASSWORD).doesNotContain(hash).doesNotContain("password");
        }
        assertThat(listed.raw()).contains(userId);
        assertThat(ApiClient.signedIn(port, null, userId, PASSWORD).post("/api/identity/user-profile/get", "{}").status())
                .isEqualTo(200);
    }

    @Test
    void refusesBadUserIdsWeakPasswordsAndPasswordsOfOthers() {
        assertThat(createLocal("not-an-email", PASSWORD).errorKey()).isEqualTo("user_id");
        ApiClient.Response weak = createLocal(unique("weak"), "weakpass");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorCode()).isEqualTo("ERROR_INVALID_PARAMETER");
        assertThat(weak.errorKey()).isEqualTo("password");
        assertThat(weak.raw()).doesNotContain("weakpass");
        assertThat(admin.post("/api/identity/user/create", "{\"user_id\": \"" + unique("nopw") + "\"}").errorCode())
                .isEqualTo("ERROR_REQUIRED_PARAMETER");

        ApiClient.Response external = admin.post("/api/identity/user/create", "{\"user_id\": \"" + unique("ext")
                + "\", \"auth_type\": \"EXTERNAL\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(external.status()).isEqualTo(400);
        assertThat(external.errorKey()).isEqualTo("password");

        ApiClient.Response badZone = admin.post("/api/identity/user/create", "{\"user_id\": \"" + unique("tz")
                + "\", \"auth_type\": \"EXTERNAL\", \"timezone\": \"Mars/Olympus\"}");
        assertThat(badZone.errorKey()).isEqualTo("timezone");
    }

    @Test
    void createsExternalAndApiOnlyUsersWithoutCredentials() {
        String external = "ext-" + System.nanoTime();
        String apiOnly = "bot-" + System.nanoTime();

        ApiClient.Response ext = admin.post("/api/identity/user/create",
                "{\"user_id\": \"" + external + "\", \"auth_type\": \"EXTERNAL\", \"timezone\": \"Asia/Seoul\", \"language\": \"ko\"}");
        ApiClient.Response bot = admin.post("/api/identity/user/create",
                "{\"user_id\": \"" + apiOnly + "\", \"auth_type\": \"API_ONLY\"}");

        assertThat(ext.status()).isEqualTo(200);
        assertThat(ext.body().get("timezone").asString()).isEqualTo("Asia/Seoul");
        assertThat(bot.status()).isEqualTo(200);
        assertThat(bot.body().get("auth_type").asString()).isEqualTo("API_ONLY");
        assertThat(jdbc.sql("SELECT count(*) FROM user_credential WHERE user_id IN (?, ?)").params(external, apiOnly)
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesADuplicateUserId() {
        String userId = unique("dup");
        assertThat(createLocal(userId, PASSWORD).status()).isEqualTo(200);

        ApiClient.Response again = createLocal(userId, PASSWORD);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("ERROR_ALREADY_EXISTS");
    }

    @Test
    void updatesListsStatsAndFinds() {
        String userId = unique("findme");
        createLocal(userId, PASSWORD);

        ApiClient.Response updated = admin.post("/api/identity/user/update", "{\"user_id\": \"" + userId
                + "\", \"name\": \"Findable Person\", \"email\": \"" + userId + "\", \"tags\": {\"team\": \"dev\"}}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("name").asString()).isEqualTo("Findable Person");
        assertThat(updated.body().at("/tags/team").asString()).isEqualTo("dev");

        ApiClient.Response filtered = admin.post("/api/identity/user/list",
                "{\"query\": {\"filter\": [{\"k\": \"user_id\", \"v\": \"" + userId + "\", \"o\": \"eq\"}]}}");
        assertThat(filtered.body().get("total_count").asLong()).isEqualTo(1);

        ApiClient.Response stat = admin.post("/api/identity/user/stat", "{\"query\": {\"aggregate\": [{\"group\":"
                + " {\"keys\": [{\"key\": \"auth_type\", \"name\": \"type\"}], \"fields\": [{\"name\": \"n\", \"operator\": \"count\"}]}}]}}");
        assertThat(stat.status()).isEqualTo(200);
        assertThat(stat.raw()).contains("LOCAL");

        ApiClient.Response found = admin.post("/api/identity/user/find",
                "{\"keyword\": \"Findable\", \"page\": {\"start\": 1, \"limit\": 10}}");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("results").get(0).get("user_id").asString()).isEqualTo(userId);
        assertThat(found.body().get("results").get(0).has("tags")).isFalse();
    }

    @Test
    void aDisabledUserIsShutOutAtOnceAndCanBeLetInAgain() {
        String userId = createDomainAdmin("disable");
        ApiClient user = ApiClient.signedIn(port, null, userId, PASSWORD);
        assertThat(user.post("/api/identity/user/list", "{}").status()).isEqualTo(200);

        ApiClient.Response disabled = admin.post("/api/identity/user/disable", "{\"user_id\": \"" + userId + "\"}");
        assertThat(disabled.body().get("state").asString()).isEqualTo("DISABLED");

        assertThat(user.post("/api/identity/user/list", "{}").status()).isEqualTo(401);
        assertThat(user.post("/api/identity/user-profile/get", "{}").status()).isEqualTo(401);

        admin.post("/api/identity/user/enable", "{\"user_id\": \"" + userId + "\"}");
        assertThat(user.post("/api/identity/user/list", "{}").status()).isEqualTo(200);
    }

    @Test
    void aDeletedUserIsShutOutAtOnceWithEverythingTheyHad() {
        String userId = createDomainAdmin("delete");
        ApiClient user = ApiClient.signedIn(port, null, userId, PASSWORD);
        assertThat(user.post("/api/identity/user/list", "{}").status()).isEqualTo(200);

        assertThat(admin.post("/api/identity/user/delete", "{\"user_id\": \"" + userId + "\"}").status()).isEqualTo(200);

        assertThat(user.post("/api/identity/user/list", "{}").status()).isEqualTo(401);
        assertThat(admin.post("/api/identity/user/get", "{\"user_id\": \"" + userId + "\"}").status()).isEqualTo(404);
        for (String table : new String[] {"user_credential", "role_binding", "refresh_token", "api_key"}) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE domain_id = 'domain-default' AND user_id = ?")
                    .param(userId).query(Long.class).single()).as(table).isZero();
        }
    }

    @Test
    void nobodyDisablesOrDeletesThemself() {
        assertThat(admin.post("/api/identity/user/disable", "{\"user_id\": \"admin\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/identity/user/delete", "{\"user_id\": \"admin\"}").status()).isEqualTo(400);
    }

    @Test
    void aUserWithoutRolesManagesOnlyTheirOwnProfile() {
        String userId = unique("profile");
        createLocal(userId, PASSWORD);
        ApiClient user = ApiClient.signedIn(port, null, userId, PASSWORD);

        assertThat(user.post("/api/identity/user/list", "{}").status()).isEqualTo(403);
        ApiClient.Response updated = user.post("/api/identity/user-profile/update",
                "{\"name\": \"New Name\", \"language\": \"ko\", \"timezone\": \"Asia/Seoul\"}");
        assertThat(updated.status()).isEqualTo(200);
        ApiClient.Response profile = user.post("/api/identity/user-profile/get", "{}");
        assertThat(profile.body().get("user_id").asString()).isEqualTo(userId);
        assertThat(profile.body().get("name").asString()).isEqualTo("New Name");
        assertThat(profile.body().get("language").asString()).isEqualTo("ko");
        assertThat(user.post("/api/identity/user-profile/update", "{\"tags\": {}}").status()).isEqualTo(400);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndRetiresTheOld() {
        String userId = unique("passwd");
        createLocal(userId, PASSWORD);
        ApiClient user = ApiClient.signedIn(port, null, userId, PASSWORD);
        ApiClient anonymous = new ApiClient(port);
        String refresh = anonymous.post("/api/identity/token/issue", "{\"credentials\": {\"user_id\": \"" + userId
                + "\", \"password\": \"" + PASSWORD + "\"}}").body().get("refresh_token").asString();

        ApiClient.Response wrong = user.post("/api/identity/user-profile/update_password",
                "{\"current_password\": \"Wrong-Password-1\", \"new_password\": \"New-Password-2\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorKey()).isEqualTo("current_password");
        ApiClient.Response weak = user.post("/api/identity/user-profile/update_password",
                "{\"current_password\": \"" + PASSWORD + "\", \"new_password\": \"short\"}");
        assertThat(weak.errorKey()).isEqualTo("new_password");

        ApiClient.Response changed = user.post("/api/identity/user-profile/update_password",
                "{\"current_password\": \"" + PASSWORD + "\", \"new_password\": \"New-Password-2\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.raw()).doesNotContain("New-Password-2");

        ApiClient.Response old = anonymous.post("/api/identity/token/issue", "{\"credentials\": {\"user_id\": \"" + userId
                + "\", \"password\": \"" + PASSWORD + "\"}}");
        assertThat(old.status()).isEqualTo(401);
        assertThat(anonymous.post("/api/identity/token/refresh", "{\"refresh_token\": \"" + refresh + "\"}").status())
                .isEqualTo(401);
        assertThat(ApiClient.signedIn(port, null, userId, "New-Password-2").post("/api/identity/user-profile/get", "{}")
                .status()).isEqualTo(200);
    }

    @Test
    void theApiReferenceDescribesTheUserVerbs() {
        tools.jackson.databind.JsonNode document = admin.send(admin.request("/api/openapi.json").GET()).body();

        assertThat(document.at("/paths/~1api~1identity~1user~1create/post/x-permission").asString())
                .isEqualTo("identity.User.create");
        assertThat(document.at("/paths/~1api~1identity~1user-profile~1update_password/post").isMissingNode()).isFalse();
        assertThat(document.at("/components/schemas/UserCreate/properties/password").isMissingNode()).isFalse();
    }
}
