package dev.canopy.plugin.example;

import dev.canopy.plugin.api.collector.CollectedResource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The example account's resources, generated from the options alone: instance {@code i} of a seed is
 * always the same, whichever task or process produces it. Maps are ordered, so the JSON a host writes
 * is the same byte for byte in process and over gRPC.
 */
final class ExampleInventory {

    static final String PROVIDER = "example";
    static final String GROUP = "Compute";
    static final String TYPE = "Instance";
    static final List<List<String>> INSTANCE_MATCH_RULES = List.of(List.of("reference.resource_id"));

    private static final List<String> INSTANCE_TYPES = List.of("ex.small", "ex.medium", "ex.large", "ex.xlarge");
    private static final List<String> TEAMS = List.of("platform", "data", "web", "payments");
    private static final long LAUNCH_EPOCH = Instant.parse("2022-01-01T00:00:00Z").getEpochSecond();

    private ExampleInventory() {
    }

    static CollectedResource cloudServiceType() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", TYPE);
        resource.put("group", GROUP);
        resource.put("provider", PROVIDER);
        resource.put("service_code", "ExampleCompute");
        resource.put("is_primary", true);
        resource.put("is_major", true);
        resource.put("resource_type", "inventory.CloudService");
        resource.put("labels", List.of("Compute"));
        resource.put("tags", Map.of());
        return CollectedResource.success("inventory.CloudServiceType", List.of(List.of("name", "group", "provider")), resource);
    }

    static CollectedResource region(String code) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", "Example " + code);
        resource.put("region_code", code);
        resource.put("provider", PROVIDER);
        resource.put("tags", Map.of());
        return CollectedResource.success("inventory.Region", List.of(List.of("region_code", "provider")), resource);
    }

    /** A two-entry map that iterates in the order given (Map.of's order changes from one JVM to the next). */
    private static Map<String, Object> ordered(String firstKey, Object firstValue, String secondKey, Object secondValue) {
        Map<String, Object> map = new LinkedHashMap<>(4);
        map.put(firstKey, firstValue);
        map.put(secondKey, secondValue);
        return map;
    }

    /** Instance {@code index} of the account, in region {@code index % regions}. */
    static CollectedResource instance(ExampleCollectorOptions options, long index) {
        SplittableRandom random = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + index);
        String region = options.regions().get((int) (index % options.regions().size()));
        String resourceId = "ex-i-" + Long.toHexString(random.nextLong() & 0xFFFF_FFFF_FFFFL) + "-" + index;
        long vcpu = 1L << random.nextInt(5);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("vcpu", vcpu);
        data.put("memory_gb", vcpu * 4);
        data.put("status", random.nextInt(10) < 8 ? "RUNNING" : "STOPPED");
        data.put("launched_at", Instant.ofEpochSecond(LAUNCH_EPOCH + random.nextLong(3L * 365 * 86_400)).toString());
        data.put("disks", List.of(ordered("size_gb", 8L << random.nextInt(7), "type", random.nextBoolean() ? "ssd" : "hdd")));
        data.put("monthly_cost", Math.round(vcpu * 730 * (1 + random.nextDouble())) / 100.0);

        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", String.format("example-vm-%06d", index));
        resource.put("cloud_service_group", GROUP);
        resource.put("cloud_service_type", TYPE);
        resource.put("provider", PROVIDER);
        resource.put("account", "acct-" + (100_001 + random.nextInt(5)));
        resource.put("region_code", region);
        resource.put("instance_type", INSTANCE_TYPES.get(random.nextInt(INSTANCE_TYPES.size())));
        resource.put("state", "ACTIVE");
        resource.put("ip_addresses", List.of("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255)));
        resource.put("data", data);
        resource.put("tags", ordered("team", TEAMS.get(random.nextInt(TEAMS.size())), "env", random.nextBoolean() ? "prod" : "dev"));
        resource.put("reference", ordered("resource_id", resourceId,
                "external_link", "https://console.example.com/instances/" + resourceId));
        return CollectedResource.success("inventory.CloudService", INSTANCE_MATCH_RULES, resource);
    }
}
