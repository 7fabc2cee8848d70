package dev.canopy.server.identity;

import java.util.Map;

import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.api.ErrorCode;

/**
 * The checks of the identity verbs against where a caller's permission reaches: project-scoped
 * callers act only on the projects and project groups their bindings reach; domain-level
 * resources (policies, roles, domain bindings) need a reach over the whole domain to change.
 */
public final class Reaches {

    private Reaches() {
    }

    public static ApiException denied(String key, String value) {
        return new ApiException(ErrorCode.ERROR_PERMISSION_DENIED,
                "Permission denied: your roles do not reach " + key + " = " + value,
                Map.of("key", key, "reason", "outside your reach"));
    }

    /** Refuses callers whose permission reaches only some projects. */
    public static void requireWholeDomain(Caller caller, String key, String value) {
        if (!caller.reach().wholeDomain()) {
            throw new ApiException(ErrorCode.ERROR_PERMISSION_DENIED,
                    "Permission denied: " + key + " = " + value + " needs a role on the whole domain",
                    Map.of("key", key, "reason", "needs a domain role"));
        }
    }

    public static void requireProject(Caller caller, String projectId) {
        if (!caller.reach().wholeDomain() && !caller.reach().projects().contains(projectId)) {
            throw denied("project_id", projectId);
        }
    }

    public static void requireProjectGroup(Caller caller, String key, String projectGroupId) {
        if (!caller.reach().wholeDomain() && !caller.reach().projectGroups().contains(projectGroupId)) {
            throw denied(key, projectGroupId);
        }
    }
}
