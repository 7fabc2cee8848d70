package dev.canopy.server.identity.provider;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.canopy.query.ColumnType;
import dev.canopy.query.Condition;
import dev.canopy.query.Operator;
import dev.canopy.query.Query;
import dev.canopy.query.TableSchema;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.identity.IdentityKinds;
import dev.canopy.server.secret.AccountSecrets;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.ResourceKind;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Schemas: JSON Schema documents that the data of accounts ({@code SERVICE_ACCOUNT},
 * {@code TRUSTED_ACCOUNT}) and of credentials ({@code SECRET}, {@code TRUSTED_SECRET}) follow, each
 * of one provider, which has at most one schema of each account type. A schema given by a user must
 * itself be a valid JSON Schema. Managed schemas cannot be changed or deleted; a domain's own
 * schema is deleted only when no account and no secret follows it. Readable by whoever is granted
 * the read verbs, changed only by callers reaching the whole domain.
 */
@Service
class SchemaService {

    /** Custom and managed schemas together, read-only. */
    static final ResourceKind LISTING = new ResourceKind("identity.Schema", "schema", null,
            TableSchema.builder("identity_schema_listing")
                    .requiredColumn("schema_id", ColumnType.TEXT)
                    .requiredColumn("name", ColumnType.TEXT)
                    .requiredColumn("schema_type", ColumnType.TEXT)
                    .requiredColumn("provider", ColumnType.TEXT)
                    .keyword("schema_id", "name")
                    .minimal("schema_id", "name", "schema_type", "provider")
                    .defaultSort("schema_id", false)
                    .build(),
            List.of("schema_id"));
    private static final List<String> ACCOUNT_TYPES = List.of("SERVICE_ACCOUNT", "TRUSTED_ACCOUNT");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final ManagedCatalog catalog;
    private final ProviderSchemas providerSchemas;
    private final SchemaValidator validator;
    private final AccountSecrets accountSecrets;
    private final JdbcClient jdbc;

    SchemaService(DocumentStore store, ManagedCatalog catalog, ProviderSchemas providerSchemas, SchemaValidator validator,
                  AccountSecrets accountSecrets, JdbcClient jdbc) {
        this.store = store;
        this.catalog = catalog;
        this.providerSchemas = providerSchemas;
        this.validator = validator;
        this.accountSecrets = accountSecrets;
        this.jdbc = jdbc;
    }

    @Transactional
    ObjectNode create(Caller caller, ProviderRequests.SchemaCreate request) {
        String domainId = caller.domainId();
        caller.requireWholeDomain("schema_id", request.schemaId());
        if (catalog.schema(request.schemaId()).isPresent()) {
            throw ApiException.alreadyExists(Map.of("schema_id", request.schemaId()));
        }
        providerSchemas.requireProvider(domainId, request.provider(), "provider");
        if (ACCOUNT_TYPES.contains(request.schemaType()) && hasAccountSchema(domainId, request.provider(), request.schemaType())) {
            Map<String, String> unique = new LinkedHashMap<>();
            unique.put("provider", request.provider());
            unique.put("schema_type", request.schemaType());
            throw ApiException.alreadyExists(unique);
        }
        validator.requireValidSchema(request.schema(), "schema");
        ObjectNode document = NODES.objectNode().put("schema_id", request.schemaId()).put("name", request.name().strip())
                .put("schema_type", request.schemaType()).put("provider", request.provider());
        document.set("schema", request.schema());
        document.set("related_schemas", relatedSchemas(domainId, request.relatedSchemas()));
        document.set("options", ProviderService.orEmpty(request.options()));
        document.set("tags", ProviderService.orEmpty(request.tags()));
        document.put("is_managed", false);
        return store.create(IdentityKinds.SCHEMA, StoreScope.domain(domainId), document);
    }

    @Transactional
    ObjectNode update(Caller caller, ProviderRequests.SchemaUpdate request) {
        caller.requireWholeDomain("schema_id", request.schemaId());
        refuseManaged(request.schemaId());
        ObjectNode changes = NODES.objectNode();
        if (request.name() != null) {
            if (request.name().isBlank()) {
                throw ApiException.invalidParameter("name", "must not be blank");
            }
            changes.put("name", request.name().strip());
        }
        if (request.schema() != null) {
            validator.requireValidSchema(request.schema(), "schema");
            changes.set("schema", request.schema());
        }
        if (request.relatedSchemas() != null) {
            changes.set("related_schemas", relatedSchemas(caller.domainId(), request.relatedSchemas()));
        }
        if (request.options() != null) {
            changes.set("options", request.options());
        }
        if (request.tags() != null) {
            changes.set("tags", request.tags());
        }
        return store.updateUnique(IdentityKinds.SCHEMA, StoreScope.domain(caller.domainId()),
                Map.of("schema_id", request.schemaId()), changes);
    }

    @Transactional
    ObjectNode delete(Caller caller, ProviderRequests.SchemaKey request) {
        String schemaId = request.schemaId();
        String domainId = caller.domainId();
        caller.requireWholeDomain("schema_id", schemaId);
        refuseManaged(schemaId);
        // Locked first: a check of data against it either sees it gone or is counted below.
        jdbc.sql("SELECT id FROM identity_schema WHERE domain_id = ? AND schema_id = ? FOR UPDATE")
                .params(domainId, schemaId).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound("schema_id", schemaId));
        long accounts = jdbc.sql("SELECT (SELECT count(*) FROM service_account WHERE domain_id = ? AND secret_schema_id = ?)"
                        + " + (SELECT count(*) FROM trusted_account WHERE domain_id = ? AND secret_schema_id = ?)")
                .params(domainId, schemaId, domainId, schemaId).query(Long.class).single();
        if (accounts > 0) {
            throw ApiException.existResource("schema_id", schemaId, accounts + " account(s) keep credentials of this schema");
        }
        if (accountSecrets.anyFollows(domainId, schemaId)) {
            throw ApiException.existResource("schema_id", schemaId, "secrets follow this schema; delete them first");
        }
        store.deleteUnique(IdentityKinds.SCHEMA, StoreScope.domain(domainId), Map.of("schema_id", schemaId));
        return NODES.objectNode();
    }

    ObjectNode get(Caller caller, ProviderRequests.SchemaKey request) {
        return store.findUnique(LISTING, StoreScope.domain(caller.domainId()), Map.of("schema_id", request.schemaId()))
                .orElseThrow(() -> ApiException.notFound("schema_id", request.schemaId()));
    }

    ListResult list(Caller caller, ProviderRequests.SchemaList request) {
        Query query = request.query() != null ? request.query() : Query.ALL;
        if (request.provider() != null) {
            query = query.and(new Condition("provider", StringNode.valueOf(request.provider()), Operator.EQ));
        }
        if (request.schemaType() != null) {
            query = query.and(new Condition("schema_type", StringNode.valueOf(request.schemaType()), Operator.EQ));
        }
        return store.list(LISTING, StoreScope.domain(caller.domainId()), query);
    }

    StatResult stat(Caller caller, ProviderRequests.SchemaStat request) {
        return store.stat(LISTING, StoreScope.domain(caller.domainId()), request.query());
    }

    private boolean hasAccountSchema(String domainId, String provider, String schemaType) {
        return catalog.schemaOf(provider, schemaType).isPresent()
                || jdbc.sql("SELECT count(*) FROM identity_schema WHERE domain_id = ? AND provider = ? AND schema_type = ?")
                .params(domainId, provider, schemaType).query(Long.class).single() > 0;
    }

    /** The related schemas as stored, each of which must exist; repeats are dropped. */
    private ArrayNode relatedSchemas(String domainId, List<String> schemaIds) {
        Set<String> distinct = new LinkedHashSet<>();
        for (int index = 0; schemaIds != null && index < schemaIds.size(); index++) {
            String schemaId = schemaIds.get(index).strip();
            if (providerSchemas.schema(domainId, schemaId).isEmpty()) {
                throw ApiException.notFound("related_schemas[" + index + "]", schemaId);
            }
            distinct.add(schemaId);
        }
        ArrayNode related = NODES.arrayNode();
        distinct.forEach(related::add);
        return related;
    }

    private void refuseManaged(String schemaId) {
        if (catalog.schema(schemaId).isPresent()) {
            throw ApiException.invalidParameter("schema_id", "a managed schema cannot be changed or deleted");
        }
    }
}
