package dev.canopy.server.identity.access;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.canopy.server.api.Access;
import dev.canopy.server.api.Reach;

/**
 * What one user may do: the roles bound on the whole domain, and for each project and project
 * group the roles that apply there (bound on it, or inherited from the nearest group above that
 * has a binding of the user). Answers are kept per permission; the whole object is rebuilt when
 * the domain's identity generation moves.
 */
final class UserAccess implements Access {

    private final List<RoleGrant> domainRoles;
    private final Map<String, List<RoleGrant>> projectRoles;
    private final Map<String, List<RoleGrant>> groupRoles;
    private final Map<String, Reach> reaches = new ConcurrentHashMap<>();

    UserAccess(List<RoleGrant> domainRoles, Map<String, List<RoleGrant>> projectRoles,
               Map<String, List<RoleGrant>> groupRoles) {
        this.domainRoles = List.copyOf(domainRoles);
        this.projectRoles = Map.copyOf(projectRoles);
        this.groupRoles = Map.copyOf(groupRoles);
    }

    @Override
    public Reach reach(String permission) {
        return reaches.computeIfAbsent(permission, this::compute);
    }

    private Reach compute(String permission) {
        if (domainRoles.stream().anyMatch(role -> role.permits(permission))) {
            return Reach.DOMAIN;
        }
        return new Reach(false, permitted(projectRoles, permission), permitted(groupRoles, permission));
    }

    private static Set<String> permitted(Map<String, List<RoleGrant>> roles, String permission) {
        Set<String> ids = new HashSet<>();
        roles.forEach((id, grants) -> {
            if (grants.stream().anyMatch(role -> role.permits(permission))) {
                ids.add(id);
            }
        });
        return ids;
    }
}
