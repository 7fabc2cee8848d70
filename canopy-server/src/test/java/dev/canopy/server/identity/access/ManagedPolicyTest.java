package dev.canopy.server.identity.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManagedPolicyTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
            "*, inventory.Server.list, true",
            "inventory.*, inventory.Server.list, true",
            "inventory.*, identity.User.list, false",
            "*.*.get, identity.Project.get, true",
            "*.*.get, identity.Project.get_versions, false",
            "inventory.Server.list, inventory.Server.list, true",
            "inventory.Server.list, inventory.Server.listing, false",
            "inventory.Server.?ist, inventory.Server.list, true",
            "identity.User.*, identity.UserProfile.get, false",
    })
    void matchesShellStylePatterns(String pattern, String permission, boolean matches) {
        assertThat(PermissionPattern.of(pattern).matches(permission)).isEqualTo(matches);
    }

    @Test
    void refusesPatternsOutsideTheGrammar() {
        for (String bad : new String[] {"", "inventory.Server.list; drop", "a b", "x".repeat(129), "inventory.[a-z]"}) {
            assertThatThrownBy(() -> PermissionPattern.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void domainAdminHasAllButDomainsAndSigningKeys() {
        assertThat(ManagedPolicy.DOMAIN_ADMIN.permits("inventory.CloudService.delete")).isTrue();
        assertThat(ManagedPolicy.DOMAIN_ADMIN.permits("identity.Role.create")).isTrue();
        assertThat(ManagedPolicy.DOMAIN_ADMIN.permits("identity.Domain.create")).isFalse();
        assertThat(ManagedPolicy.DOMAIN_ADMIN.permits("identity.SigningKey.rotate")).isFalse();
    }

    @Test
    void viewersOnlyRead() {
        for (ManagedPolicy viewer : new ManagedPolicy[] {ManagedPolicy.DOMAIN_VIEWER, ManagedPolicy.PROJECT_VIEWER}) {
            assertThat(viewer.permits("identity.Project.list")).isTrue();
            assertThat(viewer.permits("config.DomainConfig.analyze")).isTrue();
            assertThat(viewer.permits("identity.Project.create")).isFalse();
            assertThat(viewer.permits("config.DomainConfig.set")).isFalse();
        }
    }

    @Test
    void projectAdminCannotManageRolesPoliciesProvidersOrPlugins() {
        assertThat(ManagedPolicy.PROJECT_ADMIN.permits("identity.Project.update")).isTrue();
        assertThat(ManagedPolicy.PROJECT_ADMIN.permits("inventory.Collector.collect")).isTrue();
        for (String excluded : new String[] {"identity.Role.create", "identity.Policy.delete", "identity.Provider.update",
                "inventory.Collector.create", "monitoring.DataSource.delete", "notification.Protocol.update"}) {
            assertThat(ManagedPolicy.PROJECT_ADMIN.permits(excluded)).as(excluded).isFalse();
        }
    }

    @Test
    void projectAdminManagesServiceAccountsButNotSchemasOrTrustedAccounts() {
        for (String granted : new String[] {"identity.ServiceAccount.create", "identity.ServiceAccount.update_secret_data",
                "identity.ServiceAccount.delete", "identity.Schema.list", "identity.Provider.get", "secret.Secret.create"}) {
            assertThat(ManagedPolicy.PROJECT_ADMIN.permits(granted)).as(granted).isTrue();
        }
        for (String excluded : new String[] {"identity.Schema.create", "identity.Schema.delete",
                "identity.TrustedAccount.create", "identity.TrustedAccount.update_secret_data",
                "identity.TrustedAccount.delete", "secret.TrustedSecret.update_data", "secret.TrustedSecret.delete"}) {
            assertThat(ManagedPolicy.PROJECT_ADMIN.permits(excluded)).as(excluded).isFalse();
        }
        assertThat(ManagedPolicy.DOMAIN_ADMIN.permits("identity.TrustedAccount.delete")).isTrue();
        assertThat(ManagedPolicy.PROJECT_VIEWER.permits("identity.ServiceAccount.list")).isTrue();
        assertThat(ManagedPolicy.PROJECT_VIEWER.permits("identity.ServiceAccount.change_trusted_account")).isFalse();
        assertThat(ManagedPolicy.DOMAIN_VIEWER.permits("secret.TrustedSecret.update")).isFalse();
    }

    @Test
    void alertManagerOperatorReadsAndHandlesAlerts() {
        assertThat(ManagedPolicy.ALERT_MANAGER_OPERATOR.permits("monitoring.Alert.update")).isTrue();
        assertThat(ManagedPolicy.ALERT_MANAGER_OPERATOR.permits("inventory.CloudService.list")).isTrue();
        assertThat(ManagedPolicy.ALERT_MANAGER_OPERATOR.permits("monitoring.Alert.delete")).isFalse();
        assertThat(ManagedPolicy.ALERT_MANAGER_FULL_ACCESS.permits("monitoring.Alert.delete")).isTrue();
        assertThat(ManagedPolicy.ALERT_MANAGER_FULL_ACCESS.permits("inventory.CloudService.list")).isFalse();
    }
}
