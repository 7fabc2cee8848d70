package dev.canopy.server.identity.project;

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
 * Projects: each in exactly one project group, with no children. Deleting a project removes its
 * bindings; a project that still holds service accounts is not deleted. Project-scoped callers see and change only the projects their bindings reach, and
 * create projects only in groups their bindings reach.
 */
@Service
public class ProjectService {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final Generations generations;
    private final ProjectTreeLock treeLock;
    private final RoleBindingService bindings;
    private final JdbcClient jdbc;

    ProjectService(DocumentStore store, Generations generations, ProjectTreeLock treeLock, RoleBindingService bindings,
                   JdbcClient jdbc) {
        this.store = store;
        this.generations = generations;
        this.treeLock = treeLock;
        this.bindings = bindings;
        this.jdbc = jdbc;
    }

    @Transactional
    public ObjectNode create(Caller caller, ProjectRequests.ProjectCreate request) {
        Reaches.requireProjectGroup(caller, "project_group_id", request.projectGroupId());
        treeLock.lock(caller.domainId());
        StoreScope scope = StoreScope.domain(caller.domainId());
        requireGroup(scope, request.projectGroupId());
        ObjectNode document = NODES.objectNode().put("name", request.name().strip())
                .put("project_group_id", request.projectGroupId());
        document.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        ObjectNode created = store.create(IdentityKinds.PROJECT, scope, document);
        generations.bump(caller.domainId());
        return created;
    }

    @Transactional
    public ObjectNode update(Caller caller, ProjectRequests.ProjectUpdate request) {
        caller.requireProject(request.projectId());
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
        ObjectNode updated = store.update(IdentityKinds.PROJECT, StoreScope.domain(caller.domainId()), request.projectId(), changes);
        generations.bump(caller.domainId());
        return updated;
    }

    @Transactional
    public ObjectNode changeProjectGroup(Caller caller, ProjectRequests.ProjectChangeGroup request) {
        caller.requireProject(request.projectId());
        Reaches.requireProjectGroup(caller, "project_group_id", request.projectGroupId());
        treeLock.lock(caller.domainId());
        StoreScope scope = StoreScope.domain(caller.domainId());
        requireGroup(scope, request.projectGroupId());
        ObjectNode updated = store.update(IdentityKinds.PROJECT, scope, request.projectId(),
                NODES.objectNode().put("project_group_id", request.projectGroupId()));
        generations.bump(caller.domainId());
        return updated;
    }

    @Transactional
    public ObjectNode delete(Caller caller, ProjectRequests.ProjectId request) {
        caller.requireProject(request.projectId());
        treeLock.lock(caller.domainId());
        // The project goes first: a binding or service account being created in it waits for this
        // row, then is removed below or counted.
        if (!store.delete(IdentityKinds.PROJECT, StoreScope.domain(caller.domainId()), request.projectId())) {
            throw ApiException.notFound("project_id", request.projectId());
        }
        long accounts = jdbc.sql("SELECT count(*) FROM service_account WHERE domain_id = ? AND project_id = ?")
                .params(caller.domainId(), request.projectId()).query(Long.class).single();
        if (accounts > 0) {
            throw ApiException.existResource("project_id", request.projectId(),
                    accounts + " service account(s) belong to it; delete them first");
        }
        bindings.deleteAllOn(caller.domainId(), Node.project(request.projectId()));
        generations.bump(caller.domainId());
        return NODES.objectNode();
    }

    public ObjectNode get(Caller caller, ProjectRequests.ProjectId request) {
        caller.requireProject(request.projectId());
        return store.get(IdentityKinds.PROJECT, StoreScope.domain(caller.domainId()), request.projectId())
                .orElseThrow(() -> ApiException.notFound("project_id", request.projectId()));
    }

    public ListResult list(Caller caller, ProjectRequests.ProjectList request) {
        Query query = request.query() != null ? request.query() : Query.ALL;
        if (request.projectGroupId() != null) {
            query = query.and(new Condition("project_group_id", StringNode.valueOf(request.projectGroupId()), Operator.EQ));
        }
        return store.list(IdentityKinds.PROJECT, scope(caller), query);
    }

    public StatResult stat(Caller caller, ProjectRequests.ProjectStat request) {
        return store.stat(IdentityKinds.PROJECT, scope(caller), request.query());
    }

    @Transactional
    public ObjectNode addMember(Caller caller, ProjectRequests.ProjectAddMember request) {
        caller.requireProject(request.projectId());
        return bindings.bind(caller.domainId(), request.userId(), request.roleId(), Node.project(request.projectId()),
                request.tags());
    }

    @Transactional
    public ObjectNode modifyMember(Caller caller, ProjectRequests.ProjectModifyMember request) {
        caller.requireProject(request.projectId());
        return bindings.modifyMember(caller.domainId(), Node.project(request.projectId()), request.userId(), request.roleId());
    }

    @Transactional
    public ObjectNode removeMember(Caller caller, ProjectRequests.ProjectRemoveMember request) {
        caller.requireProject(request.projectId());
        bindings.removeMember(caller.domainId(), Node.project(request.projectId()), request.userId());
        return NODES.objectNode();
    }

    public ListResult listMembers(Caller caller, ProjectRequests.ProjectListMembers request) {
        get(caller, new ProjectRequests.ProjectId(request.projectId()));
        return bindings.members(caller.domainId(), Node.project(request.projectId()), request.query());
    }

    private void requireGroup(StoreScope scope, String projectGroupId) {
        if (store.get(IdentityKinds.PROJECT_GROUP, scope, projectGroupId).isEmpty()) {
            throw ApiException.notFound("project_group_id", projectGroupId);
        }
    }

    /** The whole domain, or for a project-scoped caller the projects its bindings reach. */
    private static StoreScope scope(Caller caller) {
        StoreScope domain = StoreScope.domain(caller.domainId());
        return caller.reach().wholeDomain() ? domain : domain.whereIn("project_id", caller.reach().projects());
    }
}
