package dev.canopy.server.identity.policy;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The verbs of {@code identity.Policy}. */
@Component
class PolicyVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    PolicyVerbs(PolicyService policies) {
        verbs = List.of(
                Verb.of("identity", "Policy", "create", "Creates a custom policy: a name and permission patterns",
                        PolicyRequests.PolicyCreate.class, ObjectNode.class, policies::create),
                Verb.of("identity", "Policy", "update", "Changes the name, permissions or tags of a custom policy",
                        PolicyRequests.PolicyUpdate.class, ObjectNode.class, policies::update),
                Verb.of("identity", "Policy", "delete", "Deletes a custom policy that no role uses",
                        PolicyRequests.PolicyId.class, ObjectNode.class, policies::delete),
                Verb.of("identity", "Policy", "get", "Reads a managed or custom policy",
                        PolicyRequests.PolicyId.class, ObjectNode.class, policies::get),
                Verb.of("identity", "Policy", "list", "Lists managed and custom policies matching a query",
                        PolicyRequests.PolicyList.class, ListResult.class, policies::list),
                Verb.of("identity", "Policy", "stat", "Computes statistics over managed and custom policies",
                        PolicyRequests.PolicyStat.class, StatResult.class, policies::stat));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
