package dev.canopy.server.identity.provider;

import java.util.List;
import java.util.Map;

import dev.canopy.query.ColumnType;
import dev.canopy.query.Query;
import dev.canopy.query.TableSchema;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.identity.IdentityKinds;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.ResourceKind;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Providers: the clouds and platforms accounts belong to, each known by its {@code provider} key.
 * The managed ones ({@link ManagedCatalog}) are in every domain and cannot be changed or deleted;
 * a domain adds its own. Like roles, providers are domain-level definitions: whoever is granted
 * the read verbs reads them all, only callers reaching the whole domain change them. A provider is
 * deleted only when no schema and no account names it.
 */
@Service
class ProviderService {

    /** Custom and managed providers together, read-only. */
    static final ResourceKind LISTING = new ResourceKind("identity.Provider", "provider", null,
            TableSchema.builder("provider_listing")
                    .requiredColumn("provider", ColumnType.TEXT)
                    .requiredColumn("name", ColumnType.TEXT)
                    .keyword("provider", "name")
                    .minimal("provider", "name")
                    .defaultSort("order", false)
                    .defaultSort("provider", false)
                    .build(),
            List.of("provider"));
    static final int DEFAULT_ORDER = 10;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final ManagedCatalog catalog;
    private final JdbcClient jdbc;

    ProviderService(DocumentStore store, ManagedCatalog catalog, JdbcClient jdbc) {
        this.store = store;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Transactional
    ObjectNode create(Caller caller, ProviderRequests.ProviderCreate request) {
        caller.requireWholeDomain("provider", request.provider());
        if (catalog.provider(request.provider()).isPresent()) {
            throw ApiException.alreadyExists(Map.of("provider", request.provider()));
        }
        ObjectNode document = NODES.objectNode().put("provider", request.provider()).put("name", request.name().strip());
        putIfPresent(document, "alias", request.alias());
        putIfPresent(document, "color", request.color());
        putIfPresent(document, "icon", request.icon());
        document.put("order", request.order() != null ? request.order() : DEFAULT_ORDER);
        document.set("reference", orEmpty(request.reference()));
        document.set("options", orEmpty(request.options()));
        document.set("tags", orEmpty(request.tags()));
        document.put("is_managed", false);
        return store.create(IdentityKinds.PROVIDER, StoreScope.domain(caller.domainId()), document);
    }

    @Transactional
    ObjectNode update(Caller caller, ProviderRequests.ProviderUpdate request) {
        caller.requireWholeDomain("provider", request.provider());
        refuseManaged(request.provider());
        ObjectNode changes = NODES.objectNode();
        if (request.name() != null) {
            if (request.name().isBlank()) {
                throw ApiException.invalidParameter("name", "must not be blank");
            }
            changes.put("name", request.name().strip());
        }
        putIfPresent(changes, "alias", request.alias());
        putIfPresent(changes, "color", request.color());
        putIfPresent(changes, "icon", request.icon());
        if (request.order() != null) {
            changes.put("order", request.order());
        }
        setIfPresent(changes, "reference", request.reference());
        setIfPresent(changes, "options", request.options());
        setIfPresent(changes, "tags", request.tags());
        return store.updateUnique(IdentityKinds.PROVIDER, StoreScope.domain(caller.domainId()),
                Map.of("provider", request.provider()), changes);
    }

    @Transactional
    ObjectNode delete(Caller caller, ProviderRequests.ProviderKey request) {
        String provider = request.provider();
        caller.requireWholeDomain("provider", provider);
        refuseManaged(provider);
        // Locked first, so that a schema or account being created for it either sees it gone or is counted here.
        jdbc.sql("SELECT id FROM provider WHERE domain_id = ? AND provider = ? FOR UPDATE")
                .params(caller.domainId(), provider).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound("provider", provider));
        long schemas = count("identity_schema", caller.domainId(), provider);
        long accounts = count("service_account", caller.domainId(), provider);
        long trusted = count("trusted_account", caller.domainId(), provider);
        if (schemas + accounts + trusted > 0) {
            throw ApiException.existResource("provider", provider, schemas + " schema(s), " + accounts
                    + " service account(s) and " + trusted + " trusted account(s) belong to it; delete them first");
        }
        store.deleteUnique(IdentityKinds.PROVIDER, StoreScope.domain(caller.domainId()), Map.of("provider", provider));
        return NODES.objectNode();
    }

    ObjectNode get(Caller caller, ProviderRequests.ProviderKey request) {
        return store.findUnique(LISTING, StoreScope.domain(caller.domainId()), Map.of("provider", request.provider()))
                .orElseThrow(() -> ApiException.notFound("provider", request.provider()));
    }

    ListResult list(Caller caller, ProviderRequests.ProviderList request) {
        return store.list(LISTING, StoreScope.domain(caller.domainId()), request.query() != null ? request.query() : Query.ALL);
    }

    StatResult stat(Caller caller, ProviderRequests.ProviderStat request) {
        return store.stat(LISTING, StoreScope.domain(caller.domainId()), request.query());
    }

    private void refuseManaged(String provider) {
        if (catalog.provider(provider).isPresent()) {
            throw ApiException.invalidParameter("provider", "a managed provider cannot be changed or deleted");
        }
    }

    private long count(String table, String domainId, String provider) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE domain_id = ? AND provider = ?")
                .params(domainId, provider).query(Long.class).single();
    }

    static ObjectNode orEmpty(ObjectNode value) {
        return value != null ? value : NODES.objectNode();
    }

    private static void putIfPresent(ObjectNode changes, String key, String value) {
        if (value != null) {
            changes.put(key, value);
        }
    }

    private static void setIfPresent(ObjectNode changes, String key, ObjectNode value) {
        if (value != null) {
            changes.set(key, value);
        }
    }
}
