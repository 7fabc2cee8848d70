package dev.canopy.plugin.example;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.testkit.CollectorPluginContract;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The collector contract for the example collector, plus what its options promise. */
class ExampleCollectorPluginTest extends CollectorPluginContract {

    private static final Map<String, Object> TOKEN = Map.of("token", "example-token");

    @Override
    protected CollectorPlugin plugin() {
        return new ExampleCollectorPlugin();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("count", 250, "seed", 3, "regions", List.of("ex-north-1", "ex-south-1", "ex-west-2"));
    }

    @Override
    protected Map<String, Object> secretData() {
        return TOKEN;
    }

    @Override
    protected Map<String, Object> badSecretData() {
        return Map.of("token", "  ");
    }

    @Override
    protected Map<String, Object> badOptions() {
        return Map.of("regions", "ex-north-1");
    }

    @Test
    void theFactoryIsFoundByServiceLoader() {
        assertThat(ServiceLoader.load(dev.canopy.plugin.api.collector.CollectorPluginFactory.class).stream()
                .map(provider -> provider.get().descriptor().pluginId()))
                .contains("plugin-example-inven-collector");
    }

    @Test
    void theSameOptionsGiveTheSameItemsAndTheSeedChangesThem() {
        List<CollectedResource> first = collect(Map.of("count", 50, "seed", 9));
        assertThat(collect(Map.of("count", 50, "seed", 9))).isEqualTo(first);
        assertThat(collect(Map.of("count", 50, "seed", 10))).isNotEqualTo(first);
    }

    @Test
    void theWholeAccountHoldsTheTypeTheRegionsAndCountInstances() {
        List<CollectedResource> items = collect(Map.of());
        assertThat(items).hasSize(1 + 2 + 100);
        assertThat(items).extracting(CollectedResource::resourceType).containsOnly(
                "inventory.CloudServiceType", "inventory.Region", "inventory.CloudService");
        assertThat(items.stream().map(item -> ((Map<?, ?>) item.resource().get("reference"))).filter(reference -> reference != null)
                .map(reference -> reference.get("resource_id")).distinct()).hasSize(100);
    }

    @Test
    void failAfterFailsTheCollectionAfterThatManyItems() {
        List<CollectedResource> received = new ArrayList<>();
        PluginException failure = catchThrowableOfType(PluginException.class, () -> {
            try (Stream<CollectedResource> items = plugin().collect(request(Map.of("fail_after", 10)))) {
                items.forEach(received::add);
            }
        });
        assertThat(failure.failure()).isEqualTo(PluginFailure.INTERNAL);
        assertThat(received).hasSize(10);
    }

    private List<CollectedResource> collect(Map<String, Object> options) {
        try (Stream<CollectedResource> items = plugin().collect(request(options))) {
            return items.toList();
        }
    }

    private static CollectRequest request(Map<String, Object> options) {
        return new CollectRequest(options, TOKEN, Map.of(), Map.of());
    }
}
