package dev.canopy.server.identity.access;

import java.util.List;

/**
 * Permissions that reach beyond one domain: managing domains, signing keys, the secret keyset, the
 * plugin registry and the supervisor (the server connects to registered endpoints and runs
 * registered artifacts).
 * Only the root domain's Domain Admins hold them; no policy grants them, managed or custom.
 */
final class SystemPermissions {

    static final List<PermissionPattern> PATTERNS = List.of(
            PermissionPattern.of("identity.Domain.*"),
            PermissionPattern.of("identity.SigningKey.*"),
            PermissionPattern.of("secret.SecretKey.*"),
            PermissionPattern.of("repository.Plugin.register"),
            PermissionPattern.of("repository.Plugin.update"),
            PermissionPattern.of("repository.Plugin.deregister"),
            PermissionPattern.of("repository.Plugin.enable"),
            PermissionPattern.of("repository.Plugin.disable"),
            PermissionPattern.of("plugin.Supervisor.*"));

    private SystemPermissions() {
    }

    static boolean includes(String permission) {
        return PATTERNS.stream().anyMatch(pattern -> pattern.matches(permission));
    }
}
