package dev.canopy.server.identity.binding;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The verbs of {@code identity.RoleBinding}. */
@Component
class RoleBindingVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    RoleBindingVerbs(RoleBindingService bindings) {
        verbs = List.of(
                Verb.of("identity", "RoleBinding", "create",
                        "Binds a user to a DOMAIN role, or to a PROJECT role on a project group or a project",
                        RoleBindingRequests.RoleBindingCreate.class, ObjectNode.class, bindings::create),
                Verb.of("identity", "RoleBinding", "update_role", "Gives a binding another role of the same type",
                        RoleBindingRequests.RoleBindingUpdateRole.class, ObjectNode.class, bindings::updateRole),
                Verb.of("identity", "RoleBinding", "delete", "Deletes a role binding; it stops granting at once",
                        RoleBindingRequests.RoleBindingId.class, ObjectNode.class, bindings::delete),
                Verb.of("identity", "RoleBinding", "get", "Reads a role binding",
                        RoleBindingRequests.RoleBindingId.class, ObjectNode.class, bindings::get),
                Verb.of("identity", "RoleBinding", "list", "Lists role bindings matching a query",
                        RoleBindingRequests.RoleBindingList.class, ListResult.class, bindings::list),
                Verb.of("identity", "RoleBinding", "stat", "Computes statistics over role bindings",
                        RoleBindingRequests.RoleBindingStat.class, StatResult.class, bindings::stat));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
