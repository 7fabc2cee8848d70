package dev.canopy.server.identity.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.canopy.query.ColumnType;
import dev.canopy.query.Condition;
import dev.canopy.query.Operator;
import dev.canopy.query.Query;
import dev.canopy.query.TableSchema;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.api.ErrorCode;
import dev.canopy.server.identity.Generations;
import dev.canopy.server.identity.IdentityKinds;
import dev.canopy.server.identity.access.ManagedPolicy;
import dev.canopy.server.identity.access.PermissionPattern;
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
 * Custom policies of a domain: named lists of permission patterns. Managed policies are defined
 * in code ({@link ManagedPolicy}); they are read-only here, and listed together with the custom
 * ones through the {@code policy_listing} view. Policies are domain-level definitions: anyone
 * granted the read verbs may read them, only callers reaching the whole domain may change them.
 */
@Service
public class PolicyService {

    /** Custom and managed policies together, each marked with its {@code policy_type}; read-only. */
    static final ResourceKind LISTING = new ResourceKind("identity.Policy", "policy", "policy_id",
            TableSchema.builder("policy_listing")
                    .idKey("policy_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .requiredColumn("policy_type", ColumnType.TEXT)
                    .keyword("policy_id", "name")
                    .minimal("policy_id", "name", "policy_type")
                    .defaultSort("name", false)
                    .build(),
            List.of());

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final Generations generations;
    private final JdbcClient jdbc;

    PolicyService(DocumentStore store, Generations generations, JdbcClient jdbc) {
        this.store = store;
        this.generations = generations;
        this.jdbc = jdbc;
    }

    @Transactional
    public ObjectNode create(Caller caller, PolicyRequests.PolicyCreate request) {
        caller.requireWholeDomain("name", request.name());
        ObjectNode document = NODES.objectNode().put("name", request.name().strip()).put("policy_type", "CUSTOM");
        document.set("permissions", permissions(request.permissions()));
        document.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        ObjectNode created = store.create(IdentityKinds.POLICY, StoreScope.domain(caller.domainId()), document);
        generations.bump(caller.domainId());
        return created;
    }

    @Transactional
    public ObjectNode update(Caller caller, PolicyRequests.PolicyUpdate request) {
        caller.requireWholeDomain("policy_id", request.policyId());
        refuseManaged(request.policyId());
        ObjectNode changes = NODES.objectNode();
        if (request.name() != null) {
            if (request.name().isBlank()) {
                throw ApiException.invalidParameter("name", "must not be blank");
            }
            changes.put("name", request.name().strip());
        }
        if (request.permissions() != null) {
            changes.set("permissions", permissions(request.permissions()));
        }
        if (request.tags() != null) {
            changes.set("tags", request.tags());
        }
        ObjectNode updated = store.update(IdentityKinds.POLICY, StoreScope.domain(caller.domainId()), request.policyId(), changes);
        generations.bump(caller.domainId());
        return updated;
    }

    @Transactional
    public ObjectNode delete(Caller caller, PolicyRequests.PolicyId request) {
        caller.requireWholeDomain("policy_id", request.policyId());
        refuseManaged(request.policyId());
        // Locked first, so a role being created with this policy either sees it gone or is counted here.
        boolean exists = jdbc.sql("SELECT id FROM policy WHERE domain_id = ? AND id = ? FOR UPDATE")
                .params(caller.domainId(), request.policyId()).query(String.class).optional().isPresent();
        if (!exists) {
            throw ApiException.notFound("policy_id", request.policyId());
        }
        long roles = jdbc.sql("SELECT count(*) FROM role WHERE domain_id = ? AND doc -> 'policies' @> CAST(? AS jsonb)")
                .params(caller.domainId(), NODES.arrayNode().add(NODES.objectNode().put("policy_type", "CUSTOM")
                        .put("policy_id", request.policyId())).toString())
                .query(Long.class).single();
        if (roles > 0) {
            throw ApiException.invalidParameter("policy_id", roles + " role(s) use this policy; remove it from them first");
        }
        store.delete(IdentityKinds.POLICY, StoreScope.domain(caller.domainId()), request.policyId());
        generations.bump(caller.domainId());
        return NODES.objectNode();
    }

    public ObjectNode get(Caller caller, PolicyRequests.PolicyId request) {
        return store.get(LISTING, StoreScope.domain(caller.domainId()), request.policyId())
                .orElseThrow(() -> ApiException.notFound("policy_id", request.policyId()));
    }

    public ListResult list(Caller caller, PolicyRequests.PolicyList request) {
        Query query = request.query() != null ? request.query() : Query.ALL;
        if (request.policyType() != null) {
            query = query.and(new Condition("policy_type", StringNode.valueOf(request.policyType()), Operator.EQ));
        }
        return store.list(LISTING, StoreScope.domain(caller.domainId()), query);
    }

    public StatResult stat(Caller caller, PolicyRequests.PolicyStat request) {
        return store.stat(LISTING, StoreScope.domain(caller.domainId()), request.query());
    }

    private static void refuseManaged(String policyId) {
        if (ManagedPolicy.byId(policyId).isPresent()) {
            throw new ApiException(ErrorCode.ERROR_INVALID_PARAMETER,
                    "Invalid parameter. (key = policy_id, reason = a managed policy cannot be changed or deleted)",
                    Map.of("key", "policy_id", "reason", "a managed policy cannot be changed or deleted"));
        }
    }

    /** The patterns as stored, each checked; a bad one is named by its index. */
    private static ArrayNode permissions(List<String> patterns) {
        List<String> checked = new ArrayList<>();
        for (int index = 0; index < patterns.size(); index++) {
            String pattern = patterns.get(index);
            try {
                checked.add(PermissionPattern.of(pattern == null ? null : pattern.strip()).text());
            } catch (IllegalArgumentException invalid) {
                throw ApiException.invalidParameter("permissions[" + index + "]",
                        "not a permission pattern: letters, digits, '_', '.', '*' and '?' only, at most 128 characters");
            }
        }
        ArrayNode array = NODES.arrayNode();
        checked.stream().distinct().forEach(array::add);
        return array;
    }
}
