package dev.canopy.server.identity.role;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.canopy.query.Condition;
import dev.canopy.query.Operator;
import dev.canopy.query.Query;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.identity.Generations;
import dev.canopy.server.identity.IdentityKinds;
import dev.canopy.server.identity.access.ManagedPolicy;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
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
 * Roles of a domain: DOMAIN roles bound on the whole domain, PROJECT roles bound on project groups
 * and projects, each granting the union of its policies. The default roles every domain gets are
 * managed ({@code is_managed: true}) and cannot be changed. Like policies, roles are domain-level
 * definitions: readable by whoever is granted the read verbs, changed only from the whole domain.
 */
@Service
public class RoleService {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final Generations generations;
    private final JdbcClient jdbc;

    RoleService(DocumentStore store, Generations generations, JdbcClient jdbc) {
        this.store = store;
        this.generations = generations;
        this.jdbc = jdbc;
    }

    @Transactional
    public ObjectNode create(Caller caller, RoleRequests.RoleCreate request) {
        caller.requireWholeDomain("name", request.name());
        ObjectNode document = NODES.objectNode().put("name", request.name().strip()).put("role_type", request.roleType());
        document.set("policies", policies(caller.domainId(), request.policies()));
        document.put("is_managed", false);
        document.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        ObjectNode created = store.create(IdentityKinds.ROLE, StoreScope.domain(caller.domainId()), document);
        generations.bump(caller.domainId());
        return created;
    }

    @Transactional
    public ObjectNode update(Caller caller, RoleRequests.RoleUpdate request) {
        caller.requireWholeDomain("role_id", request.roleId());
        lockCustom(caller.domainId(), request.roleId());
        ObjectNode changes = NODES.objectNode();
        if (request.name() != null) {
            if (request.name().isBlank()) {
                throw ApiException.invalidParameter("name", "must not be blank");
            }
            changes.put("name", request.name().strip());
        }
        if (request.policies() != null) {
            changes.set("policies", policies(caller.domainId(), request.policies()));
        }
        if (request.tags() != null) {
            changes.set("tags", request.tags());
        }
        ObjectNode updated = store.update(IdentityKinds.ROLE, StoreScope.domain(caller.domainId()), request.roleId(), changes);
        generations.bump(caller.domainId());
        return updated;
    }

    @Transactional
    public ObjectNode delete(Caller caller, RoleRequests.RoleId request) {
        caller.requireWholeDomain("role_id", request.roleId());
        // Locked first, so a binding being created to this role either sees it gone or is counted here.
        lockCustom(caller.domainId(), request.roleId());
        long bindings = jdbc.sql("SELECT count(*) FROM role_binding WHERE domain_id = ? AND role_id = ?")
                .params(caller.domainId(), request.roleId()).query(Long.class).single();
        if (bindings > 0) {
            throw ApiException.invalidParameter("role_id", bindings + " role binding(s) use this role; delete them first");
        }
        store.delete(IdentityKinds.ROLE, StoreScope.domain(caller.domainId()), request.roleId());
        generations.bump(caller.domainId());
        return NODES.objectNode();
    }

    public ObjectNode get(Caller caller, RoleRequests.RoleId request) {
        return store.get(IdentityKinds.ROLE, StoreScope.domain(caller.domainId()), request.roleId())
                .orElseThrow(() -> ApiException.notFound("role_id", request.roleId()));
    }

    public ListResult list(Caller caller, RoleRequests.RoleList request) {
        Query query = request.query() != null ? request.query() : Query.ALL;
        if (request.roleType() != null) {
            query = query.and(new Condition("role_type", StringNode.valueOf(request.roleType()), Operator.EQ));
        }
        return store.list(IdentityKinds.ROLE, StoreScope.domain(caller.domainId()), query);
    }

    public StatResult stat(Caller caller, RoleRequests.RoleStat request) {
        return store.stat(IdentityKinds.ROLE, StoreScope.domain(caller.domainId()), request.query());
    }

    /** Locks the role's row; refuses when there is none, or when it is a managed role. */
    private void lockCustom(String domainId, String roleId) {
        Boolean managed = jdbc.sql("SELECT coalesce((doc ->> 'is_managed')::boolean, false) FROM role"
                        + " WHERE domain_id = ? AND id = ? FOR UPDATE")
                .params(domainId, roleId).query(Boolean.class).optional()
                .orElseThrow(() -> ApiException.notFound("role_id", roleId));
        if (managed) {
            throw ApiException.invalidParameter("role_id", "a managed role cannot be changed or deleted");
        }
    }

    /**
     * The policies as stored, each of which must exist; custom ones are locked against deletion
     * until this transaction ends. Repeats are dropped.
     */
    private ArrayNode policies(String domainId, List<RoleRequests.RolePolicy> policies) {
        Set<RoleRequests.RolePolicy> distinct = new LinkedHashSet<>();
        int index = 0;
        for (RoleRequests.RolePolicy policy : policies) {
            String key = "policies[" + index++ + "].policy_id";
            boolean exists = "MANAGED".equals(policy.policyType())
                    ? ManagedPolicy.byId(policy.policyId()).isPresent()
                    : jdbc.sql("SELECT id FROM policy WHERE domain_id = ? AND id = ? FOR SHARE")
                            .params(domainId, policy.policyId()).query(String.class).optional().isPresent();
            if (!exists) {
                throw ApiException.notFound(key, policy.policyId());
            }
            distinct.add(policy);
        }
        ArrayNode array = NODES.arrayNode();
        distinct.forEach(policy -> array.addObject().put("policy_type", policy.policyType()).put("policy_id", policy.policyId()));
        return array;
    }
}
