package dev.canopy.plugins.demo;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The demo collector: an AWS-, Azure- and Google-Cloud-shaped estate of {@code size} cloud services,
 * generated from the options (see {@link DemoCollectorOptions}) and changing a little with every
 * generation (see {@link Estate}). One task per cloud; a collection streams the cloud service types and
 * regions it uses, then its cloud services, one by one, so millions cost no memory and closing the
 * stream stops the work. It needs no credentials: any secret data passes, except
 * {@code {"reject": true}}, which plays bad credentials. Stateless and thread-safe.
 */
public final class DemoCollectorPlugin implements CollectorPlugin {

    private final Clock clock;

    public DemoCollectorPlugin() {
        this(Clock.systemUTC());
    }

    /** With the clock that decides the default generation. */
    DemoCollectorPlugin(Clock clock) {
        this.clock = clock;
    }

    @Override
    public PluginMetadata init(Map<String, Object> options) {
        DemoCollectorOptions.parse(options, clock);
        return PluginMetadata.of(ordered(
                "supported_resource_type", List.of("inventory.CloudService", "inventory.CloudServiceType", "inventory.Region"),
                "supported_schedules", List.of("hours"),
                "supported_features", List.of("garbage_collection"),
                "filter_format", List.of(),
                "options_schema", optionsSchema()));
    }

    private static Map<String, Object> optionsSchema() {
        return ordered("type", "object", "properties", ordered(
                "size", ordered("type", "integer", "title", "Cloud services", "minimum", 0L,
                        "default", DemoCollectorOptions.DEFAULT_SIZE),
                "seed", ordered("type", "integer", "title", "Seed", "default", 1L),
                "generation", ordered("type", "integer", "title", "Generation", "minimum", 0L,
                        "description", "Which state of the estate to collect; by default the current time divided by the change interval"),
                "change_interval", ordered("type", "integer", "title", "Change interval (seconds)", "minimum", 1L,
                        "default", DemoCollectorOptions.DEFAULT_CHANGE_INTERVAL),
                "change_rate", ordered("type", "number", "title", "Change rate", "minimum", 0L, "maximum", 1L,
                        "default", DemoCollectorOptions.DEFAULT_CHANGE_RATE),
                "account", ordered("type", "string", "title", "Account",
                        "description", "The account id of every cloud; by default one per cloud derived from the seed")));
    }

    @Override
    public void verify(Map<String, Object> options, Map<String, Object> secretData) {
        DemoCollectorOptions.parse(options, clock);
        acceptSecretData(secretData);
    }

    /** One task per cloud, all at the same generation, so a collection that spans a generation's end stays whole. */
    @Override
    public List<CollectTask> tasks(CollectRequest request) {
        DemoCollectorOptions options = DemoCollectorOptions.parse(request.options(), clock);
        List<CollectTask> tasks = new ArrayList<>();
        for (Cloud cloud : Cloud.values()) {
            tasks.add(new CollectTask(ordered("provider", cloud.key(), "generation", options.generation())));
        }
        return tasks;
    }

    @Override
    public Stream<CollectedResource> collect(CollectRequest request) {
        acceptSecretData(request.secretData());
        Map<String, Object> taskOptions = request.taskOptions();
        Map<String, Object> options = request.options();
        if (taskOptions.containsKey("generation")) {
            options = new LinkedHashMap<>(options);
            options.put("generation", taskOptions.get("generation"));
        }
        Estate estate = new Estate(DemoCollectorOptions.parse(options, clock));
        Set<Cloud> clouds = clouds(taskOptions.get("provider"));
        Supplier<Stream<CollectedResource>> header = () -> header(estate, clouds);
        Stream<CollectedResource> cloudServices = clouds.size() == Cloud.values().length
                ? LongStream.range(0, estate.size()).mapToObj(estate::cloudService)
                : LongStream.range(0, estate.size())
                        .filter(slot -> clouds.contains(estate.kindOf(slot).cloud()))
                        .mapToObj(estate::cloudService);
        // The header needs a pass over the estate to find the kinds and regions in use: done when first asked for.
        return Stream.concat(Stream.of(header).flatMap(Supplier::get), cloudServices);
    }

    private static Set<Cloud> clouds(Object provider) {
        if (provider == null) {
            return EnumSet.allOf(Cloud.class);
        }
        Cloud cloud = provider instanceof String key ? Cloud.ofKey(key) : null;
        if (cloud == null) {
            throw PluginException.rejected("task provider must be aws, azure or google_cloud, got " + provider);
        }
        return EnumSet.of(cloud);
    }

    /** The cloud service types, then the regions, of what the clouds' share of the estate uses. */
    private static Stream<CollectedResource> header(Estate estate, Set<Cloud> clouds) {
        Estate.Usage usage = estate.usage(clouds);
        List<CollectedResource> items = new ArrayList<>();
        usage.kinds().forEach(kind -> items.add(kind.cloudServiceType()));
        for (Cloud cloud : clouds) {
            for (Region region : usage.regions()) {
                if (cloud.regions().contains(region) || (cloud == Cloud.GOOGLE_CLOUD && region == Cloud.GOOGLE_GLOBAL)) {
                    items.add(region(cloud, region));
                }
            }
        }
        return items.stream();
    }

    private static CollectedResource region(Cloud cloud, Region region) {
        return CollectedResource.success("inventory.Region", List.of(List.of("region_code", "provider")), ordered(
                "name", region.name(),
                "region_code", region.code(),
                "provider", cloud.key(),
                "tags", ordered("continent", continent(region.code()))));
    }

    private static String continent(String regionCode) {
        if (regionCode.startsWith("us") || regionCode.startsWith("east") || regionCode.startsWith("west")) {
            return "north-america";
        }
        if (regionCode.startsWith("eu") || regionCode.startsWith("north")) {
            return "europe";
        }
        return regionCode.equals("global") ? "global" : "asia-pacific";
    }

    private static void acceptSecretData(Map<String, Object> secretData) {
        if (Boolean.TRUE.equals(secretData.get("reject"))) {
            throw PluginException.rejected("the secret data asks the demo collector to reject it (reject: true)");
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        return CloudServiceDraft.ordered(keysAndValues);
    }
}
