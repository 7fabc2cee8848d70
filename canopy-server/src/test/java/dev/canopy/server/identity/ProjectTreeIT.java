package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The shape of the project tree: nesting, moving, deleting, and the checks that keep it a tree. */
class ProjectTreeIT extends TestServer {

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

    @Test
    void groupsNestFiveDeepAndEachLevelListsItsChildren() {
        List<String> chain = new ArrayList<>();
        String parent = null;
        for (int level = 1; level <= 5; level++) {
            parent = fixture.group(fixture.unique("level" + level), parent);
            chain.add(parent);
        }
        String project = fixture.project(fixture.unique("deep"), chain.get(4));

        for (int level = 1; level < 5; level++) {
            JsonNode children = fixture.ok(admin, "/api/identity/project-group/list",
                    "{\"parent_group_id\": \"" + chain.get(level - 1) + "\"}");
            assertThat(children.get("total_count").asLong()).isEqualTo(1);
            assertThat(children.at("/results/0/project_group_id").asString()).isEqualTo(chain.get(level));
        }
        JsonNode deepest = fixture.ok(admin, "/api/identity/project-group/get",
                "{\"project_group_id\": \"" + chain.get(4) + "\"}");
        assertThat(deepest.get("parent_group_id").asString()).isEqualTo(chain.get(3));
        assertThat(fixture.ok(admin, "/api/identity/project/get", "{\"project_id\": \"" + project + "\"}")
                .get("project_group_id").asString()).isEqualTo(chain.get(4));
        JsonNode top = fixture.ok(admin, "/api/identity/project-group/get", "{\"project_group_id\": \"" + chain.get(0) + "\"}");
        assertThat(top.get("parent_group_id").isNull()).isTrue();
    }

    @Test
    void aGroupIsDeletedOnlyOnceItHoldsNothing() {
        String group = fixture.group(fixture.unique("full"), null);
        String child = fixture.group(fixture.unique("child"), group);
        String project = fixture.project(fixture.unique("inside"), group);

        ApiClient.Response refused = admin.post("/api/identity/project-group/delete", "{\"project_group_id\": \"" + group + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("ERROR_INVALID_PARAMETER");
        assertThat(refused.errorKey()).isEqualTo("project_group_id");
        assertThat(refused.body().at("/error/message").asString()).contains("1 project group(s) and 1 project(s)");

        fixture.ok(admin, "/api/identity/project-group/delete", "{\"project_group_id\": \"" + child + "\"}");
        assertThat(admin.post("/api/identity/project-group/delete", "{\"project_group_id\": \"" + group + "\"}").status())
                .isEqualTo(400);
        fixture.ok(admin, "/api/identity/project/delete", "{\"project_id\": \"" + project + "\"}");
        fixture.ok(admin, "/api/identity/project-group/delete", "{\"project_group_id\": \"" + group + "\"}");

        ApiClient.Response gone = admin.post("/api/identity/project-group/get", "{\"project_group_id\": \"" + group + "\"}");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorKey()).isEqualTo("project_group_id");
    }

    @Test
    void aGroupNeverMovesUnderItselfOrItsDescendants() {
        String top = fixture.group(fixture.unique("top"), null);
        String middle = fixture.group(fixture.unique("middle"), top);
        String bottom = fixture.group(fixture.unique("bottom"), middle);
        String elsewhere = fixture.group(fixture.unique("elsewhere"), null);

        for (String target : List.of(top, middle, bottom)) {
            ApiClient.Response refused = admin.post("/api/identity/project-group/change_parent_group",
                    "{\"project_group_id\": \"" + top + "\", \"parent_group_id\": \"" + target + "\"}");
            assertThat(refused.status()).as(target).isEqualTo(400);
            assertThat(refused.errorKey()).isEqualTo("parent_group_id");
        }

        JsonNode moved = fixture.ok(admin, "/api/identity/project-group/change_parent_group",
                "{\"project_group_id\": \"" + middle + "\", \"parent_group_id\": \"" + elsewhere + "\"}");
        assertThat(moved.get("parent_group_id").asString()).isEqualTo(elsewhere);
        JsonNode toTheTop = fixture.ok(admin, "/api/identity/project-group/change_parent_group",
                "{\"project_group_id\": \"" + middle + "\"}");
        assertThat(toTheTop.get("parent_group_id").isNull()).isTrue();
        assertThat(fixture.ok(admin, "/api/identity/project-group/get", "{\"project_group_id\": \"" + bottom + "\"}")
                .get("parent_group_id").asString()).isEqualTo(middle);
    }

    @Test
    void theApiReferenceDescribesEachRequestUnderItsOwnName() {
        JsonNode schemas = admin.send(admin.request("/api/openapi.json").GET()).body().at("/components/schemas");

        assertThat(schemas.at("/ProjectCreate/required")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("name", "project_group_id");
        assertThat(schemas.at("/ProjectGroupChangeParent/properties").has("parent_group_id")).isTrue();
        assertThat(schemas.at("/RoleCreate/properties/policies/items/$ref").asString()).endsWith("/RolePolicy");
    }

    @Test
    void parentsAndGroupsMustExist() {
        ApiClient.Response noParent = admin.post("/api/identity/project-group/create",
                "{\"name\": \"orphan\", \"parent_group_id\": \"pg-000000000000\"}");
        assertThat(noParent.status()).isEqualTo(404);
        assertThat(noParent.errorKey()).isEqualTo("parent_group_id");

        ApiClient.Response noGroup = admin.post("/api/identity/project/create",
                "{\"name\": \"orphan\", \"project_group_id\": \"pg-000000000000\"}");
        assertThat(noGroup.status()).isEqualTo(404);
        assertThat(noGroup.errorKey()).isEqualTo("project_group_id");

        ApiClient.Response noName = admin.post("/api/identity/project/create", "{\"project_group_id\": \"pg-000000000000\"}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.errorKey()).isEqualTo("name");
    }

    @Test
    void projectsMoveUpdateAndTakeTheirBindingsWithThemWhenDeleted() {
        String from = fixture.group(fixture.unique("from"), null);
        String to = fixture.group(fixture.unique("to"), null);
        String project = fixture.project(fixture.unique("mover"), from);

        JsonNode updated = fixture.ok(admin, "/api/identity/project/update",
                "{\"project_id\": \"" + project + "\", \"name\": \"renamed\", \"tags\": {\"env\": \"prod\"}}");
        assertThat(updated.get("name").asString()).isEqualTo("renamed");
        assertThat(updated.at("/tags/env").asString()).isEqualTo("prod");
        JsonNode moved = fixture.ok(admin, "/api/identity/project/change_project_group",
                "{\"project_id\": \"" + project + "\", \"project_group_id\": \"" + to + "\"}");
        assertThat(moved.get("project_group_id").asString()).isEqualTo(to);
        assertThat(fixture.ok(admin, "/api/identity/project/list", "{\"project_group_id\": \"" + to + "\"}")
                .get("total_count").asLong()).isEqualTo(1);
        assertThat(fixture.ok(admin, "/api/identity/project/stat", "{\"query\": {\"aggregate\": [{\"count\": {\"name\": \"n\"}}],"
                + " \"filter\": [{\"k\": \"project_group_id\", \"v\": \"" + to + "\", \"o\": \"eq\"}]}}")
                .at("/results/0/n").asLong()).isEqualTo(1);

        String user = fixture.user("member");
        fixture.ok(admin, "/api/identity/project/add_member", "{\"project_id\": \"" + project + "\", \"user_id\": \""
                + user + "\", \"role_id\": \"" + fixture.role("Project Viewer") + "\"}");
        fixture.ok(admin, "/api/identity/project/delete", "{\"project_id\": \"" + project + "\"}");

        assertThat(jdbc.sql("SELECT count(*) FROM role_binding WHERE project_id = ?").param(project)
                .query(Long.class).single()).isZero();
    }
}
