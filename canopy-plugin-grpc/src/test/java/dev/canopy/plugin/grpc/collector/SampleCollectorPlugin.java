package dev.canopy.plugin.grpc.collector;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A small collector for the contract and failure tests: two regions, three servers each, plus the
 * regions and one cloud service type. Options drive the failure tests: {@code count} servers per
 * region, {@code delay_ms} before each item, {@code stall_after} items then sleep, {@code throw_on_verify},
 * {@code sleep_on_verify_ms}. It counts the items it produced and the streams it closed.
 */
public final class SampleCollectorPlugin implements CollectorPlugin {

    public static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("plugin-sample-inven-collector",
            "Sample collector", "1.0.0", PluginKind.COLLECTOR, "sample", Map.of("supported_schema", List.of("sample_token")),
            List.of("Test"), Map.of("description", "for tests"));
    private static final List<String> REGIONS = List.of("region-a", "region-b");

    public final AtomicLong produced = new AtomicLong();
    public final AtomicInteger closedStreams = new AtomicInteger();

    @Override
    public PluginMetadata init(Map<String, Object> options) {
        return PluginMetadata.of(Map.of(
                "supported_resource_type", List.of("inventory.CloudService", "inventory.CloudServiceType", "inventory.Region"),
                "supported_schedules", List.of("hours"),
                "concurrency", 2L));
    }

    @Override
    public void verify(Map<String, Object> options, Map<String, Object> secretData) {
        if (options.get("sleep_on_verify_ms") instanceof Number sleep) {
            pause(sleep.longValue());
        }
        if (Boolean.TRUE.equals(options.get("throw_on_verify"))) {
            throw new IllegalStateException("sample failure");
        }
        if (options.get("count") instanceof Number count && count.longValue() < 0) {
            throw PluginException.rejected("count must not be negative");
        }
        requireToken(secretData);
    }

    @Override
    public List<CollectTask> tasks(CollectRequest request) {
        return REGIONS.stream().map(region -> new CollectTask(Map.of("region", region))).toList();
    }

    @Override
    public Stream<CollectedResource> collect(CollectRequest request) {
        requireToken(request.secretData());
        Object region = request.taskOptions().get("region");
        List<String> regions = region == null ? REGIONS : List.of((String) region);
        long count = request.options().get("count") instanceof Number number ? number.longValue() : 3;
        long delay = request.options().get("delay_ms") instanceof Number number ? number.longValue() : 0;
        long stallAfter = request.options().get("stall_after") instanceof Number number ? number.longValue() : -1;
        Stream<CollectedResource> items = Stream.concat(
                Stream.of(cloudServiceType()),
                regions.stream().flatMap(code -> Stream.concat(Stream.of(region(code)),
                        LongStream.range(0, count).mapToObj(index -> server(code, index)))));
        AtomicLong emitted = new AtomicLong();
        return items.peek(item -> {
            if (emitted.getAndIncrement() == stallAfter) {
                pause(30_000);
            }
            if (delay > 0) {
                pause(delay);
            }
            produced.incrementAndGet();
        }).onClose(closedStreams::incrementAndGet);
    }

    static CollectedResource server(String region, long index) {
        String id = region + "-i-" + index;
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", "server-" + index);
        resource.put("provider", "sample");
        resource.put("cloud_service_group", "Compute");
        resource.put("cloud_service_type", "Server");
        resource.put("region_code", region);
        resource.put("instance_size", 2.5);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cpu", 4L);
        data.put("running", index % 2 == 0);
        data.put("owner", null);
        data.put("disks", List.of(Map.of("size_gb", 100L), Map.of("size_gb", 20L)));
        resource.put("data", data);
        resource.put("tags", Map.of("env", "test"));
        resource.put("reference", Map.of("resource_id", id));
        return CollectedResource.success("inventory.CloudService", List.of(List.of("reference.resource_id")), resource);
    }

    private static CollectedResource region(String code) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", code);
        resource.put("region_code", code);
        resource.put("provider", "sample");
        return CollectedResource.success("inventory.Region", List.of(List.of("region_code", "provider")), resource);
    }

    private static CollectedResource cloudServiceType() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", "Server");
        resource.put("group", "Compute");
        resource.put("provider", "sample");
        resource.put("labels", new ArrayList<>(List.of("Compute")));
        return CollectedResource.success("inventory.CloudServiceType", List.of(List.of("name", "group", "provider")), resource);
    }

    private static void requireToken(Map<String, Object> secretData) {
        if (!(secretData.get("token") instanceof String token) || token.isBlank()) {
            throw PluginException.rejected("secret data needs a token");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
