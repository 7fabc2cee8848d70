package dev.canopy.server.identity.binding;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code identity.RoleBinding}. */
final class RoleBindingRequests {

    private RoleBindingRequests() {
    }

    /** A DOMAIN role takes neither {@code project_id} nor {@code project_group_id}; a PROJECT role exactly one. */
    record RoleBindingCreate(@NotBlank @Size(max = 255) String userId, @NotBlank @Size(max = 64) String roleId,
                  @Size(max = 64) String projectId, @Size(max = 64) String projectGroupId, ObjectNode tags) {
    }

    record RoleBindingUpdateRole(@NotBlank @Size(max = 64) String roleBindingId, @NotBlank @Size(max = 64) String roleId) {
    }

    record RoleBindingId(@NotBlank @Size(max = 64) String roleBindingId) {
    }

    /** {@code list}: a query, and shortcuts for filters on the user, the role, the project and the group. */
    record RoleBindingList(Query query, @Size(max = 255) String userId, @Size(max = 64) String roleId,
                @Size(max = 64) String projectId, @Size(max = 64) String projectGroupId) {
    }

    record RoleBindingStat(@NotNull StatisticsQuery query) {
    }
}
