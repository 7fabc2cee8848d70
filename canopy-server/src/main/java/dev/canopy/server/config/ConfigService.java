package dev.canopy.server.config;

import java.util.Map;
import java.util.function.Function;

import dev.canopy.query.Condition;
import dev.canopy.query.Operator;
import dev.canopy.query.Query;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.store.AnalyzeResult;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.ResourceKind;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The verbs of one config kind. Domain and user configs differ only in their table and in how far
 * a caller reaches: the whole domain, or the caller's own configs within it. Configs are addressed
 * by name; the store's id stays internal.
 */
final class ConfigService {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ResourceKind kind;
    private final DocumentStore store;
    private final Function<Caller, StoreScope> scopeOf;

    ConfigService(ResourceKind kind, DocumentStore store, Function<Caller, StoreScope> scopeOf) {
        this.kind = kind;
        this.store = store;
        this.scopeOf = scopeOf;
    }

    ObjectNode create(Caller caller, ConfigRequests.Write request) {
        return store.create(kind, scopeOf.apply(caller), document(request.name(), request.data(), request.tags()));
    }

    ObjectNode update(Caller caller, ConfigRequests.Update request) {
        ObjectNode changes = NODES.objectNode();
        if (request.data() != null) {
            changes.set("data", request.data());
        }
        if (request.tags() != null) {
            changes.set("tags", request.tags());
        }
        return store.updateUnique(kind, scopeOf.apply(caller), byName(request.name()), changes);
    }

    ObjectNode set(Caller caller, ConfigRequests.Write request) {
        return store.upsert(kind, scopeOf.apply(caller), document(request.name(), request.data(), request.tags()));
    }

    ObjectNode delete(Caller caller, ConfigRequests.Name request) {
        if (!store.deleteUnique(kind, scopeOf.apply(caller), byName(request.name()))) {
            throw ApiException.notFound("name", request.name().strip());
        }
        return NODES.objectNode();
    }

    ObjectNode get(Caller caller, ConfigRequests.Name request) {
        return store.findUnique(kind, scopeOf.apply(caller), byName(request.name()))
                .orElseThrow(() -> ApiException.notFound("name", request.name().strip()));
    }

    ListResult list(Caller caller, ConfigRequests.List request) {
        Query query = request.query() != null ? request.query() : Query.ALL;
        if (request.name() != null) {
            query = query.and(new Condition("name", StringNode.valueOf(request.name().strip()), Operator.EQ));
        }
        return store.list(kind, scopeOf.apply(caller), query);
    }

    StatResult stat(Caller caller, ConfigRequests.Stat request) {
        return store.stat(kind, scopeOf.apply(caller), request.query());
    }

    AnalyzeResult analyze(Caller caller, ConfigRequests.Analyze request) {
        return store.analyze(kind, scopeOf.apply(caller), request.query());
    }

    private static Map<String, String> byName(String name) {
        return Map.of("name", name.strip());
    }

    private static ObjectNode document(String name, ObjectNode data, ObjectNode tags) {
        ObjectNode document = NODES.objectNode();
        document.put("name", name.strip());
        document.set("data", data);
        document.set("tags", tags != null ? tags : NODES.objectNode());
        return document;
    }
}
