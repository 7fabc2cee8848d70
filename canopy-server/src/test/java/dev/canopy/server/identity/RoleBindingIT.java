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

/** Custom policies, roles and role bindings: what they accept, what they refuse, and what they grant. */
class RoleBindingIT extends TestServer {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    IdentityFixture fixture;

    @BeforeEach
    void setUp() {
        admin = ApiClient.admin(port);
        fixture = new IdentityFixture(admin, jdbc);
    }

    private String policy(String name, String permissions) {
        return fixture.ok(admin, "/api/identity/policy/create", "{\"name\": \"" + name + "\", \"permissions\": " + permissions + "}")
                .get("policy_id").asString();
    }

    private String customRole(String name, String roleType, String policyId) {
        return fixture.ok(admin, "/api/identity/role/create", "{\"name\": \"" + name + "\", \"role_type\": \"" + roleType
                + "\", \"policies\": [{\"policy_type\": \"CUSTOM\", \"policy_id\": \"" + policyId + "\"}]}")
                .get("role_id").asString();
    }

    private ApiClient.Response createBinding(String body) {
        return admin.post("/api/identity/role-binding/create", body);
    }

    @Test
    void policiesCheckEveryPatternAndListAlongsideTheManagedOnes() {
        ApiClient.Response bad = admin.post("/api/identity/policy/create",
                "{\"name\": \"bad\", \"permissions\": [\"identity.Project.list\", \"identity Project\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("ERROR_INVALID_PARAMETER");
        assertThat(bad.errorKey()).isEqualTo("permissions[1]");

        String name = fixture.unique("readers");
        String policyId = policy(name, "[\"identity.Project.list\", \"identity.Project.get\"]");
        JsonNode updated = fixture.ok(admin, "/api/identity/policy/update",
                "{\"policy_id\": \"" + policyId + "\", \"permissions\": [\"identity.Project.*\"]}");
        assertThat(updated.at("/permissions/0").asString()).isEqualTo("identity.Project.*");
        assertThat(fixture.ok(admin, "/api/identity/policy/get", "{\"policy_id\": \"" + policyId + "\"}")
                .get("policy_type").asString()).isEqualTo("CUSTOM");

        JsonNode managed = fixture.ok(admin, "/api/identity/policy/list", "{\"policy_type\": \"MANAGED\"}");
        Set<String> managedIds = new HashSet<>();
        managed.get("results").forEach(policy -> {
            assertThat(policy.get("policy_type").asString()).isEqualTo("MANAGED");
            managedIds.add(policy.get("policy_id").asString());
        });
        assertThat(managedIds).contains("policy-managed-domain-admin", "policy-managed-project-viewer");
        JsonNode all = fixture.ok(admin, "/api/identity/policy/list", "{\"query\": {\"keyword\": \"" + name + "\"}}");
        assertThat(all.get("total_count").asLong()).isEqualTo(1);
        assertThat(fixture.ok(admin, "/api/identity/policy/list", "{}").get("total_count").asLong())
                .isGreaterThan(managedIds.size());
        assertThat(fixture.ok(admin, "/api/identity/policy/stat", "{\"query\": {\"aggregate\": [{\"group\": "
                + "{\"keys\": [{\"key\": \"policy_type\", \"name\": \"type\"}], \"fields\": [{\"operator\": \"count\", "
                + "\"name\": \"n\"}]}}]}}").get("results").size()).isEqualTo(2);

        ApiClient.Response managedDelete = admin.post("/api/identity/policy/delete",
                "{\"policy_id\": \"policy-managed-domain-admin\"}");
        assertThat(managedDelete.status()).isEqualTo(400);
    }

    @Test
    void aPolicyInUseAndARoleInUseCannotBeDeleted() {
        String policyId = policy(fixture.unique("used"), "[\"identity.Project.list\"]");
        String roleId = customRole(fixture.unique("user-of-policy"), "DOMAIN", policyId);

        ApiClient.Response policyDelete = admin.post("/api/identity/policy/delete", "{\"policy_id\": \"" + policyId + "\"}");
        assertThat(policyDelete.status()).isEqualTo(400);
        assertThat(policyDelete.body().at("/error/message").asString()).contains("1 role(s) use this policy");

        String user = fixture.user("bound");
        String binding = fixture.ok(admin, "/api/identity/role-binding/create",
                "{\"user_id\": \"" + user + "\", \"role_id\": \"" + roleId + "\"}").get("role_binding_id").asString();
        ApiClient.Response roleDelete = admin.post("/api/identity/role/delete", "{\"role_id\": \"" + roleId + "\"}");
        assertThat(roleDelete.status()).isEqualTo(400);
        assertThat(roleDelete.errorKey()).isEqualTo("role_id");

        fixture.ok(admin, "/api/identity/role-binding/delete", "{\"role_binding_id\": \"" + binding + "\"}");
        fixture.ok(admin, "/api/identity/role/delete", "{\"role_id\": \"" + roleId + "\"}");
        fixture.ok(admin, "/api/identity/policy/delete", "{\"policy_id\": \"" + policyId + "\"}");
        assertThat(admin.post("/api/identity/policy/get", "{\"policy_id\": \"" + policyId + "\"}").status()).isEqualTo(404);
    }

    @Test
    void rolesNeedExistingPoliciesAndTheDefaultRolesStayAsTheyAre() {
        ApiClient.Response missing = admin.post("/api/identity/role/create", "{\"name\": \"r\", \"role_type\": \"PROJECT\","
                + " \"policies\": [{\"policy_type\": \"CUSTOM\", \"policy_id\": \"policy-000000000000\"}]}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorKey()).isEqualTo("policies[0].policy_id");
        ApiClient.Response badType = admin.post("/api/identity/role/create", "{\"name\": \"r\", \"role_type\": \"SYSTEM\","
                + " \"policies\": [{\"policy_type\": \"MANAGED\", \"policy_id\": \"policy-managed-domain-admin\"}]}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.errorKey()).isEqualTo("role_type");

        String viewer = fixture.role("Project Viewer");
        for (String path : new String[] {"/api/identity/role/update", "/api/identity/role/delete"}) {
            ApiClient.Response refused = admin.post(path, "{\"role_id\": \"" + viewer + "\"}");
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.body().at("/error/message").asString()).contains("managed role");
        }
        assertThat(fixture.ok(admin, "/api/identity/role/get", "{\"role_id\": \"" + viewer + "\"}")
                .get("is_managed").asBoolean()).isTrue();

        String name = fixture.unique("auditor");
        String roleId = fixture.ok(admin, "/api/identity/role/create", "{\"name\": \"" + name + "\", \"role_type\": \"PROJECT\","
                + " \"policies\": [{\"policy_type\": \"MANAGED\", \"policy_id\": \"policy-managed-project-viewer\"}]}")
                .get("role_id").asString();
        assertThat(admin.post("/api/identity/role/create", "{\"name\": \"" + name + "\", \"role_type\": \"PROJECT\","
                + " \"policies\": [{\"policy_type\": \"MANAGED\", \"policy_id\": \"policy-managed-project-viewer\"}]}")
                .status()).isEqualTo(409);
        JsonNode renamed = fixture.ok(admin, "/api/identity/role/update",
                "{\"role_id\": \"" + roleId + "\", \"name\": \"" + name + "-2\", \"tags\": {\"team\": \"audit\"}}");
        assertThat(renamed.get("is_managed").asBoolean()).isFalse();
        assertThat(fixture.ok(admin, "/api/identity/role/list", "{\"role_type\": \"PROJECT\", \"query\": {\"filter\": "
                + "[{\"k\": \"tags.team\", \"v\": \"audit\", \"o\": \"eq\"}]}}").get("total_count").asLong()).isEqualTo(1);
    }

    @Test
    void bindingsTakeTheNodeTheirRoleTypeAsksForOncePerUserAndNode() {
        String user = fixture.user("rules");
        String group = fixture.group(fixture.unique("rules"), null);
        String project = fixture.project(fixture.unique("rules"), group);
        String domainViewer = fixture.role("Domain Viewer");
        String projectViewer = fixture.role("Project Viewer");
        String projectAdmin = fixture.role("Project Admin");

        ApiClient.Response domainOnProject = createBinding("{\"user_id\": \"" + user + "\", \"role_id\": \"" + domainViewer
                + "\", \"project_id\": \"" + project + "\"}");
        assertThat(domainOnProject.status()).isEqualTo(400);
        assertThat(domainOnProject.errorKey()).isEqualTo("role_id");
        ApiClient.Response projectNowhere = createBinding("{\"user_id\": \"" + user + "\", \"role_id\": \"" + projectViewer + "\"}");
        assertThat(projectNowhere.status()).isEqualTo(400);
        assertThat(projectNowhere.errorKey()).isEqualTo("project_id");
        ApiClient.Response both = createBinding("{\"user_id\": \"" + user + "\", \"role_id\": \"" + projectViewer
                + "\", \"project_id\": \"" + project + "\", \"project_group_id\": \"" + group + "\"}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(createBinding("{\"user_id\": \"nobody@example.com\", \"role_id\": \"" + projectViewer
                + "\", \"project_id\": \"" + project + "\"}").errorKey()).isEqualTo("user_id");
        assertThat(createBinding("{\"user_id\": \"" + user + "\", \"role_id\": \"" + projectViewer
                + "\", \"project_id\": \"project-000000000000\"}").status()).isEqualTo(404);

        JsonNode onProject = fixture.ok(admin, "/api/identity/role-binding/create", "{\"user_id\": \"" + user
                + "\", \"role_id\": \"" + projectViewer + "\", \"project_id\": \"" + project + "\"}");
        assertThat(onProject.get("role_type").asString()).isEqualTo("PROJECT");
        ApiClient.Response twice = admin.post("/api/identity/project/add_member", "{\"project_id\": \"" + project
                + "\", \"user_id\": \"" + user + "\", \"role_id\": \"" + projectAdmin + "\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.errorCode()).isEqualTo("ERROR_ALREADY_EXISTS");

        fixture.ok(admin, "/api/identity/role-binding/create",
                "{\"user_id\": \"" + user + "\", \"role_id\": \"" + domainViewer + "\"}");
        assertThat(createBinding("{\"user_id\": \"" + user + "\", \"role_id\": \"" + fixture.role("Domain Admin") + "\"}")
                .status()).isEqualTo(409);

        String bindingId = onProject.get("role_binding_id").asString();
        ApiClient.Response crossType = admin.post("/api/identity/role-binding/update_role",
                "{\"role_binding_id\": \"" + bindingId + "\", \"role_id\": \"" + domainViewer + "\"}");
        assertThat(crossType.status()).isEqualTo(400);
        assertThat(crossType.errorKey()).isEqualTo("role_id");
        assertThat(fixture.ok(admin, "/api/identity/role-binding/update_role", "{\"role_binding_id\": \"" + bindingId
                + "\", \"role_id\": \"" + projectAdmin + "\"}").get("role_id").asString()).isEqualTo(projectAdmin);

        JsonNode mine = fixture.ok(admin, "/api/identity/role-binding/list", "{\"user_id\": \"" + user + "\"}");
        assertThat(mine.get("total_count").asLong()).isEqualTo(2);
        assertThat(fixture.ok(admin, "/api/identity/role-binding/stat", "{\"query\": {\"filter\": [{\"k\": \"user_id\", \"v\": \""
                + user + "\", \"o\": \"eq\"}], \"aggregate\": [{\"count\": {\"name\": \"n\"}}]}}").at("/results/0/n").asLong())
                .isEqualTo(2);
    }

    @Test
    void membersOfGroupsAndProjectsAreTheirBindings() {
        String user = fixture.user("member");
        String group = fixture.group(fixture.unique("members"), null);
        String viewer = fixture.role("Project Viewer");

        ApiClient.Response domainRole = admin.post("/api/identity/project-group/add_member", "{\"project_group_id\": \""
                + group + "\", \"user_id\": \"" + user + "\", \"role_id\": \"" + fixture.role("Domain Admin") + "\"}");
        assertThat(domainRole.status()).isEqualTo(400);
        assertThat(domainRole.errorKey()).isEqualTo("role_id");

        JsonNode added = fixture.ok(admin, "/api/identity/project-group/add_member", "{\"project_group_id\": \"" + group
                + "\", \"user_id\": \"" + user + "\", \"role_id\": \"" + viewer + "\"}");
        assertThat(added.get("project_group_id").asString()).isEqualTo(group);
        assertThat(fixture.ok(admin, "/api/identity/role-binding/get", "{\"role_binding_id\": \""
                + added.get("role_binding_id").asString() + "\"}").get("user_id").asString()).isEqualTo(user);

        JsonNode modified = fixture.ok(admin, "/api/identity/project-group/modify_member", "{\"project_group_id\": \""
                + group + "\", \"user_id\": \"" + user + "\", \"role_id\": \"" + fixture.role("Project Admin") + "\"}");
        assertThat(modified.get("role_binding_id").asString()).isEqualTo(added.get("role_binding_id").asString());
        JsonNode members = fixture.ok(admin, "/api/identity/project-group/list_members", "{\"project_group_id\": \"" + group + "\"}");
        assertThat(members.get("total_count").asLong()).isEqualTo(1);
        assertThat(members.at("/results/0/role_id").asString()).isEqualTo(fixture.role("Project Admin"));

        fixture.ok(admin, "/api/identity/project-group/remove_member",
                "{\"project_group_id\": \"" + group + "\", \"user_id\": \"" + user + "\"}");
        assertThat(fixture.ok(admin, "/api/identity/project-group/list_members", "{\"project_group_id\": \"" + group + "\"}")
                .get("total_count").asLong()).isZero();
        assertThat(admin.post("/api/identity/project-group/remove_member",
                "{\"project_group_id\": \"" + group + "\", \"user_id\": \"" + user + "\"}").status()).isEqualTo(404);
    }

    @Test
    void aCustomRoleGrantsExactlyItsPoliciesAndAProjectAdminSeesOnlyBindingsItReaches() {
        String group = fixture.group(fixture.unique("custom"), null);
        String project = fixture.project(fixture.unique("custom"), group);
        String other = fixture.project(fixture.unique("other"), fixture.group(fixture.unique("other"), null));
        String policyId = policy(fixture.unique("listers"), "[\"identity.Project.list\", \"identity.RoleBinding.list\"]");
        String roleId = customRole(fixture.unique("lister"), "PROJECT", policyId);
        String user = fixture.user("lister");
        fixture.ok(admin, "/api/identity/role-binding/create", "{\"user_id\": \"" + user + "\", \"role_id\": \"" + roleId
                + "\", \"project_group_id\": \"" + group + "\"}");
        String colleague = fixture.user("colleague");
        fixture.bind(colleague, "Project Viewer", "project_id", project);
        fixture.bind(colleague, "Project Viewer", "project_id", other);
        ApiClient client = fixture.signIn(port, user);

        JsonNode projects = fixture.ok(client, "/api/identity/project/list", "{}");
        assertThat(projects.get("total_count").asLong()).isEqualTo(1);
        assertThat(projects.at("/results/0/project_id").asString()).isEqualTo(project);
        assertThat(client.post("/api/identity/project/get", "{\"project_id\": \"" + project + "\"}").status()).isEqualTo(403);

        // The bindings on nodes the role reaches: the user's own on the group, the colleague's on the project.
        JsonNode bindings = fixture.ok(client, "/api/identity/role-binding/list", "{}");
        assertThat(bindings.get("total_count").asLong()).isEqualTo(2);
        bindings.get("results").forEach(binding -> assertThat(binding.path("project_id").asString("")).isNotEqualTo(other));
    }
}
