package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Project roles flow down the tree: a binding on a group reaches every group and project below
 * it, and a binding lower down overrides it for that subtree.
 *
 * <pre>
 * G ── P1
 * ├── H ── P2
 * │   └── K ── P3
 * └── J ── P4
 * outside ── P5
 * </pre>
 */
class InheritanceIT extends TestServer {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    IdentityFixture fixture;
    String g, h, k, j, outside, p1, p2, p3, p4, p5;

    @BeforeEach
    void tree() {
        admin = ApiClient.admin(port);
        fixture = new IdentityFixture(admin, jdbc);
        g = fixture.group(fixture.unique("G"), null);
        h = fixture.group(fixture.unique("H"), g);
        k = fixture.group(fixture.unique("K"), h);
        j = fixture.group(fixture.unique("J"), g);
        outside = fixture.group(fixture.unique("outside"), null);
        p1 = fixture.project(fixture.unique("P1"), g);
        p2 = fixture.project(fixture.unique("P2"), h);
        p3 = fixture.project(fixture.unique("P3"), k);
        p4 = fixture.project(fixture.unique("P4"), j);
        p5 = fixture.project(fixture.unique("P5"), outside);
    }

    private static Set<String> ids(JsonNode list, String key) {
        Set<String> ids = new HashSet<>();
        list.get("results").forEach(result -> ids.add(result.get(key).asString()));
        assertThat(list.get("total_count").asLong()).isEqualTo(ids.size());
        return ids;
    }

    private ApiClient.Response update(ApiClient client, String project) {
        return client.post("/api/identity/project/update", "{\"project_id\": \"" + project + "\", \"name\": \"changed\"}");
    }

    @Test
    void aViewerOnAGroupSeesExactlyTheProjectsBelowItAndChangesNothing() {
        String user = fixture.user("viewer");
        fixture.bind(user, "Project Viewer", "project_group_id", g);
        ApiClient viewer = fixture.signIn(port, user);

        assertThat(ids(fixture.ok(viewer, "/api/identity/project/list", "{}"), "project_id"))
                .containsExactlyInAnyOrder(p1, p2, p3, p4);
        assertThat(ids(fixture.ok(viewer, "/api/identity/project-group/list", "{}"), "project_group_id"))
                .containsExactlyInAnyOrder(g, h, k, j);
        assertThat(fixture.ok(viewer, "/api/identity/project/stat",
                "{\"query\": {\"aggregate\": [{\"count\": {\"name\": \"n\"}}]}}").at("/results/0/n").asLong()).isEqualTo(4);
        assertThat(fixture.ok(viewer, "/api/identity/project/get", "{\"project_id\": \"" + p3 + "\"}")
                .get("project_id").asString()).isEqualTo(p3);

        ApiClient.Response outsideGet = viewer.post("/api/identity/project/get", "{\"project_id\": \"" + p5 + "\"}");
        assertThat(outsideGet.status()).isEqualTo(403);
        assertThat(outsideGet.errorCode()).isEqualTo("ERROR_PERMISSION_DENIED");
        assertThat(viewer.post("/api/identity/project-group/get", "{\"project_group_id\": \"" + outside + "\"}").status())
                .isEqualTo(403);
        ApiClient.Response create = viewer.post("/api/identity/project/create",
                "{\"name\": \"nope\", \"project_group_id\": \"" + g + "\"}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.errorCode()).isEqualTo("ERROR_PERMISSION_DENIED");
        assertThat(update(viewer, p1).status()).isEqualTo(403);
        // Domain configs belong to the whole domain, not to a project: out of a project role's reach.
        assertThat(viewer.post("/api/config/domain-config/list", "{}").status()).isEqualTo(403);
    }

    @Test
    void anAdminBindingOnASubGroupOverridesForItsSubtreeOnly() {
        String user = fixture.user("subadmin");
        fixture.bind(user, "Project Viewer", "project_group_id", g);
        fixture.bind(user, "Project Admin", "project_group_id", h);
        ApiClient client = fixture.signIn(port, user);

        assertThat(update(client, p2).status()).isEqualTo(200);
        assertThat(update(client, p3).status()).isEqualTo(200);
        assertThat(update(client, p1).status()).isEqualTo(403);
        assertThat(update(client, p4).status()).isEqualTo(403);
        assertThat(update(client, p5).status()).isEqualTo(403);
        // Creating is allowed in the groups the admin binding reaches, and nowhere else.
        assertThat(client.post("/api/identity/project/create", "{\"name\": \"new\", \"project_group_id\": \"" + k + "\"}")
                .status()).isEqualTo(200);
        assertThat(client.post("/api/identity/project/create", "{\"name\": \"new\", \"project_group_id\": \"" + j + "\"}")
                .status()).isEqualTo(403);
        // Still a viewer of the rest of G.
        assertThat(ids(fixture.ok(client, "/api/identity/project/list", "{\"project_group_id\": \"" + g + "\"}"), "project_id"))
                .containsExactly(p1);
    }

    @Test
    void aBindingOnAProjectOverridesItsGroups() {
        String user = fixture.user("projectadmin");
        fixture.bind(user, "Project Viewer", "project_group_id", g);
        fixture.bind(user, "Project Admin", "project_id", p4);
        ApiClient client = fixture.signIn(port, user);

        assertThat(update(client, p4).status()).isEqualTo(200);
        assertThat(update(client, p1).status()).isEqualTo(403);

        // And downwards too: an admin of the group who is only a viewer of one project.
        String other = fixture.user("groupadmin");
        fixture.bind(other, "Project Admin", "project_group_id", g);
        fixture.bind(other, "Project Viewer", "project_id", p2);
        ApiClient otherClient = fixture.signIn(port, other);
        assertThat(update(otherClient, p1).status()).isEqualTo(200);
        assertThat(update(otherClient, p2).status()).isEqualTo(403);
        assertThat(fixture.ok(otherClient, "/api/identity/project/get", "{\"project_id\": \"" + p2 + "\"}")
                .get("project_id").asString()).isEqualTo(p2);
    }

    @Test
    void removingABindingTakesEffectAtOnce() {
        String user = fixture.user("removed");
        String binding = fixture.bind(user, "Project Viewer", "project_group_id", h);
        ApiClient client = fixture.signIn(port, user);
        assertThat(ids(fixture.ok(client, "/api/identity/project/list", "{}"), "project_id")).containsExactlyInAnyOrder(p2, p3);

        fixture.ok(admin, "/api/identity/role-binding/delete", "{\"role_binding_id\": \"" + binding + "\"}");

        assertThat(client.post("/api/identity/project/list", "{}").status()).isEqualTo(403);
        assertThat(client.post("/api/identity/project/get", "{\"project_id\": \"" + p2 + "\"}").status()).isEqualTo(403);
    }

    @Test
    void movingAProjectMovesWhatReachesIt() {
        String user = fixture.user("mover");
        fixture.bind(user, "Project Viewer", "project_group_id", h);
        ApiClient client = fixture.signIn(port, user);
        assertThat(client.post("/api/identity/project/get", "{\"project_id\": \"" + p4 + "\"}").status()).isEqualTo(403);

        fixture.ok(admin, "/api/identity/project/change_project_group",
                "{\"project_id\": \"" + p4 + "\", \"project_group_id\": \"" + k + "\"}");

        assertThat(client.post("/api/identity/project/get", "{\"project_id\": \"" + p4 + "\"}").status()).isEqualTo(200);
    }

    @Test
    void aNewUserBoundAsViewerOnAGroupSeesOnlyItsProjectsAndCreatesNothing() {
        String team = fixture.group(fixture.unique("team"), null);
        String project = fixture.project(fixture.unique("team-app"), team);
        String user = fixture.user("newcomer");
        fixture.ok(admin, "/api/identity/project-group/add_member", "{\"project_group_id\": \"" + team
                + "\", \"user_id\": \"" + user + "\", \"role_id\": \"" + fixture.role("Project Viewer") + "\"}");

        ApiClient newcomer = fixture.signIn(port, user);

        assertThat(ids(fixture.ok(newcomer, "/api/identity/project/list", "{}"), "project_id")).containsExactly(project);
        assertThat(ids(fixture.ok(newcomer, "/api/identity/project-group/list", "{}"), "project_group_id"))
                .containsExactly(team);
        assertThat(ids(fixture.ok(newcomer, "/api/identity/project-group/list_members",
                "{\"project_group_id\": \"" + team + "\"}"), "user_id")).containsExactly(user);
        for (String[] call : new String[][] {
                {"/api/identity/project/create", "{\"name\": \"x\", \"project_group_id\": \"" + team + "\"}"},
                {"/api/identity/project-group/create", "{\"name\": \"x\", \"parent_group_id\": \"" + team + "\"}"},
                {"/api/identity/project-group/create", "{\"name\": \"x\"}"},
                {"/api/identity/policy/create", "{\"name\": \"x\", \"permissions\": [\"*\"]}"},
                {"/api/identity/role/create", "{\"name\": \"x\", \"role_type\": \"DOMAIN\", \"policies\": "
                        + "[{\"policy_type\": \"MANAGED\", \"policy_id\": \"policy-managed-domain-admin\"}]}"},
                {"/api/identity/role-binding/create", "{\"user_id\": \"" + user + "\", \"role_id\": \""
                        + fixture.role("Domain Admin") + "\"}"},
                {"/api/identity/project-group/add_member", "{\"project_group_id\": \"" + team + "\", \"user_id\": \""
                        + user + "\", \"role_id\": \"" + fixture.role("Project Admin") + "\"}"},
                {"/api/config/domain-config/create", "{\"name\": \"x\", \"data\": {}}"}}) {
            ApiClient.Response refused = newcomer.post(call[0], call[1]);
            assertThat(refused.status()).as(call[0]).isEqualTo(403);
        }
        assertThat(fixture.ok(admin, "/api/identity/project/list", "{\"project_group_id\": \"" + team + "\"}")
                .get("total_count").asLong()).isEqualTo(1);
    }
}
