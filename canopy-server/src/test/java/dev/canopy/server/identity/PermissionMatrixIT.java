package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import dev.canopy.server.api.Access;
import dev.canopy.server.api.Reach;
import dev.canopy.server.api.Verb;
import dev.canopy.server.api.VerbAccess;
import dev.canopy.server.api.VerbRegistry;
import dev.canopy.server.identity.access.AccessCache;
import dev.canopy.server.identity.access.AccessResolver;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The permission check of every verb in the registry, whichever modules contribute them: a verb
 * that needs a permission refuses a user whose roles grant everything but it, and lets through a
 * user whose role grants exactly it; a verb for any signed-in user lets in a user without roles;
 * an open verb needs no credentials; every other verb refuses anonymous callers.
 *
 * <p>The probe body carries a field no request record has. Permission is settled before the body is
 * read, so a caller let through is stopped at binding with a 400 and no verb ever runs: the matrix
 * changes nothing, however destructive the verbs it probes.
 */
class PermissionMatrixIT extends TestServer {

    private static final String DOMAIN = "domain-default";
    private static final String PASSWORD = "Matrix-Password-1";
    private static final String PROBE_BODY = "{\"permission_matrix_probe\": true}";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @LocalServerPort
    int port;

    @Autowired
    VerbRegistry registry;

    @Autowired
    JdbcClient jdbc;


    @Autowired

    Generations generations;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AccessCache accessCache;

    private final String run = Long.toHexString(System.nanoTime());
    /** Each test user signs in once, when a test first needs it. */
    private final Map<String, ApiClient> clients = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyVerbChecksItsAccess() {
        List<Verb<?, ?>> verbs = registry.all().stream().sorted(Comparator.comparing(Verb::permission)).toList();
        List<String> permissions = verbs.stream().filter(verb -> verb.access() == VerbAccess.PERMISSION)
                .map(Verb::permission).toList();
        assertThat(permissions).as("verbs that need a permission").isNotEmpty();
        createMatrixUsers(permissions);

        ApiClient anonymous = new ApiClient(port);
        List<DynamicTest> tests = new ArrayList<>();
        for (Verb<?, ?> verb : verbs) {
            String permission = verb.permission();
            switch (verb.access()) {
                case OPEN -> tests.add(DynamicTest.dynamicTest(permission + " is open to anonymous callers", () ->
                        assertLetThrough(anonymous, verb)));
                case SIGNED_IN -> {
                    tests.add(DynamicTest.dynamicTest(permission + " refuses anonymous callers", () ->
                            assertUnauthenticated(anonymous.post(verb.path(), PROBE_BODY), verb)));
                    tests.add(DynamicTest.dynamicTest(permission + " lets in a signed-in user without roles", () ->
                            assertLetThrough(client(noRoleUser()), verb)));
                }
                case PERMISSION -> {
                    int index = permissions.indexOf(permission);
                    tests.add(DynamicTest.dynamicTest(permission + " refuses anonymous callers", () ->
                            assertUnauthenticated(anonymous.post(verb.path(), PROBE_BODY), verb)));
                    tests.add(DynamicTest.dynamicTest(permission + " refuses a user granted everything else", () -> {
                        ApiClient.Response response = client(deniedUser(index)).post(verb.path(), PROBE_BODY);
                        assertThat(response.status()).as(verb.path() + ": " + response.raw()).isEqualTo(403);
                        assertThat(response.errorCode()).isEqualTo("ERROR_PERMISSION_DENIED");
                    }));
                    if (AccessResolver.isSystemPermission(permission)) {
                        // Managing domains and signing keys: only the root domain's admin, whatever a policy says.
                        tests.add(DynamicTest.dynamicTest(permission + " refuses a user granted exactly it", () -> {
                            ApiClient.Response response = client(allowedUser(index)).post(verb.path(), PROBE_BODY);
                            assertThat(response.status()).as(verb.path() + ": " + response.raw()).isEqualTo(403);
                        }));
                        tests.add(DynamicTest.dynamicTest(permission + " lets in the root domain's admin", () ->
                                assertLetThrough(ApiClient.admin(port), verb)));
                    } else {
                        tests.add(DynamicTest.dynamicTest(permission + " lets in a user granted exactly it", () ->
                                assertLetThrough(client(allowedUser(index)), verb)));
                    }
                }
            }
        }
        return tests.stream();
    }

    @Test
    void noCustomPolicyGrantsManagingDomainsOrSigningKeys() {
        String userId = "matrix-" + run + "-star@example.com";
        String suffix = run + "-star";
        transaction.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO policy (id, domain_id, name, created_at, updated_at, doc) VALUES (?, ?, ?, now(), now(),"
                            + " CAST(? AS jsonb))")
                    .params("policy-matrix-" + suffix, DOMAIN, "matrix " + suffix, "{\"permissions\": [\"*\"]}").update();
            jdbc.sql("INSERT INTO role (id, domain_id, name, role_type, created_at, updated_at, doc) VALUES (?, ?, ?, 'DOMAIN',"
                            + " now(), now(), CAST(? AS jsonb))")
                    .params("role-matrix-" + suffix, DOMAIN, "matrix " + suffix, "{\"policies\": [{\"policy_type\": \"CUSTOM\","
                            + " \"policy_id\": \"policy-matrix-" + suffix + "\"}]}").update();
            jdbc.sql("INSERT INTO identity_user (id, domain_id, user_id, name, state, auth_type, created_at, updated_at, doc)"
                            + " VALUES (?, ?, ?, ?, 'ENABLED', 'LOCAL', now(), now(), CAST(? AS jsonb))")
                    .params("user-matrix-" + suffix, DOMAIN, userId, userId, userDocument(userId)).update();
            jdbc.sql("INSERT INTO role_binding (id, domain_id, user_id, role_id, role_type, created_at, updated_at, doc)"
                            + " VALUES (?, ?, ?, ?, 'DOMAIN', now(), now(), '{}')")
                    .params("rb-matrix-" + suffix, DOMAIN, userId, "role-matrix-" + suffix).update();
            generations.bump(DOMAIN);
        });

        Access access = accessCache.access(DOMAIN, userId).orElseThrow();

        assertThat(access.reach("config.DomainConfig.list")).isEqualTo(Reach.DOMAIN);
        assertThat(access.reach("identity.Domain.create").none()).isTrue();
        assertThat(access.reach("identity.SigningKey.rotate").none()).isTrue();
    }

    private static void assertUnauthenticated(ApiClient.Response response, Verb<?, ?> verb) {
        assertThat(response.status()).as(verb.path() + ": " + response.raw()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("ERROR_AUTHENTICATE_FAILURE");
    }

    /**
     * Past authentication and the permission check: any answer but 401 and 403. Only a request
     * record is sure to refuse the probe's unknown field before the verb runs, so the verb must
     * take one (as every verb should).
     */
    private static void assertLetThrough(ApiClient client, Verb<?, ?> verb) {
        assertThat(verb.requestType().isRecord()).as(verb.path() + " takes a request record").isTrue();
        ApiClient.Response response = client.post(verb.path(), PROBE_BODY);
        assertThat(response.status()).as(verb.path() + ": " + response.raw()).isNotIn(401, 403);
    }

    private String deniedUser(int index) {
        return "matrix-" + run + "-deny-" + index + "@example.com";
    }

    private String allowedUser(int index) {
        return "matrix-" + run + "-allow-" + index + "@example.com";
    }

    private String noRoleUser() {
        return "matrix-" + run + "-none@example.com";
    }

    private ApiClient client(String userId) {
        return clients.computeIfAbsent(userId, user -> ApiClient.signedIn(port, DOMAIN, user, PASSWORD));
    }

    /**
     * For permission {@code i}: a custom policy of every other permission and one of exactly it,
     * each in a domain role bound to a user of its own; and one user without roles. Written with a
     * few multi-row inserts, then the domain's identity generation moves so no cached access survives.
     */
    private void createMatrixUsers(List<String> permissions) {
        List<String> policyIds = new ArrayList<>();
        List<String> policyDocs = new ArrayList<>();
        List<String> roleIds = new ArrayList<>();
        List<String> roleDocs = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        List<String> userDocs = new ArrayList<>();
        List<String> bindingIds = new ArrayList<>();
        List<String> bindingUsers = new ArrayList<>();
        List<String> bindingRoles = new ArrayList<>();
        for (int index = 0; index < permissions.size(); index++) {
            String permission = permissions.get(index);
            List<String> others = permissions.stream().filter(other -> !other.equals(permission)).toList();
            for (boolean allow : new boolean[] {false, true}) {
                String suffix = run + "-" + (allow ? "allow-" : "deny-") + index;
                String policyId = "policy-matrix-" + suffix;
                String roleId = "role-matrix-" + suffix;
                String userId = allow ? allowedUser(index) : deniedUser(index);
                ObjectNode policy = NODES.objectNode().put("policy_id", policyId).put("name", "matrix " + suffix);
                (allow ? List.of(permission) : others).forEach(policy.putArray("permissions")::add);
                policy.putObject("tags");
                policyIds.add(policyId);
                policyDocs.add(policy.toString());
                ObjectNode role = NODES.objectNode().put("role_id", roleId).put("name", "matrix " + suffix)
                        .put("role_type", "DOMAIN").put("is_managed", false);
                role.putArray("policies").addObject().put("policy_type", "CUSTOM").put("policy_id", policyId);
                role.putObject("tags");
                roleIds.add(roleId);
                roleDocs.add(role.toString());
                userIds.add(userId);
                userDocs.add(userDocument(userId));
                bindingIds.add("rb-matrix-" + suffix);
                bindingUsers.add(userId);
                bindingRoles.add(roleId);
            }
        }
        userIds.add(noRoleUser());
        userDocs.add(userDocument(noRoleUser()));
        // Cost 4 instead of the server's 10: BCrypt reads the cost from the hash, so sign-in is quick.
        String passwordHash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO policy (id, domain_id, name, created_at, updated_at, doc)"
                            + " SELECT id, ?, CAST(doc AS jsonb) ->> 'name', now(), now(), CAST(doc AS jsonb)"
                            + " FROM unnest(?::text[], ?::text[]) AS t(id, doc)")
                    .params(DOMAIN, array(policyIds), array(policyDocs)).update();
            jdbc.sql("INSERT INTO role (id, domain_id, name, role_type, created_at, updated_at, doc)"
                            + " SELECT id, ?, CAST(doc AS jsonb) ->> 'name', 'DOMAIN', now(), now(), CAST(doc AS jsonb)"
                            + " FROM unnest(?::text[], ?::text[]) AS t(id, doc)")
                    .params(DOMAIN, array(roleIds), array(roleDocs)).update();
            jdbc.sql("INSERT INTO identity_user (id, domain_id, user_id, name, state, auth_type, created_at, updated_at, doc)"
                            + " SELECT 'user-' || md5(user_id), ?, user_id, user_id, 'ENABLED', 'LOCAL', now(), now(),"
                            + " CAST(doc AS jsonb) FROM unnest(?::text[], ?::text[]) AS t(user_id, doc)")
                    .params(DOMAIN, array(userIds), array(userDocs)).update();
            jdbc.sql("INSERT INTO user_credential (domain_id, user_id, password_hash)"
                            + " SELECT ?, user_id, ? FROM unnest(?::text[]) AS t(user_id)")
                    .params(DOMAIN, passwordHash, array(userIds)).update();
            jdbc.sql("INSERT INTO role_binding (id, domain_id, user_id, role_id, role_type, created_at, updated_at, doc)"
                            + " SELECT id, ?, user_id, role_id, 'DOMAIN', now(), now(),"
                            + " jsonb_build_object('role_binding_id', id, 'user_id', user_id, 'role_id', role_id,"
                            + " 'role_type', 'DOMAIN', 'tags', '{}'::jsonb)"
                            + " FROM unnest(?::text[], ?::text[], ?::text[]) AS t(id, user_id, role_id)")
                    .params(DOMAIN, array(bindingIds), array(bindingUsers), array(bindingRoles)).update();
            generations.bump(DOMAIN);
        });
    }

    private static String userDocument(String userId) {
        ObjectNode user = NODES.objectNode().put("user_id", userId).put("name", userId).put("state", "ENABLED")
                .put("auth_type", "LOCAL").put("language", "en").put("timezone", "UTC");
        user.putObject("tags");
        return user.toString();
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }
}
