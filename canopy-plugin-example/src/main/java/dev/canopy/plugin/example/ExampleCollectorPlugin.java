package dev.canopy.plugin.example;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * An inventory collector of a made-up cloud, {@code example}: its account holds {@code count} instances
 * spread over {@code regions}, generated from {@code seed} (see {@link ExampleCollectorOptions}). One
 * task per region; each collection streams the cloud service type, its regions and their instances, lazily,
 * so millions cost no memory. Credentials are {@code {"token": "..."}}, any non-blank token.
 * Stateless and thread-safe.
 */
public final class ExampleCollectorPlugin implements CollectorPlugin {

    @Override
    public PluginMetadata init(Map<String, Object> options) {
        ExampleCollectorOptions.parse(options);
        return PluginMetadata.of(Map.of(
                "supported_resource_type", List.of("inventory.CloudService", "inventory.CloudServiceType", "inventory.Region"),
                "supported_schedules", List.of("hours"),
                "supported_features", List.of("garbage_collection"),
                "filter_format", List.of(),
                "options_schema", Map.of("type", "object", "properties", Map.of(
                        "count", Map.of("type", "integer", "title", "Instances", "default", 100L),
                        "seed", Map.of("type", "integer", "title", "Seed", "default", 1L),
                        "regions", Map.of("type", "array", "title", "Regions", "items", Map.of("type", "string"))))));
    }

    @Override
    public void verify(Map<String, Object> options, Map<String, Object> secretData) {
        ExampleCollectorOptions.parse(options);
        requireToken(secretData);
    }

    @Override
    public List<CollectTask> tasks(CollectRequest request) {
        return ExampleCollectorOptions.parse(request.options()).regions().stream()
                .map(region -> new CollectTask(Map.of("region", region)))
                .toList();
    }

    @Override
    public Stream<CollectedResource> collect(CollectRequest request) {
        ExampleCollectorOptions options = ExampleCollectorOptions.parse(request.options());
        requireToken(request.secretData());
        List<String> regions = options.regions();
        Object region = request.taskOptions().get("region");
        Stream<CollectedResource> instances;
        Stream<CollectedResource> regionItems;
        if (region == null) {
            regionItems = regions.stream().map(ExampleInventory::region);
            instances = LongStream.range(0, options.count()).mapToObj(index -> ExampleInventory.instance(options, index));
        } else {
            int position = regions.indexOf(region);
            if (position < 0) {
                throw PluginException.rejected("task region " + region + " is not among the options' regions");
            }
            regionItems = Stream.of(ExampleInventory.region((String) region));
            instances = LongStream.iterate(position, index -> index < options.count(), index -> index + regions.size())
                    .mapToObj(index -> ExampleInventory.instance(options, index));
        }
        Stream<CollectedResource> items = Stream.concat(Stream.concat(Stream.of(ExampleInventory.cloudServiceType()), regionItems), instances);
        return options.failAfter() < 0 && options.delayMs() == 0 ? items : paced(items, options);
    }

    /** The items with {@code delay_ms} before each, failing after {@code fail_after} of them. */
    private static Stream<CollectedResource> paced(Stream<CollectedResource> items, ExampleCollectorOptions options) {
        AtomicLong emitted = new AtomicLong();
        return items.map(item -> {
            if (emitted.get() == options.failAfter()) {
                throw new PluginException(PluginFailure.INTERNAL,
                        "failing after " + options.failAfter() + " items, as fail_after asks");
            }
            if (options.delayMs() > 0) {
                try {
                    Thread.sleep(options.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PluginException(PluginFailure.INTERNAL, "interrupted", e);
                }
            }
            emitted.incrementAndGet();
            return item;
        });
    }

    private static void requireToken(Map<String, Object> secretData) {
        if (!(secretData.get("token") instanceof String token) || token.isBlank()) {
            throw PluginException.rejected("secret data needs a non-blank token");
        }
    }
}
