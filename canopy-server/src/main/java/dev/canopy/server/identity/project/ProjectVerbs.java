package dev.canopy.server.identity.project;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The verbs of {@code identity.ProjectGroup} and {@code identity.Project}. */
@Component
class ProjectVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    ProjectVerbs(ProjectGroupService groups, ProjectService projects) {
        verbs = List.of(
                Verb.of("identity", "ProjectGroup", "create", "Creates a project group, at the top or under another",
                        ProjectRequests.ProjectGroupCreate.class, ObjectNode.class, groups::create),
                Verb.of("identity", "ProjectGroup", "update", "Changes the name or tags of a project group",
                        ProjectRequests.ProjectGroupUpdate.class, ObjectNode.class, groups::update),
                Verb.of("identity", "ProjectGroup", "change_parent_group",
                        "Moves a project group under another group, or to the top",
                        ProjectRequests.ProjectGroupChangeParent.class, ObjectNode.class, groups::changeParentGroup),
                Verb.of("identity", "ProjectGroup", "delete", "Deletes a project group that holds no groups or projects",
                        ProjectRequests.ProjectGroupId.class, ObjectNode.class, groups::delete),
                Verb.of("identity", "ProjectGroup", "get", "Reads a project group",
                        ProjectRequests.ProjectGroupId.class, ObjectNode.class, groups::get),
                Verb.of("identity", "ProjectGroup", "list", "Lists the project groups you reach that match a query",
                        ProjectRequests.ProjectGroupList.class, ListResult.class, groups::list),
                Verb.of("identity", "ProjectGroup", "stat", "Computes statistics over the project groups you reach",
                        ProjectRequests.ProjectStat.class, StatResult.class, groups::stat),
                Verb.of("identity", "ProjectGroup", "add_member", "Binds a user to a PROJECT role on a project group",
                        ProjectRequests.ProjectGroupAddMember.class, ObjectNode.class, groups::addMember),
                Verb.of("identity", "ProjectGroup", "modify_member", "Gives a member of a project group another PROJECT role",
                        ProjectRequests.ProjectGroupModifyMember.class, ObjectNode.class, groups::modifyMember),
                Verb.of("identity", "ProjectGroup", "remove_member", "Removes a user's binding on a project group",
                        ProjectRequests.ProjectGroupRemoveMember.class, ObjectNode.class, groups::removeMember),
                Verb.of("identity", "ProjectGroup", "list_members", "Lists the role bindings on a project group",
                        ProjectRequests.ProjectGroupListMembers.class, ListResult.class, groups::listMembers),
                Verb.of("identity", "Project", "create", "Creates a project in a project group",
                        ProjectRequests.ProjectCreate.class, ObjectNode.class, projects::create),
                Verb.of("identity", "Project", "update", "Changes the name or tags of a project",
                        ProjectRequests.ProjectUpdate.class, ObjectNode.class, projects::update),
                Verb.of("identity", "Project", "change_project_group", "Moves a project to another project group",
                        ProjectRequests.ProjectChangeGroup.class, ObjectNode.class, projects::changeProjectGroup),
                Verb.of("identity", "Project", "delete", "Deletes a project and the role bindings on it",
                        ProjectRequests.ProjectId.class, ObjectNode.class, projects::delete),
                Verb.of("identity", "Project", "get", "Reads a project",
                        ProjectRequests.ProjectId.class, ObjectNode.class, projects::get),
                Verb.of("identity", "Project", "list", "Lists the projects you reach that match a query",
                        ProjectRequests.ProjectList.class, ListResult.class, projects::list),
                Verb.of("identity", "Project", "stat", "Computes statistics over the projects you reach",
                        ProjectRequests.ProjectStat.class, StatResult.class, projects::stat),
                Verb.of("identity", "Project", "add_member", "Binds a user to a PROJECT role on a project",
                        ProjectRequests.ProjectAddMember.class, ObjectNode.class, projects::addMember),
                Verb.of("identity", "Project", "modify_member", "Gives a member of a project another PROJECT role",
                        ProjectRequests.ProjectModifyMember.class, ObjectNode.class, projects::modifyMember),
                Verb.of("identity", "Project", "remove_member", "Removes a user's binding on a project",
                        ProjectRequests.ProjectRemoveMember.class, ObjectNode.class, projects::removeMember),
                Verb.of("identity", "Project", "list_members", "Lists the role bindings on a project",
                        ProjectRequests.ProjectListMembers.class, ListResult.class, projects::listMembers));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
