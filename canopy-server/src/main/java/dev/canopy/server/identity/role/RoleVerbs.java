package dev.canopy.server.identity.role;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The verbs of {@code identity.Role}. */
@Component
class RoleVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    RoleVerbs(RoleService roles) {
        verbs = List.of(
                Verb.of("identity", "Role", "create", "Creates a DOMAIN or PROJECT role combining managed and custom policies",
                        RoleRequests.RoleCreate.class, ObjectNode.class, roles::create),
                Verb.of("identity", "Role", "update", "Changes the name, policies or tags of a custom role",
                        RoleRequests.RoleUpdate.class, ObjectNode.class, roles::update),
                Verb.of("identity", "Role", "delete", "Deletes a custom role that no binding uses",
                        RoleRequests.RoleId.class, ObjectNode.class, roles::delete),
                Verb.of("identity", "Role", "get", "Reads a role",
                        RoleRequests.RoleId.class, ObjectNode.class, roles::get),
                Verb.of("identity", "Role", "list", "Lists roles matching a query",
                        RoleRequests.RoleList.class, ListResult.class, roles::list),
                Verb.of("identity", "Role", "stat", "Computes statistics over roles",
                        RoleRequests.RoleStat.class, StatResult.class, roles::stat));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
