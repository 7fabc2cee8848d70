package dev.canopy.server.identity.access;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The policies shipped with Canopy, as the Cloudforet documentation lists them: each grants what
 * its {@code granted} patterns match, except what its {@code excluded} patterns match.
 */
public enum ManagedPolicy {

    DOMAIN_ADMIN("policy-managed-domain-admin", "Domain Admin Access",
            "Every permission except managing domains themselves",
            List.of("*"), List.of("identity.Domain.*", "identity.SigningKey.*", "secret.SecretKey.*")),
    DOMAIN_VIEWER("policy-managed-domain-viewer", "Domain Viewer Access",
            "The read permissions among those of Domain Admin Access",
            Reads.PATTERNS, List.of("identity.Domain.*")),
    PROJECT_ADMIN("policy-managed-project-admin", "Project Admin Access",
            "Domain Admin Access except managing providers, schemas, trusted accounts and their secrets, roles,"
                    + " policies and the plugins of collectors, data sources and notification protocols",
            List.of("*"), List.of("identity.Domain.*", "identity.SigningKey.*", "secret.SecretKey.*", "identity.Provider.create", "identity.Provider.update",
                    "identity.Provider.delete", "identity.Schema.create", "identity.Schema.update", "identity.Schema.delete",
                    "identity.TrustedAccount.create", "identity.TrustedAccount.update",
                    "identity.TrustedAccount.update_secret_data", "identity.TrustedAccount.delete",
                    "secret.TrustedSecret.create", "secret.TrustedSecret.update", "secret.TrustedSecret.update_data",
                    "secret.TrustedSecret.delete", "identity.Role.create", "identity.Role.update", "identity.Role.delete",
                    "identity.Policy.create", "identity.Policy.update", "identity.Policy.delete",
                    "inventory.Collector.create", "inventory.Collector.update", "inventory.Collector.delete",
                    "monitoring.DataSource.create", "monitoring.DataSource.update", "monitoring.DataSource.delete",
                    "notification.Protocol.create", "notification.Protocol.update", "notification.Protocol.delete")),
    PROJECT_VIEWER("policy-managed-project-viewer", "Project Viewer Access",
            "The read permissions among those of Project Admin Access",
            Reads.PATTERNS, List.of("identity.Domain.*")),
    ALERT_MANAGER_FULL_ACCESS("policy-managed-alert-manager-full-access", "Alert Manager Full Access",
            "Full access to the alert manager",
            List.of("monitoring.Alert.*", "monitoring.Event.*", "monitoring.EventRule.*", "monitoring.EscalationPolicy.*",
                    "monitoring.Webhook.*", "monitoring.MaintenanceWindow.*", "monitoring.ProjectAlertConfig.*",
                    "monitoring.Note.*"), List.of()),
    ALERT_MANAGER_OPERATOR("policy-managed-alert-manager-operator", "Alert Manager Operator",
            "The read permissions of Project Viewer Access, and handling alerts: update, assign, note",
            Stream.concat(Reads.PATTERNS.stream(), Stream.of("monitoring.Alert.update", "monitoring.Alert.assign_user",
                    "monitoring.Alert.update_state", "monitoring.Note.*")).toList(), List.of("identity.Domain.*"));

    private final String id;
    private final String title;
    private final String description;
    private final List<PermissionPattern> granted;
    private final List<PermissionPattern> excluded;

    ManagedPolicy(String id, String title, String description, List<String> granted, List<String> excluded) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.granted = granted.stream().map(PermissionPattern::of).toList();
        // System permissions are never granted by a policy; listing them keeps the documents honest.
        this.excluded = Stream.concat(excluded.stream(), SystemPermissions.PATTERNS.stream().map(PermissionPattern::text))
                .distinct().map(PermissionPattern::of).toList();
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> grantedPatterns() {
        return granted.stream().map(PermissionPattern::text).toList();
    }

    public List<String> excludedPatterns() {
        return excluded.stream().map(PermissionPattern::text).toList();
    }

    public boolean permits(String permission) {
        return granted.stream().anyMatch(pattern -> pattern.matches(permission))
                && excluded.stream().noneMatch(pattern -> pattern.matches(permission));
    }

    public static Optional<ManagedPolicy> byId(String id) {
        return Stream.of(values()).filter(policy -> policy.id.equals(id)).findFirst();
    }

    /** The verbs that only read. */
    private static final class Reads {
        static final List<String> PATTERNS = List.of("*.get", "*.list", "*.stat", "*.analyze", "*.list_members",
                "*.get_versions", "*.find");
    }
}
