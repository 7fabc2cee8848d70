package dev.canopy.server.identity.policy;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code identity.Policy}. */
final class PolicyRequests {

    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_PERMISSIONS = 500;

    private PolicyRequests() {
    }

    record PolicyCreate(@NotBlank @Size(max = MAX_NAME_LENGTH) String name,
                  @NotNull @Size(max = MAX_PERMISSIONS) java.util.List<String> permissions, ObjectNode tags) {
    }

    /** Absent parts stay as they are. */
    record PolicyUpdate(@NotBlank @Size(max = 64) String policyId, @Size(min = 1, max = MAX_NAME_LENGTH) String name,
                  @Size(max = MAX_PERMISSIONS) java.util.List<String> permissions, ObjectNode tags) {
    }

    record PolicyId(@NotBlank @Size(max = 64) String policyId) {
    }

    /** {@code list}: a query over managed and custom policies alike, and {@code policy_type} as a shortcut. */
    record PolicyList(Query query, @Pattern(regexp = "MANAGED|CUSTOM") String policyType) {
    }

    record PolicyStat(@NotNull StatisticsQuery query) {
    }
}
