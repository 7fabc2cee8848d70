package dev.canopy.server.identity.access;

import java.util.List;
import java.util.function.Predicate;

/**
 * What one role grants: the union of its policies, managed ones from {@link ManagedPolicy},
 * custom ones as lists of permission patterns.
 */
record RoleGrant(String roleId, List<Predicate<String>> policies, boolean administersDomain) {

    boolean permits(String permission) {
        return policies.stream().anyMatch(policy -> policy.test(permission));
    }
}
