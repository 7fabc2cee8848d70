package dev.canopy.server.inventory.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.canopy.query.Query;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.ApiJson;
import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Caller;
import dev.canopy.server.api.Verb;
import dev.canopy.server.inventory.InventoryKinds;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.ResourceKind;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code inventory.CloudServiceType} and {@code inventory.Region}: the catalogue collectors fill and
 * users may complete. Both belong to the whole domain; anyone with the read verbs may read them.
 */
@Component
class CatalogVerbs implements ApiVerbs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final JsonMapper json;
    private final List<Verb<?, ?>> verbs = new ArrayList<>();

    CatalogVerbs(DocumentStore store, ApiJson apiJson) {
        this.store = store;
        this.json = apiJson.mapper();
        add("CloudServiceType", "cloud service type", InventoryKinds.CLOUD_SERVICE_TYPE,
                CatalogRequests.CloudServiceTypeCreate.class, CatalogRequests.CloudServiceTypeUpdate.class,
                CatalogRequests.CloudServiceTypeId.class, CatalogRequests.CloudServiceTypeUpdate::cloudServiceTypeId,
                CatalogRequests.CloudServiceTypeId::cloudServiceTypeId);
        add("Region", "region", InventoryKinds.REGION, CatalogRequests.RegionCreate.class, CatalogRequests.RegionUpdate.class,
                CatalogRequests.RegionId.class, CatalogRequests.RegionUpdate::regionId, CatalogRequests.RegionId::regionId);
    }

    private <C, U, I> void add(String resource, String noun, ResourceKind kind, Class<C> create, Class<U> update, Class<I> id,
                               Function<U, String> updateId, Function<I, String> idOf) {
        verbs.add(Verb.of("inventory", resource, "create", "Creates a " + noun, create, ObjectNode.class,
                (caller, request) -> {
                    ObjectNode document = given(json.valueToTree(request));
                    if (!document.has("tags")) {
                        document.set("tags", NODES.objectNode());
                    }
                    return store.create(kind, scope(caller, kind), document);
                }));
        verbs.add(Verb.of("inventory", resource, "update", "Changes a " + noun, update, ObjectNode.class,
                (caller, request) -> {
                    ObjectNode changes = given(json.valueToTree(request));
                    changes.remove(kind.idKey());
                    return store.update(kind, scope(caller, kind), updateId.apply(request), changes);
                }));
        verbs.add(Verb.of("inventory", resource, "delete", "Deletes a " + noun, id, ObjectNode.class,
                (caller, request) -> {
                    if (!store.delete(kind, scope(caller, kind), idOf.apply(request))) {
                        throw ApiException.notFound(kind.idKey(), idOf.apply(request));
                    }
                    return NODES.objectNode();
                }));
        verbs.add(Verb.of("inventory", resource, "get", "Reads a " + noun, id, ObjectNode.class,
                (caller, request) -> store.get(kind, StoreScope.domain(caller.domainId()), idOf.apply(request))
                        .orElseThrow(() -> ApiException.notFound(kind.idKey(), idOf.apply(request)))));
        verbs.add(Verb.of("inventory", resource, "list", "Lists " + noun + "s matching a query", CatalogRequests.CatalogList.class,
                ListResult.class, (caller, request) -> store.list(kind, StoreScope.domain(caller.domainId()),
                        request.query() != null ? request.query() : Query.ALL)));
        verbs.add(Verb.of("inventory", resource, "stat", "Computes statistics over " + noun + "s", CatalogRequests.CatalogStat.class,
                StatResult.class, (caller, request) -> store.stat(kind, StoreScope.domain(caller.domainId()), request.query())));
    }

    /** The keys a request gave, without those left out (null). */
    private static ObjectNode given(ObjectNode request) {
        ObjectNode given = NODES.objectNode();
        request.properties().forEach(entry -> {
            if (!entry.getValue().isNull()) {
                given.set(entry.getKey(), entry.getValue());
            }
        });
        return given;
    }

    /** Writing the catalogue takes the whole domain. */
    private static StoreScope scope(Caller caller, ResourceKind kind) {
        caller.requireWholeDomain();
        return StoreScope.domain(caller.domainId());
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
