package dev.canopy.server.identity;

import java.util.Map;

import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.api.ErrorCode;

/**
 * The checks of the identity verbs against the project groups a caller's permission reaches
 * (projects and the whole domain are checked by {@code Caller} itself).
 */
public final class Reaches {

    private Reaches() {
    }

    public static ApiException denied(String key, String value) {
        return new ApiException(ErrorCode.ERROR_PERMISSION_DENIED,
                "Permission denied: your roles do not reach " + key + " = " + value,
                Map.of("key", key, "reason", "outside your reach"));
    }

    public static void requireProjectGroup(Caller caller, String key, String projectGroupId) {
        if (!caller.reach().wholeDomain() && !caller.reach().projectGroups().contains(projectGroupId)) {
            throw denied(key, projectGroupId);
        }
    }
}
