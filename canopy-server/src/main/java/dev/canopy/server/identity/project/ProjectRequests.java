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

    record GroupCreate(@NotBlank @Size(max = MAX_NAME_LENGTH) String name,
                       @Size(max = MAX_ID_LENGTH) String parentGroupId, ObjectNode tags) {
    }

    /** Absent parts stay as they are. */
    record GroupUpdate(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId,
                       @Size(min = 1, max = MAX_NAME_LENGTH) String name, ObjectNode tags) {
    }

    /** Moves a group under another, or to the top when {@code parent_group_id} is absent. */
    record ChangeParentGroup(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId,
                             @Size(max = MAX_ID_LENGTH) String parentGroupId) {
    }

    record GroupId(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId) {
    }

    /** {@code list}: a query, and {@code parent_group_id} as a shortcut for a filter on it. */
    record GroupList(Query query, @Size(max = MAX_ID_LENGTH) String parentGroupId) {
    }

    record GroupMember(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId,
                       @NotBlank @Size(max = 255) String userId, @NotBlank @Size(max = MAX_ID_LENGTH) String roleId,
                       ObjectNode tags) {
    }

    record GroupModifyMember(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId,
                             @NotBlank @Size(max = 255) String userId, @NotBlank @Size(max = MAX_ID_LENGTH) String roleId) {
    }

    record GroupRemoveMember(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId,
                             @NotBlank @Size(max = 255) String userId) {
    }

    record GroupListMembers(@NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId, Query query) {
    }

    // Projects

    record Create(@NotBlank @Size(max = MAX_NAME_LENGTH) String name,
                  @NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId, ObjectNode tags) {
    }

    /** Absent parts stay as they are. */
    record Update(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId,
                  @Size(min = 1, max = MAX_NAME_LENGTH) String name, ObjectNode tags) {
    }

    record ChangeProjectGroup(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId,
                              @NotBlank @Size(max = MAX_ID_LENGTH) String projectGroupId) {
    }

    record ProjectId(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId) {
    }

    /** {@code list}: a query, and {@code project_group_id} as a shortcut for a filter on it. */
    record List(Query query, @Size(max = MAX_ID_LENGTH) String projectGroupId) {
    }

    record Member(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId,
                  @NotBlank @Size(max = 255) String userId, @NotBlank @Size(max = MAX_ID_LENGTH) String roleId,
                  ObjectNode tags) {
    }

    record ModifyMember(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId,
                        @NotBlank @Size(max = 255) String userId, @NotBlank @Size(max = MAX_ID_LENGTH) String roleId) {
    }

    record RemoveMember(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId, @NotBlank @Size(max = 255) String userId) {
    }

    record ListMembers(@NotBlank @Size(max = MAX_ID_LENGTH) String projectId, Query query) {
    }

    /** {@code stat} of either. */
    record Stat(@NotNull StatisticsQuery query) {
    }
}
