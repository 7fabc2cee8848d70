package dev.canopy.server.identity.domain;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** {@code identity.Domain} and {@code identity.SigningKey}, which only administrators of the root domain hold. */
@Component
class DomainVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    DomainVerbs(DomainService domains) {
        verbs = List.of(
                Verb.of("identity", "Domain", "create", "Creates a domain with its default roles and its first admin",
                        DomainRequests.DomainCreate.class, ObjectNode.class, domains::create),
                Verb.of("identity", "Domain", "get", "Reads a domain",
                        DomainRequests.DomainId.class, ObjectNode.class, domains::get),
                Verb.of("identity", "Domain", "list", "Lists every domain, by name",
                        DomainRequests.DomainList.class, ListResult.class, domains::list),
                Verb.of("identity", "Domain", "update", "Sets a domain's tags",
                        DomainRequests.DomainUpdate.class, ObjectNode.class, domains::update),
                Verb.of("identity", "Domain", "enable", "Lets a disabled domain's users in again",
                        DomainRequests.DomainId.class, ObjectNode.class, domains::enable),
                Verb.of("identity", "Domain", "disable", "Shuts every user of a domain out at once (not the root domain)",
                        DomainRequests.DomainId.class, ObjectNode.class, domains::disable),
                Verb.of("identity", "SigningKey", "rotate",
                        "Signs new access tokens with a new key; tokens already issued stay valid until they expire",
                        DomainRequests.SigningKeyRotate.class, DomainService.RotatedKey.class, domains::rotate));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
