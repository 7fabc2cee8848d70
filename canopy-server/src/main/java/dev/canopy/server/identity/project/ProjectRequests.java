package dev.canopy.server.identity.project;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code identity.ProjectGroup} and {@code identity.Project}. */
final class ProjectRequests {

    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_ID_LENGTH = 64;

    private ProjectRequests() {
    }

    // Project groups

    record ProjectGroupCreate(@NotBlank @Size(max = MAX_NAME_LENGTH) String name,
                       @Size(max = MAX_ID_LENGTH) String parentGroupId, ObjectNode tags) {
    }

    /** Absent parts stay as they are. */
    record ProjectGroupUpdate(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId,
                       @Size(min = 1, max = MAX_NAME_LENGTH) String name, ObjectNode tags) {
    }

    /** Moves a group under another, or to the top when {@code parent_group_id} is absent. */
    record ProjectGroupChangeParent(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId,
                             @Size(max = MAX_ID_LENGTH) String parentGroupId) {
    }

    record ProjectGroupId(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId) {
    }

    /** {@code list}: a query, and {@code parent_group_id} as a shortcut for a filter on it. */
    record ProjectGroupList(Query query, @Size(max = MAX_ID_LENGTH) String parentGroupId) {
    }

    record ProjectGroupAddMember(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId,
                       @NotBlank @Size(max = 255) String userId, @NotBlank @Size(max = MAX_ID_LENGTH) String roleId,
                       ObjectNode tags) {
    }

    record ProjectGroupModifyMember(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId,
                             @NotBlank @Size(max = 255) String userId, @NotBlank @Size(max = MAX_ID_LENGTH) String roleId) {
    }

    record ProjectGroupRemoveMember(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId,
                             @NotBlank @Size(max = 255) String userId) {
    }

    record ProjectGroupListMembers(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId, Query query) {
    }

    // Projects

    record ProjectCreate(@NotBlank @Size(max = MAX_NAME_LENGTH) String name,
                  @NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId, ObjectNode tags) {
    }

    /** Absent parts stay as they are. */
    record ProjectUpdate(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId,
                  @Size(min = 1, max = MAX_NAME_LENGTH) String name, ObjectNode tags) {
    }

    record ProjectChangeGroup(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId,
                              @NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId) {
    }

    record ProjectId(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId) {
    }

    /** {@code list}: a query, and {@code project_group_id} as a shortcut for a filter on it. */
    record ProjectList(Query query, @Size(max = MAX_ID_LENGTH) String projectGroupId) {
    }

    record ProjectAddMember(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId,
                  @NotBlank @Size(max = 255) String userId, @NotBlank @Size(max = MAX_ID_LENGTH) String roleId,
                  ObjectNode tags) {
    }

    record ProjectModifyMember(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId,
                        @NotBlank @Size(max = 255) String userId, @NotBlank @Size(max = MAX_ID_LENGTH) String roleId) {
    }

    record ProjectRemoveMember(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId, @NotBlank @Size(max = 255) String userId) {
    }

    record ProjectListMembers(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId, Query query) {
    }

    /** {@code stat} of either. */
    record ProjectStat(@NotNull StatisticsQuery query) {
    }
}
