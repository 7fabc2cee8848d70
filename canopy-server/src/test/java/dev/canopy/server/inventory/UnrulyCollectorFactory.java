package dev.canopy.server.inventory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.api.collector.CollectorPluginFactory;

/**
 * A built-in collector of the tests that streams good items among bad ones: a resource without its
 * provider, one of an unknown type, a failure the plugin reports, one no match rule applies to.
 */
public class UnrulyCollectorFactory implements CollectorPluginFactory {

    static final String PLUGIN_ID = "plugin-unruly-inven-collector";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(PLUGIN_ID, "Unruly collector", "1.0.0", PluginKind.COLLECTOR, "example", Map.of(),
                List.of(), Map.of());
    }

    @Override
    public CollectorPlugin create() {
        return new CollectorPlugin() {
            @Override
            public PluginMetadata init(Map<String, Object> options) {
                return PluginMetadata.of(Map.of("supported_resource_type", List.of("inventory.CloudService")));
            }

            @Override
            public void verify(Map<String, Object> options, Map<String, Object> secretData) {
            }

            @Override
            public Stream<CollectedResource> collect(CollectRequest request) {
                List<List<String>> rules = List.of(List.of("reference.resource_id", "provider", "cloud_service_type",
                        "cloud_service_group"));
                return Stream.of(
                        CollectedResource.success("inventory.CloudService", rules, good("vm-1")),
                        CollectedResource.success("inventory.CloudService", rules, Map.of("name", "no provider",
                                "cloud_service_group", "Compute", "cloud_service_type", "Instance")),
                        CollectedResource.success("inventory.Mystery", rules, good("vm-x")),
                        CollectedResource.failure("inventory.ErrorResource", "region ex-west-9 refused the request",
                                Map.of("provider", "example", "region_code", "ex-west-9")),
                        CollectedResource.success("inventory.CloudService", rules, Map.of("name", "no reference",
                                "provider", "example", "cloud_service_group", "Compute", "cloud_service_type", "Instance")),
                        CollectedResource.success("inventory.CloudService", rules, good("vm-2")));
            }

            private Map<String, Object> good(String id) {
                return Map.of("name", id, "provider", "example", "account", "unruly", "region_code", "ex-north-1",
                        "cloud_service_group", "Compute", "cloud_service_type", "Instance", "data", Map.of("size", 2),
                        "reference", Map.of("resource_id", id));
            }
        };
    }
}
