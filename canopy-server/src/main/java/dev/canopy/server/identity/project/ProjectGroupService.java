package dev.canopy.server.identity.project;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.canopy.query.Condition;
import dev.canopy.query.Operator;
import dev.canopy.query.Query;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.identity.Generations;
import dev.canopy.server.identity.IdentityKinds;
import dev.canopy.server.identity.ProjectTreeLock;
import dev.canopy.server.identity.Reaches;
import dev.canopy.server.identity.binding.RoleBindingService;
import dev.canopy.server.identity.binding.RoleBindingService.Node;
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
 * Project groups: a tree of any depth (within {@link #MAX_LEVELS}) holding projects. A group is
 * deleted only when empty and never moves under itself or its own descendants. Project-scoped
 * callers see and change only the groups their bindings reach.
 */
@Service
public class ProjectGroupService {

    /** How deep the tree may grow; access resolution walks at most this many levels up. */
    static final int MAX_LEVELS = 256;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final Generations generations;
    private final ProjectTreeLock treeLock;
    private final RoleBindingService bindings;
    private final JdbcClient jdbc;

    ProjectGroupService(DocumentStore store, Generations generations, ProjectTreeLock treeLock,
                        RoleBindingService bindings, JdbcClient jdbc) {
        this.store = store;
        this.generations = generations;
        this.treeLock = treeLock;
        this.bindings = bindings;
        this.jdbc = jdbc;
    }

    @Transactional
    public ObjectNode create(Caller caller, ProjectRequests.ProjectGroupCreate request) {
        String parent = request.parentGroupId();
        if (parent == null) {
            caller.requireWholeDomain("parent_group_id", "null");
        } else {
            Reaches.requireProjectGroup(caller, "parent_group_id", parent);
        }
        treeLock.lock(caller.domainId());
        if (parent != null) {
            Map<String, String> parents = parents(caller.domainId());
            if (!parents.containsKey(parent)) {
                throw ApiException.notFound("parent_group_id", parent);
            }
            if (level(parent, parents) + 1 > MAX_LEVELS) {
                throw ApiException.invalidParameter("parent_group_id", "project groups nest at most " + MAX_LEVELS + " levels deep");
            }
        }
        ObjectNode document = NODES.objectNode().put("name", request.name().strip()).put("parent_group_id", parent);
        document.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        ObjectNode created = store.create(IdentityKinds.PROJECT_GROUP, StoreScope.domain(caller.domainId()), document);
        generations.bump(caller.domainId());
        return created;
    }

    @Transactional
    public ObjectNode update(Caller caller, ProjectRequests.ProjectGroupUpdate request) {
        Reaches.requireProjectGroup(caller, "project_group_id", request.projectGroupId());
        ObjectNode changes = NODES.objectNode();
        if (request.name() != null) {
            if (request.name().isBlank()) {
                throw ApiException.invalidParameter("name", "must not be blank");
            }
            changes.put("name", request.name().strip());
        }
        if (request.tags() != null) {
            changes.set("tags", request.tags());
        }
        ObjectNode updated = store.update(IdentityKinds.PROJECT_GROUP, StoreScope.domain(caller.domainId()),
                request.projectGroupId(), changes);
        generations.bump(caller.domainId());
        return updated;
    }

    @Transactional
    public ObjectNode changeParentGroup(Caller caller, ProjectRequests.ProjectGroupChangeParent request) {
        String group = request.projectGroupId();
        String parent = request.parentGroupId();
        Reaches.requireProjectGroup(caller, "project_group_id", group);
        if (parent == null) {
            caller.requireWholeDomain("parent_group_id", "null");
        } else {
            Reaches.requireProjectGroup(caller, "parent_group_id", parent);
        }
        treeLock.lock(caller.domainId());
        Map<String, String> parents = parents(caller.domainId());
        if (!parents.containsKey(group)) {
            throw ApiException.notFound("project_group_id", group);
        }
        if (parent != null) {
            if (!parents.containsKey(parent)) {
                throw ApiException.notFound("parent_group_id", parent);
            }
            // Walking up from the new parent must not meet the group itself.
            for (String node = parent; node != null; node = parents.get(node)) {
                if (node.equals(group)) {
                    throw ApiException.invalidParameter("parent_group_id",
                            "a project group cannot move under itself or one of its own descendants");
                }
            }
            if (level(parent, parents) + height(group, parents) > MAX_LEVELS) {
                throw ApiException.invalidParameter("parent_group_id", "project groups nest at most " + MAX_LEVELS + " levels deep");
            }
        }
        ObjectNode updated = store.update(IdentityKinds.PROJECT_GROUP, StoreScope.domain(caller.domainId()), group,
                NODES.objectNode().put("parent_group_id", parent));
        generations.bump(caller.domainId());
        return updated;
    }

    @Transactional
    public ObjectNode delete(Caller caller, ProjectRequests.ProjectGroupId request) {
        String group = request.projectGroupId();
        Reaches.requireProjectGroup(caller, "project_group_id", group);
        treeLock.lock(caller.domainId());
        StoreScope scope = StoreScope.domain(caller.domainId());
        if (store.get(IdentityKinds.PROJECT_GROUP, scope, group).isEmpty()) {
            throw ApiException.notFound("project_group_id", group);
        }
        long groups = jdbc.sql("SELECT count(*) FROM project_group WHERE domain_id = ? AND parent_group_id = ?")
                .params(caller.domainId(), group).query(Long.class).single();
        long projects = jdbc.sql("SELECT count(*) FROM project WHERE domain_id = ? AND project_group_id = ?")
                .params(caller.domainId(), group).query(Long.class).single();
        if (groups + projects > 0) {
            throw ApiException.invalidParameter("project_group_id", "the project group still holds " + groups
                    + " project group(s) and " + projects + " project(s); delete or move them first");
        }
        store.delete(IdentityKinds.PROJECT_GROUP, scope, group);
        bindings.deleteAllOn(caller.domainId(), Node.projectGroup(group));
        generations.bump(caller.domainId());
        return NODES.objectNode();
    }

    public ObjectNode get(Caller caller, ProjectRequests.ProjectGroupId request) {
        Reaches.requireProjectGroup(caller, "project_group_id", request.projectGroupId());
        return store.get(IdentityKinds.PROJECT_GROUP, StoreScope.domain(caller.domainId()), request.projectGroupId())
                .orElseThrow(() -> ApiException.notFound("project_group_id", request.projectGroupId()));
    }

    public ListResult list(Caller caller, ProjectRequests.ProjectGroupList request) {
        Query query = request.query() != null ? request.query() : Query.ALL;
        if (request.parentGroupId() != null) {
            query = query.and(new Condition("parent_group_id", StringNode.valueOf(request.parentGroupId()), Operator.EQ));
        }
        return store.list(IdentityKinds.PROJECT_GROUP, scope(caller), query);
    }

    public StatResult stat(Caller caller, ProjectRequests.ProjectStat request) {
        return store.stat(IdentityKinds.PROJECT_GROUP, scope(caller), request.query());
    }

    @Transactional
    public ObjectNode addMember(Caller caller, ProjectRequests.ProjectGroupAddMember request) {
        Reaches.requireProjectGroup(caller, "project_group_id", request.projectGroupId());
        return bindings.bind(caller.domainId(), request.userId(), request.roleId(),
                Node.projectGroup(request.projectGroupId()), request.tags());
    }

    @Transactional
    public ObjectNode modifyMember(Caller caller, ProjectRequests.ProjectGroupModifyMember request) {
        Reaches.requireProjectGroup(caller, "project_group_id", request.projectGroupId());
        return bindings.modifyMember(caller.domainId(), Node.projectGroup(request.projectGroupId()), request.userId(),
                request.roleId());
    }

    @Transactional
    public ObjectNode removeMember(Caller caller, ProjectRequests.ProjectGroupRemoveMember request) {
        Reaches.requireProjectGroup(caller, "project_group_id", request.projectGroupId());
        bindings.removeMember(caller.domainId(), Node.projectGroup(request.projectGroupId()), request.userId());
        return NODES.objectNode();
    }

    public ListResult listMembers(Caller caller, ProjectRequests.ProjectGroupListMembers request) {
        get(caller, new ProjectRequests.ProjectGroupId(request.projectGroupId()));
        return bindings.members(caller.domainId(), Node.projectGroup(request.projectGroupId()), request.query());
    }

    /** The whole domain, or for a project-scoped caller the groups its bindings reach. */
    private static StoreScope scope(Caller caller) {
        StoreScope domain = StoreScope.domain(caller.domainId());
        return caller.reach().wholeDomain() ? domain : domain.whereIn("project_group_id", caller.reach().projectGroups());
    }

    /** Every group of the domain and its parent (null at the top). */
    private Map<String, String> parents(String domainId) {
        Map<String, String> parents = new HashMap<>();
        jdbc.sql("SELECT id, parent_group_id FROM project_group WHERE domain_id = ?").param(domainId)
                .query((row, index) -> parents.put(row.getString(1), row.getString(2))).list();
        return parents;
    }

    /** The level of a group: 1 at the top. */
    private static int level(String group, Map<String, String> parents) {
        int level = 0;
        for (String node = group; node != null && level <= MAX_LEVELS; node = parents.get(node)) {
            level++;
        }
        return level;
    }

    /** How many levels the subtree of a group spans: 1 for a group without sub-groups. */
    private static int height(String group, Map<String, String> parents) {
        Map<String, List<String>> children = new HashMap<>();
        parents.forEach((child, parent) -> {
            if (parent != null) {
                children.computeIfAbsent(parent, key -> new ArrayList<>()).add(child);
            }
        });
        int height = 0;
        Deque<String> level = new ArrayDeque<>(List.of(group));
        while (!level.isEmpty() && height <= MAX_LEVELS) {
            height++;
            Deque<String> next = new ArrayDeque<>();
            level.forEach(node -> next.addAll(children.getOrDefault(node, List.of())));
            level = next;
        }
        return height;
    }
}
