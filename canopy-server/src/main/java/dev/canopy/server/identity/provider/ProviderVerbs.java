package dev.canopy.server.identity.provider;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The verbs of {@code identity.Provider} and {@code identity.Schema}. */
@Component
class ProviderVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    ProviderVerbs(ProviderService providers, SchemaService schemas) {
        verbs = List.of(
                Verb.of("identity", "Provider", "create", "Adds a provider of the domain's own, known by its provider key",
                        ProviderRequests.ProviderCreate.class, ObjectNode.class, providers::create),
                Verb.of("identity", "Provider", "update", "Changes a provider of the domain's own",
                        ProviderRequests.ProviderUpdate.class, ObjectNode.class, providers::update),
                Verb.of("identity", "Provider", "delete", "Deletes a provider of the domain's own that nothing belongs to",
                        ProviderRequests.ProviderKey.class, ObjectNode.class, providers::delete),
                Verb.of("identity", "Provider", "get", "Reads a managed or custom provider",
                        ProviderRequests.ProviderKey.class, ObjectNode.class, providers::get),
                Verb.of("identity", "Provider", "list", "Lists managed and custom providers matching a query",
                        ProviderRequests.ProviderList.class, ListResult.class, providers::list),
                Verb.of("identity", "Provider", "stat", "Computes statistics over managed and custom providers",
                        ProviderRequests.ProviderStat.class, StatResult.class, providers::stat),
                Verb.of("identity", "Schema", "create",
                        "Adds a JSON Schema that account data or credentials of a provider must follow",
                        ProviderRequests.SchemaCreate.class, ObjectNode.class, schemas::create),
                Verb.of("identity", "Schema", "update", "Changes a schema of the domain's own",
                        ProviderRequests.SchemaUpdate.class, ObjectNode.class, schemas::update),
                Verb.of("identity", "Schema", "delete", "Deletes a schema of the domain's own that nothing follows",
                        ProviderRequests.SchemaKey.class, ObjectNode.class, schemas::delete),
                Verb.of("identity", "Schema", "get", "Reads a managed or custom schema",
                        ProviderRequests.SchemaKey.class, ObjectNode.class, schemas::get),
                Verb.of("identity", "Schema", "list", "Lists managed and custom schemas matching a query",
                        ProviderRequests.SchemaList.class, ListResult.class, schemas::list),
                Verb.of("identity", "Schema", "stat", "Computes statistics over managed and custom schemas",
                        ProviderRequests.SchemaStat.class, StatResult.class, schemas::stat));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
