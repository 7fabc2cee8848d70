package dev.canopy.server.identity.role;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code identity.Role}. */
final class RoleRequests {

    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_POLICIES = 50;

    private RoleRequests() {
    }

    /** One policy of a role. */
    record RolePolicy(@NotBlank @Pattern(regexp = "MANAGED|CUSTOM") String policyType,
                     @NotBlank @Size(max = 64) String policyId) {
    }

    record RoleCreate(@NotBlank @Size(max = MAX_NAME_LENGTH) String name,
                  @NotBlank @Pattern(regexp = "DOMAIN|PROJECT") String roleType,
                  @NotEmpty @Size(max = MAX_POLICIES) java.util.List<@NotNull @Valid RolePolicy> policies,
                  ObjectNode tags) {
    }

    /** Absent parts stay as they are; a role's type never changes, since its bindings depend on it. */
    record RoleUpdate(@NotBlank @Size(max = 64) String roleId, @Size(min = 1, max = MAX_NAME_LENGTH) String name,
                  @Size(min = 1, max = MAX_POLICIES) java.util.List<@NotNull @Valid RolePolicy> policies,
                  ObjectNode tags) {
    }

    record RoleId(@NotBlank @Size(max = 64) String roleId) {
    }

    /** {@code list}: a query, and {@code role_type} as a shortcut for a filter on it. */
    record RoleList(Query query, @Pattern(regexp = "DOMAIN|PROJECT") String roleType) {
    }

    record RoleStat(@NotNull StatisticsQuery query) {
    }
}
