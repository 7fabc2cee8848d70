package dev.canopy.server.identity.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.canopy.query.Condition;
import dev.canopy.query.Operator;
import dev.canopy.query.Query;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.identity.Generations;
import dev.canopy.server.identity.IdentityKinds;
import dev.canopy.server.identity.Reaches;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Role bindings: a user holds a DOMAIN role on the whole domain (at most one), or a PROJECT role on
 * a project group (applying to everything below it) or on a project, one binding per user per node.
 * The member verbs of project groups and projects make the same bindings through this service.
 * A project-scoped caller sees and changes only the bindings on nodes within its reach.
 */
@Service
public class RoleBindingService {

    /** Which node a PROJECT binding sits on: {@code project_id} or {@code project_group_id}, and its id. */
    public record Node(String key, String id) {

        public static Node project(String projectId) {
            return new Node("project_id", projectId);
        }

        public static Node projectGroup(String projectGroupId) {
            return new Node("project_group_id", projectGroupId);
        }

        String table() {
            return key.equals("project_id") ? "project" : "project_group";
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final Generations generations;
    private final JdbcClient jdbc;

    RoleBindingService(DocumentStore store, Generations generations, JdbcClient jdbc) {
        this.store = store;
        this.generations = generations;
        this.jdbc = jdbc;
    }

    @Transactional
    public ObjectNode create(Caller caller, RoleBindingRequests.RoleBindingCreate request) {
        if (request.projectId() != null && request.projectGroupId() != null) {
            throw ApiException.invalidParameter("project_group_id",
                    "a binding sits on a project or on a project group; give only one of project_id and project_group_id");
        }
        Node node = request.projectId() != null ? Node.project(request.projectId())
                : request.projectGroupId() != null ? Node.projectGroup(request.projectGroupId()) : null;
        requireReach(caller, node);
        return bind(caller.domainId(), request.userId(), request.roleId(), node, request.tags());
    }

    /**
     * Binds a user to a role, on the whole domain ({@code node} null, DOMAIN roles) or on a node
     * (PROJECT roles). The user, the role and the node are locked against deletion until the
     * transaction ends, so a binding never outlives them.
     */
    @Transactional
    public ObjectNode bind(String domainId, String userId, String roleId, Node node, ObjectNode tags) {
        boolean userExists = jdbc.sql("SELECT id FROM identity_user WHERE domain_id = ? AND user_id = ? FOR SHARE")
                .params(domainId, userId).query(String.class).optional().isPresent();
        if (!userExists) {
            throw ApiException.notFound("user_id", userId);
        }
        String roleType = roleType(domainId, roleId);
        Map<String, String> unique = new LinkedHashMap<>();
        unique.put("user_id", userId);
        if ("DOMAIN".equals(roleType)) {
            if (node != null) {
                throw ApiException.invalidParameter("role_id",
                        "a DOMAIN role is bound on the whole domain, not on a project or project group; choose a PROJECT role");
            }
            unique.put("role_type", "DOMAIN");
            if (count(domainId, "user_id = ? AND project_id IS NULL AND project_group_id IS NULL", userId) > 0) {
                throw ApiException.alreadyExists(unique); // one DOMAIN binding per user: change its role instead
            }
        } else {
            if (node == null) {
                throw ApiException.invalidParameter("project_id",
                        "a PROJECT role is bound on a project or a project group; give project_id or project_group_id");
            }
            boolean nodeExists = jdbc.sql("SELECT id FROM " + node.table() + " WHERE domain_id = ? AND id = ? FOR SHARE")
                    .params(domainId, node.id()).query(String.class).optional().isPresent();
            if (!nodeExists) {
                throw ApiException.notFound(node.key(), node.id());
            }
            unique.put(node.key(), node.id());
            if (count(domainId, "user_id = ? AND " + node.key() + " = ?", userId, node.id()) > 0) {
                throw ApiException.alreadyExists(unique);
            }
        }
        ObjectNode document = NODES.objectNode().put("user_id", userId).put("role_id", roleId).put("role_type", roleType);
        if (node != null) {
            document.put(node.key(), node.id());
        }
        document.set("tags", tags != null ? tags : NODES.objectNode());
        ObjectNode created = store.create(IdentityKinds.ROLE_BINDING, StoreScope.domain(domainId), document);
        generations.bump(domainId);
        return created;
    }

    @Transactional
    public ObjectNode updateRole(Caller caller, RoleBindingRequests.RoleBindingUpdateRole request) {
        ObjectNode binding = find(caller, request.roleBindingId());
        return changeRole(caller.domainId(), binding, request.roleId());
    }

    @Transactional
    public ObjectNode delete(Caller caller, RoleBindingRequests.RoleBindingId request) {
        find(caller, request.roleBindingId());
        store.delete(IdentityKinds.ROLE_BINDING, StoreScope.domain(caller.domainId()), request.roleBindingId());
        generations.bump(caller.domainId());
        return NODES.objectNode();
    }

    public ObjectNode get(Caller caller, RoleBindingRequests.RoleBindingId request) {
        return find(caller, request.roleBindingId());
    }

    public ListResult list(Caller caller, RoleBindingRequests.RoleBindingList request) {
        Query query = request.query() != null ? request.query() : Query.ALL;
        query = shortcut(query, "user_id", request.userId());
        query = shortcut(query, "role_id", request.roleId());
        query = shortcut(query, "project_id", request.projectId());
        query = shortcut(query, "project_group_id", request.projectGroupId());
        return store.list(IdentityKinds.ROLE_BINDING, scope(caller), query);
    }

    public StatResult stat(Caller caller, RoleBindingRequests.RoleBindingStat request) {
        return store.stat(IdentityKinds.ROLE_BINDING, scope(caller), request.query());
    }

    // The member verbs of project groups and projects; their callers have checked the node's reach.

    /** The bindings on one node. */
    public ListResult members(String domainId, Node node, Query query) {
        return store.list(IdentityKinds.ROLE_BINDING, StoreScope.domain(domainId).where(node.key(), node.id()),
                query != null ? query : Query.ALL);
    }

    /** Gives the user's binding on the node another PROJECT role. */
    @Transactional
    public ObjectNode modifyMember(String domainId, Node node, String userId, String roleId) {
        return changeRole(domainId, member(domainId, node, userId), roleId);
    }

    /** Removes the user's binding on the node. */
    @Transactional
    public void removeMember(String domainId, Node node, String userId) {
        ObjectNode binding = member(domainId, node, userId);
        store.delete(IdentityKinds.ROLE_BINDING, StoreScope.domain(domainId), binding.get("role_binding_id").asString());
        generations.bump(domainId);
    }

    /** Removes every binding on a node that is being deleted; the caller bumps the generation. */
    @Transactional
    public int deleteAllOn(String domainId, Node node) {
        return jdbc.sql("DELETE FROM role_binding WHERE domain_id = ? AND " + node.key() + " = ?")
                .params(domainId, node.id()).update();
    }

    private ObjectNode member(String domainId, Node node, String userId) {
        return store.list(IdentityKinds.ROLE_BINDING, StoreScope.domain(domainId).where(node.key(), node.id())
                        .where("user_id", userId), Query.ALL)
                .results().stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("user_id", userId));
    }

    private ObjectNode changeRole(String domainId, ObjectNode binding, String roleId) {
        String roleType = roleType(domainId, roleId);
        String current = binding.path("role_type").asString();
        if (!roleType.equals(current)) {
            throw ApiException.invalidParameter("role_id", "the binding holds a " + current
                    + " role; its new role must be a " + current + " role too");
        }
        ObjectNode updated = store.update(IdentityKinds.ROLE_BINDING, StoreScope.domain(domainId),
                binding.get("role_binding_id").asString(), NODES.objectNode().put("role_id", roleId));
        generations.bump(domainId);
        return updated;
    }

    /** The role's type; the role is locked against deletion until the transaction ends. */
    private String roleType(String domainId, String roleId) {
        return jdbc.sql("SELECT role_type FROM role WHERE domain_id = ? AND id = ? FOR SHARE")
                .params(domainId, roleId).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound("role_id", roleId));
    }

    private ObjectNode find(Caller caller, String roleBindingId) {
        ObjectNode binding = store.get(IdentityKinds.ROLE_BINDING, StoreScope.domain(caller.domainId()), roleBindingId)
                .orElseThrow(() -> ApiException.notFound("role_binding_id", roleBindingId));
        requireReach(caller, nodeOf(binding));
        return binding;
    }

    private static Node nodeOf(ObjectNode binding) {
        if (binding.hasNonNull("project_id")) {
            return Node.project(binding.get("project_id").asString());
        }
        if (binding.hasNonNull("project_group_id")) {
            return Node.projectGroup(binding.get("project_group_id").asString());
        }
        return null;
    }

    private static void requireReach(Caller caller, Node node) {
        if (node == null) {
            caller.requireWholeDomain("role_type", "DOMAIN");
        } else if (node.key().equals("project_id")) {
            caller.requireProject(node.id());
        } else {
            Reaches.requireProjectGroup(caller, "project_group_id", node.id());
        }
    }

    /** The whole domain, or for a project-scoped caller only the bindings on nodes it reaches. */
    private StoreScope scope(Caller caller) {
        StoreScope domain = StoreScope.domain(caller.domainId());
        if (caller.reach().wholeDomain()) {
            return domain;
        }
        Set<String> ids = Set.copyOf(jdbc.sql("SELECT id FROM role_binding WHERE domain_id = ?"
                        + " AND (project_id = ANY(?) OR project_group_id = ANY(?))")
                .params(caller.domainId(), caller.reach().projects().toArray(String[]::new),
                        caller.reach().projectGroups().toArray(String[]::new))
                .query(String.class).list());
        return domain.whereIn("role_binding_id", ids);
    }

    private long count(String domainId, String condition, Object... values) {
        Object[] parameters = new Object[values.length + 1];
        parameters[0] = domainId;
        System.arraycopy(values, 0, parameters, 1, values.length);
        return jdbc.sql("SELECT count(*) FROM role_binding WHERE domain_id = ? AND " + condition)
                .params(parameters).query(Long.class).single();
    }

    private static Query shortcut(Query query, String key, String value) {
        return value == null ? query : query.and(new Condition(key, StringNode.valueOf(value), Operator.EQ));
    }
}
