package dev.canopy.server.identity.apikey;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** {@code identity.APIKey}. */
@Component
class ApiKeyVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    ApiKeyVerbs(ApiKeyService keys) {
        verbs = List.of(
                Verb.of("identity", "APIKey", "create",
                        "Creates an API key for a user (at most 2 enabled each); the key itself is shown only in this response",
                        ApiKeyRequests.ApiKeyCreate.class, ObjectNode.class, keys::create),
                Verb.of("identity", "APIKey", "enable", "Lets a disabled API key in again",
                        ApiKeyRequests.ApiKeyId.class, ObjectNode.class, keys::enable),
                Verb.of("identity", "APIKey", "disable", "Stops an API key from working, at once",
                        ApiKeyRequests.ApiKeyId.class, ObjectNode.class, keys::disable),
                Verb.of("identity", "APIKey", "delete", "Deletes an API key; it stops working at once",
                        ApiKeyRequests.ApiKeyId.class, ObjectNode.class, keys::delete),
                Verb.of("identity", "APIKey", "get", "Reads an API key (never its secret)",
                        ApiKeyRequests.ApiKeyId.class, ObjectNode.class, keys::get),
                Verb.of("identity", "APIKey", "list", "Lists API keys matching a query (never their secrets)",
                        ApiKeyRequests.ApiKeyList.class, ListResult.class, keys::list),
                Verb.of("identity", "APIKey", "stat", "Computes statistics over API keys",
                        ApiKeyRequests.ApiKeyStat.class, StatResult.class, keys::stat));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
