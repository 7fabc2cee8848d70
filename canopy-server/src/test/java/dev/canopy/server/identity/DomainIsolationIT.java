package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import dev.canopy.server.api.Verb;
import dev.canopy.server.api.VerbRegistry;
import dev.canopy.server.identity.domain.Domains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * No call made in one domain sees another's resources. Domain A (the root domain) is seeded
 * through every {@code create} verb the registry holds that the table below knows a body for; the
 * admin of a second domain then runs every {@code list} and {@code stat} of the registry and reads
 * each seeded resource by id, and never meets one of them.
 */
class DomainIsolationIT extends TestServer {

    private static final String PASSWORD_B = "Isolation-B-Admin-1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @LocalServerPort
    int port;

    @Autowired
    VerbRegistry registry;

    @Autowired
    Domains domains;

    private final String run = Long.toHexString(System.nanoTime());
    private ApiClient adminA;
    private ApiClient adminB;
    private String domainB;

    /** A resource made in one domain: its kind ({@code service.Resource}), how a get names it, its id, its name. */
    private record Seeded(String kind, String idKey, String id, String name) {
    }

    /**
     * A create verb this test knows a minimal body for. {@code body} may use what was seeded before
     * it (a project needs its group); {@code idKey} is the field the response and {@code get} name
     * the resource by.
     */
    private record Seed(String kind, String idKey, Function<Map<String, Seeded>, String> body) {
    }

    @BeforeEach
    void domains() {
        domainB = domains.create("isolation-b-" + run, false, "admin@b.example", PASSWORD_B);
        adminA = ApiClient.admin(port);
        adminB = ApiClient.signedIn(port, domainB, "admin@b.example", PASSWORD_B);
    }

    private List<Seed> seeds(String prefix) {
        return List.of(
                new Seed("config.DomainConfig", "name", seeded ->
                        "{\"name\": \"" + prefix + "domain-config\", \"data\": {\"secret\": \"" + prefix + "\"}}"),
                new Seed("config.UserConfig", "name", seeded ->
                        "{\"name\": \"" + prefix + "user-config\", \"data\": {}}"),
                new Seed("identity.User", "user_id", seeded ->
                        "{\"user_id\": \"" + prefix + "user@a.example\", \"password\": \"Isolation-User-1\", \"name\": \""
                                + prefix + "user\", \"auth_type\": \"LOCAL\"}"),
                new Seed("identity.ProjectGroup", "project_group_id", seeded ->
                        "{\"name\": \"" + prefix + "group\"}"),
                new Seed("identity.Project", "project_id", seeded -> seeded.containsKey("identity.ProjectGroup")
                        ? "{\"name\": \"" + prefix + "project\", \"project_group_id\": \""
                        + seeded.get("identity.ProjectGroup").id() + "\"}" : null),
                new Seed("identity.Policy", "policy_id", seeded ->
                        "{\"name\": \"" + prefix + "policy\", \"permissions\": [\"config.*\"]}"),
                new Seed("identity.Role", "role_id", seeded ->
                        "{\"name\": \"" + prefix + "role\", \"role_type\": \"DOMAIN\", \"policies\": [{\"policy_type\": \"MANAGED\","
                                + " \"policy_id\": \"policy-managed-domain-viewer\"}]}"),
                new Seed("identity.RoleBinding", "role_binding_id", seeded ->
                        seeded.containsKey("identity.User") && seeded.containsKey("identity.Role")
                                ? "{\"user_id\": \"" + seeded.get("identity.User").id() + "\", \"role_id\": \""
                                + seeded.get("identity.Role").id() + "\"}" : null),
                new Seed("identity.APIKey", "api_key_id", seeded -> seeded.containsKey("identity.User")
                        ? "{\"user_id\": \"" + seeded.get("identity.User").id() + "\"}" : null),
                new Seed("identity.Provider", "provider", seeded ->
                        "{\"provider\": \"" + key(prefix) + "provider\", \"name\": \"" + prefix + "provider\"}"),
                new Seed("identity.Schema", "schema_id", seeded -> seeded.containsKey("identity.Provider")
                        ? "{\"schema_id\": \"" + key(prefix) + "schema\", \"name\": \"" + prefix + "schema\", \"schema_type\":"
                        + " \"SECRET\", \"provider\": \"" + seeded.get("identity.Provider").id() + "\", \"schema\": {}}" : null),
                new Seed("identity.TrustedAccount", "trusted_account_id", seeded ->
                        "{\"name\": \"" + prefix + "trusted\", \"provider\": \"aws\", \"data\": {\"account_id\": \"111122223333\"},"
                                + " \"secret_schema_id\": \"aws_trusted_access_key\", \"secret_data\": {\"aws_access_key_id\":"
                                + " \"AKIA" + prefix + "\", \"aws_secret_access_key\": \"" + prefix + "key\"}}"),
                new Seed("identity.ServiceAccount", "service_account_id", seeded ->
                        seeded.containsKey("identity.Project") && seeded.containsKey("identity.TrustedAccount")
                                ? "{\"name\": \"" + prefix + "account\", \"provider\": \"aws\", \"project_id\": \""
                                + seeded.get("identity.Project").id() + "\", \"data\": {\"account_id\": \"444455556666\"},"
                                + " \"trusted_account_id\": \"" + seeded.get("identity.TrustedAccount").id() + "\","
                                + " \"secret_schema_id\": \"aws_assume_role\", \"secret_data\": {\"role_arn\": \"" + prefix + "role\"}}"
                                : null),
                new Seed("secret.Secret", "secret_id", seeded ->
                        "{\"name\": \"" + prefix + "secret\", \"schema_id\": \"aws_access_key\", \"data\":"
                                + " {\"aws_access_key_id\": \"AKIA" + prefix + "\", \"aws_secret_access_key\": \"" + prefix + "key\"}}"),
                new Seed("secret.TrustedSecret", "trusted_secret_id", seeded ->
                        "{\"name\": \"" + prefix + "trusted-secret\", \"schema_id\": \"aws_trusted_access_key\", \"data\":"
                                + " {\"aws_access_key_id\": \"AKIA" + prefix + "\", \"aws_secret_access_key\": \"" + prefix + "key\"}}"));
    }

    /** The prefix as a provider key or schema id may spell it. */
    private static String key(String prefix) {
        return prefix.replace('-', '_');
    }

    /**
     * Creates through {@code client} every kind of the table whose create verb exists; a kind whose
     * verb is missing, or whose body the verb does not take, is left out and said so.
     */
    private Map<String, Seeded> seed(ApiClient client, String prefix) {
        Map<String, Seeded> seeded = new LinkedHashMap<>();
        for (Seed seed : seeds(prefix)) {
            Optional<Verb<?, ?>> create = verb(seed.kind(), "create");
            String body = seed.body().apply(seeded);
            if (create.isEmpty() || body == null) {
                System.out.println("isolation: no " + seed.kind() + " seeded (no create verb, or what it needs is missing)");
                continue;
            }
            ApiClient.Response created = client.post(create.get().path(), body);
            if (created.status() != 200) {
                System.out.println("isolation: " + seed.kind() + ".create refused the table's body: " + created.raw());
                continue;
            }
            JsonNode document = created.body();
            String id = document.path(seed.idKey()).asString();
            assertThat(id).as(seed.kind() + ".create answers its " + seed.idKey()).isNotBlank();
            seeded.put(seed.kind(), new Seeded(seed.kind(), seed.idKey(), id, document.path("name").asString(id)));
        }
        return seeded;
    }

    @Test
    void anotherDomainSeesNoneOfTheResourcesOfTheFirst() {
        String prefix = "iso-" + run + "-";
        Map<String, Seeded> seeded = seed(adminA, prefix);
        assertThat(seeded).containsKeys("config.DomainConfig", "config.UserConfig", "identity.Provider", "identity.Schema",
                "identity.TrustedAccount", "identity.ServiceAccount", "secret.Secret", "secret.TrustedSecret");

        List<String> secrets = new ArrayList<>(List.of(prefix));
        seeded.values().forEach(resource -> secrets.add(resource.id()));
        int lists = 0;
        int stats = 0;
        for (Verb<?, ?> verb : registry.all()) {
            String kind = verb.service() + "." + verb.resource();
            if (verb.name().equals("list")) {
                assertListShowsNone(adminB, verb, secrets);
                lists++;
            } else if (verb.name().equals("stat")) {
                assertStatCountsNone(adminA, adminB, verb, Optional.ofNullable(seeded.get(kind)), prefix);
                stats++;
            }
        }
        for (Seeded resource : seeded.values()) {
            assertGetFinds(adminA, resource);
            assertGetRefused(adminB, resource);
        }
        assertThat(lists).as("list verbs checked").isGreaterThanOrEqualTo(2);
        assertThat(stats).as("stat verbs checked").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theFirstDomainSeesNoneOfTheConfigsOfAnother() {
        String prefix = "iso-rev-" + run + "-";
        ApiClient.Response created = adminB.post("/api/config/domain-config/create",
                "{\"name\": \"" + prefix + "b\", \"data\": {}}");
        assertThat(created.status()).isEqualTo(200);
        Verb<?, ?> list = verb("config.DomainConfig", "list").orElseThrow();
        Verb<?, ?> stat = verb("config.DomainConfig", "stat").orElseThrow();
        Seeded inB = new Seeded("config.DomainConfig", "name", prefix + "b", prefix + "b");

        assertListShowsNone(adminA, list, List.of(prefix));
        assertStatCountsNone(adminB, adminA, stat, Optional.of(inB), prefix);
        assertGetFinds(adminB, inB);
        assertGetRefused(adminA, inB);
    }

    private Optional<Verb<?, ?>> verb(String kind, String name) {
        return registry.all().stream()
                .filter(verb -> (verb.service() + "." + verb.resource()).equals(kind) && verb.name().equals(name))
                .findFirst();
    }

    private static void assertListShowsNone(ApiClient client, Verb<?, ?> list, List<String> secrets) {
        ApiClient.Response listed = client.post(list.path(), "{}");
        if (listed.status() == 403 && list.service().equals("identity") && list.resource().equals("Domain")) {
            return; // the list of domains is for the root domain's admins only: refused, it shows nothing
        }
        assertThat(listed.status()).as(list.path() + ": " + listed.raw()).isEqualTo(200);
        for (String secret : secrets) {
            assertThat(listed.raw()).as(list.path() + " shows nothing of the other domain").doesNotContain(secret);
        }
    }

    /**
     * A count over the seeded resource (by its id key, or over names holding the prefix when none of
     * the kind was seeded): what it counts in the resource's own domain proves the filter matches;
     * in the other domain it must count nothing.
     */
    private static void assertStatCountsNone(ApiClient owner, ApiClient other, Verb<?, ?> stat, Optional<Seeded> resource,
                                             String prefix) {
        ObjectNode condition = resource
                .map(seeded -> NODES.objectNode().put("k", seeded.idKey()).put("v", seeded.id()).put("o", "eq"))
                .orElseGet(() -> NODES.objectNode().put("k", "name").put("v", prefix).put("o", "contain"));
        ObjectNode body = NODES.objectNode();
        ObjectNode query = body.putObject("query");
        query.putArray("aggregate").addObject().putObject("count").put("name", "n");
        query.putArray("filter").add(condition);
        if (resource.isPresent()) {
            ApiClient.Response own = owner.post(stat.path(), body.toString());
            assertThat(own.status()).as(stat.path() + ": " + own.raw()).isEqualTo(200);
            assertThat(count(own)).as(stat.path() + " counts the resource in its own domain").isEqualTo(1);
        }
        ApiClient.Response counted = other.post(stat.path(), body.toString());
        assertThat(counted.status()).as(stat.path() + ": " + counted.raw()).isEqualTo(200);
        assertThat(count(counted)).as(stat.path() + " counts nothing of the other domain").isZero();
    }

    private static long count(ApiClient.Response response) {
        long total = 0;
        for (JsonNode row : response.body().path("results")) {
            total += row.path("n").asLong();
        }
        return total;
    }

    private void assertGetFinds(ApiClient client, Seeded resource) {
        verb(resource.kind(), "get").ifPresent(get -> {
            ApiClient.Response read = client.post(get.path(), idBody(resource));
            assertThat(read.status()).as(get.path() + ": " + read.raw()).isEqualTo(200);
        });
    }

    private void assertGetRefused(ApiClient client, Seeded resource) {
        verb(resource.kind(), "get").ifPresent(get -> {
            ApiClient.Response read = client.post(get.path(), idBody(resource));
            assertThat(read.status()).as(get.path() + " from the other domain: " + read.raw()).isIn(403, 404);
            assertThat(read.body().has("created_at")).as("no document in " + read.raw()).isFalse();
            assertThat(read.body().has(resource.idKey()) || read.body().has("domain_id")).isFalse();
        });
    }

    private static String idBody(Seeded resource) {
        return NODES.objectNode().put(resource.idKey(), resource.id()).toString();
    }
}
