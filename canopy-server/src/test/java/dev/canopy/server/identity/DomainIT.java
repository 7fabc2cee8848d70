package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code identity.Domain} and {@code identity.SigningKey} over HTTP: what only root administrators may do. */
class DomainIT extends TestServer {

    private static final String PASSWORD = "Acme-Admin-Pass-1";

    @LocalServerPort
    int port;

    ApiClient root;

    @BeforeEach
    void signIn() {
        root = ApiClient.admin(port);
    }

    /** A new domain with its admin; returns the domain id. */
    private String createDomain(String name, String adminId) {
        ApiClient.Response created = root.post("/api/identity/domain/create", "{\"name\": \"" + name + "\", \"admin\":"
                + " {\"user_id\": \"" + adminId + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"Acme Admin\"},"
                + " \"tags\": {\"plan\": \"free\"}}");
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.raw()).doesNotContain(PASSWORD);
        return created.body().get("domain_id").asString();
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void aNewDomainsAdminSeesOnlyTheirOwnDomain() {
        String name = unique("acme");
        String domainId = createDomain(name, "boss@acme.example");
        ApiClient acme = ApiClient.signedIn(port, domainId, "boss@acme.example", PASSWORD);

        assertThat(root.post("/api/config/domain-config/create",
                "{\"name\": \"" + name + "-root-only\", \"data\": {}}").status()).isEqualTo(200);
        assertThat(acme.post("/api/config/domain-config/create",
                "{\"name\": \"" + name + "-acme-only\", \"data\": {}}").status()).isEqualTo(200);

        String acmeConfigs = acme.post("/api/config/domain-config/list", "{}").raw();
        String rootConfigs = root.post("/api/config/domain-config/list", "{}").raw();
        assertThat(acmeConfigs).contains(name + "-acme-only").doesNotContain(name + "-root-only");
        assertThat(rootConfigs).contains(name + "-root-only").doesNotContain(name + "-acme-only");

        ApiClient.Response me = acme.post("/api/identity/user-profile/get", "{}");
        assertThat(me.body().get("name").asString()).isEqualTo("Acme Admin");
        assertThat(me.body().get("domain_id").asString()).isEqualTo(domainId);
        assertThat(acme.post("/api/identity/user/list", "{}").raw()).doesNotContain("\"admin\"");

        ApiClient.Response got = root.post("/api/identity/domain/get", "{\"domain_id\": \"" + domainId + "\"}");
        assertThat(got.body().get("name").asString()).isEqualTo(name);
        assertThat(got.body().at("/tags/plan").asString()).isEqualTo("free");
        assertThat(root.post("/api/identity/domain/list", "{\"page\": {\"start\": 1, \"limit\": 1000}}").raw())
                .contains(domainId).contains("domain-default");
        ApiClient.Response updated = root.post("/api/identity/domain/update",
                "{\"domain_id\": \"" + domainId + "\", \"tags\": {\"plan\": \"paid\"}}");
        assertThat(updated.body().at("/tags/plan").asString()).isEqualTo("paid");
    }

    @Test
    void onlyRootAdministratorsManageDomains() {
        String domainId = createDomain(unique("other"), "boss@other.example");
        ApiClient other = ApiClient.signedIn(port, domainId, "boss@other.example", PASSWORD);

        ApiClient.Response denied = other.post("/api/identity/domain/create", "{\"name\": \"" + unique("nope")
                + "\", \"admin\": {\"user_id\": \"a@b.example\", \"password\": \"" + PASSWORD + "\"}}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(other.post("/api/identity/domain/list", "{}").status()).isEqualTo(403);
        assertThat(other.post("/api/identity/signing-key/rotate", "{}").status()).isEqualTo(403);
        assertThat(other.post("/api/identity/domain/disable", "{\"domain_id\": \"domain-default\"}").status())
                .isEqualTo(403);
    }

    @Test
    void refusesADuplicateNameAndABadAdmin() {
        String name = unique("dup");
        createDomain(name, "boss@dup.example");

        ApiClient.Response again = root.post("/api/identity/domain/create", "{\"name\": \"" + name + "\", \"admin\":"
                + " {\"user_id\": \"x@dup.example\", \"password\": \"" + PASSWORD + "\"}}");
        assertThat(again.status()).isEqualTo(409);
        ApiClient.Response weak = root.post("/api/identity/domain/create", "{\"name\": \"" + unique("weak") + "\", \"admin\":"
                + " {\"user_id\": \"x@weak.example\", \"password\": \"weak\"}}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorKey()).isEqualTo("admin.password");
        ApiClient.Response badName = root.post("/api/identity/domain/create", "{\"name\": \"Bad Name\", \"admin\":"
                + " {\"user_id\": \"x@bad.example\", \"password\": \"" + PASSWORD + "\"}}");
        assertThat(badName.errorKey()).isEqualTo("name");
    }

    @Test
    void disablingADomainShutsItsUsersOutAtOnce() {
        String domainId = createDomain(unique("acme"), "boss@closing.example");
        ApiClient acme = ApiClient.signedIn(port, domainId, "boss@closing.example", PASSWORD);
        assertThat(acme.post("/api/config/domain-config/list", "{}").status()).isEqualTo(200);

        ApiClient.Response disabled = root.post("/api/identity/domain/disable", "{\"domain_id\": \"" + domainId + "\"}");
        assertThat(disabled.body().get("state").asString()).isEqualTo("DISABLED");
        assertThat(acme.post("/api/config/domain-config/list", "{}").status()).isEqualTo(401);

        root.post("/api/identity/domain/enable", "{\"domain_id\": \"" + domainId + "\"}");
        assertThat(acme.post("/api/config/domain-config/list", "{}").status()).isEqualTo(200);
    }

    @Test
    void theRootDomainCannotBeDisabled() {
        ApiClient.Response refused = root.post("/api/identity/domain/disable", "{\"domain_id\": \"domain-default\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorKey()).isEqualTo("domain_id");
        assertThat(root.post("/api/config/domain-config/list", "{}").status()).isEqualTo(200);
    }

    @Test
    void tokensIssuedBeforeARotationStillWork() {
        ApiClient before = ApiClient.admin(port);

        ApiClient.Response rotated = root.post("/api/identity/signing-key/rotate", "{}");

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.body().get("kid").asString()).startsWith("key-");
        assertThat(before.post("/api/config/domain-config/list", "{}").status()).isEqualTo(200);
        assertThat(ApiClient.admin(port).post("/api/config/domain-config/list", "{}").status()).isEqualTo(200);
    }
}
