package dev.canopy.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VerbTest {

    private record Empty() {
    }

    @ParameterizedTest
    @CsvSource({
            "config, DomainConfig, create, /api/config/domain-config/create, config.DomainConfig.create",
            "identity, APIKey, list, /api/identity/api-key/list, identity.APIKey.list",
            "inventory, CloudServiceType, get, /api/inventory/cloud-service-type/get, inventory.CloudServiceType.get",
            "cost_analysis, DataSource, sync, /api/cost-analysis/data-source/sync, cost_analysis.DataSource.sync",
            "inventory, Collector, verify_plugin, /api/inventory/collector/verify_plugin, inventory.Collector.verify_plugin",
    })
    void derivesPathAndPermissionFromCloudforetNames(String service, String resource, String name, String path,
                                                     String permission) {
        Verb<Empty, Empty> verb = Verb.of(service, resource, name, "", Empty.class, Empty.class, (caller, request) -> request);

        assertThat(verb.path()).isEqualTo(path);
        assertThat(verb.permission()).isEqualTo(permission);
    }

    @Test
    void refusesNamesThatAreNotCloudforetShaped() {
        assertThatThrownBy(() -> Verb.of("config", "domain-config", "get", "", Empty.class, Empty.class, (caller, request) -> request))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verb.of("Config", "DomainConfig", "get", "", Empty.class, Empty.class, (caller, request) -> request))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
