package dev.canopy.plugins.demo;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.api.collector.CollectorPluginFactory;
import dev.canopy.plugin.testkit.CollectorPluginContract;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The collector contract for the demo collector, plus what its options promise. */
class DemoCollectorPluginTest extends CollectorPluginContract {

    private static final Map<String, Object> ANY_SECRET = Map.of("anything", "goes");

    @Override
    protected CollectorPlugin plugin() {
        return new DemoCollectorPlugin();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("size", 3000, "seed", 7, "generation", 1000);
    }

    @Override
    protected Map<String, Object> secretData() {
        return ANY_SECRET;
    }

    @Override
    protected Map<String, Object> badSecretData() {
        return Map.of("reject", true);
    }

    @Override
    protected Map<String, Object> badOptions() {
        return Map.of("size", -1);
    }

    @Test
    void theFactoryIsFoundByServiceLoader() {
        assertThat(ServiceLoader.load(CollectorPluginFactory.class).stream().map(provider -> provider.get().descriptor()))
                .anySatisfy(descriptor -> {
                    assertThat(descriptor.pluginId()).isEqualTo("plugin-demo-inven-collector");
                    assertThat(descriptor.provider()).isEqualTo("demo");
                });
    }

    @Test
    void anySecretDataPassesIncludingNone() {
        plugin().verify(Map.of(), Map.of());
        plugin().verify(Map.of(), Map.of("reject", false, "token", ""));
        assertThat(cloudServices(Map.of("size", 5), Map.of())).hasSize(5);
    }

    @Test
    void theSameOptionsGiveTheSameItemsInTheSameOrder() {
        Map<String, Object> options = Map.of("size", 2000, "seed", 9, "generation", 500_000);
        List<CollectedResource> first = collect(options, Map.of());
        assertThat(collect(options, Map.of())).isEqualTo(first);
        assertThat(collect(Map.of("size", 2000, "seed", 10, "generation", 500_000), Map.of())).isNotEqualTo(first);
    }

    @Test
    void theSizeIsHonouredExactly() {
        for (long size : new long[] {0, 1, 7, 2_500, 150_000}) {
            long count;
            try (Stream<CollectedResource> items = plugin().collect(request(Map.of("size", size, "generation", 42), Map.of()))) {
                count = items.filter(item -> item.resourceType().equals("inventory.CloudService")).count();
            }
            assertThat(count).as("cloud services of size " + size).isEqualTo(size);
        }
    }

    @Test
    void theDefaultSizeIsAThousandAndTheDefaultGenerationComesFromTheClock() {
        Instant now = Instant.parse("2025-03-04T05:06:07Z");
        DemoCollectorPlugin plugin = new DemoCollectorPlugin(Clock.fixed(now, ZoneOffset.UTC));
        List<CollectedResource> byClock = plugin.collect(request(Map.of(), Map.of())).toList();
        long generation = now.getEpochSecond() / 3600;
        assertThat(byClock).isEqualTo(collect(Map.of("size", 1000, "seed", 1, "generation", generation), Map.of()));
        assertThat(byClock.stream().filter(item -> item.resourceType().equals("inventory.CloudService"))).hasSize(1000);
        assertThat(plugin.tasks(request(Map.of("change_interval", 60), Map.of())))
                .extracting(task -> task.taskOptions().get("generation")).containsOnly(now.getEpochSecond() / 60);
    }

    @Test
    void aGenerationChangesAboutTheChangeRateAndReplacesAboutOnePercent() {
        int size = 20_000;
        Map<String, Map<String, Object>> before = byResourceId(cloudServices(Map.of("size", size, "seed", 3, "generation", 7_000), Map.of()));
        Map<String, Map<String, Object>> after = byResourceId(cloudServices(Map.of("size", size, "seed", 3, "generation", 7_001), Map.of()));
        assertThat(before).hasSize(size);
        assertThat(after).hasSize(size);

        Set<String> vanished = new HashSet<>(before.keySet());
        vanished.removeAll(after.keySet());
        Set<String> appeared = new HashSet<>(after.keySet());
        appeared.removeAll(before.keySet());
        // Lifetimes of 60 to 140 generations: about 1.06% of the slots start a new life each generation.
        assertThat(vanished.size()).isBetween(size / 200, size * 16 / 1000).isEqualTo(appeared.size());

        int changed = 0;
        for (Map.Entry<String, Map<String, Object>> entry : before.entrySet()) {
            Map<String, Object> next = after.get(entry.getKey());
            if (next == null) {
                continue;
            }
            Map<String, Object> previous = entry.getValue();
            // Identity and fixed values stay.
            for (String fixed : List.of("name", "reference", "region_code", "account", "launched_at", "provider",
                    "cloud_service_group", "cloud_service_type")) {
                assertThat(next.get(fixed)).as(fixed + " of " + entry.getKey()).isEqualTo(previous.get(fixed));
            }
            if (!next.equals(previous)) {
                changed++;
                assertThat(changedAttributes(previous, next)).as("what changed in " + entry.getKey()).hasSize(1);
            }
        }
        assertThat(changed).as("changed cloud services, change_rate 0.02").isBetween(size * 12 / 1000, size * 30 / 1000);
    }

    @Test
    void aChangeRateOfZeroOnlyReplacesAndOfOneChangesEverything() {
        int size = 3_000;
        assertThat(changedBetweenGenerations(size, 0.0)).isZero();
        assertThat(changedBetweenGenerations(size, 1.0)).isEqualTo(size - vanishedBetweenGenerations(size));
    }

    @Test
    void aVanishedCloudServiceNeverComesBack() {
        int size = 1_500;
        Set<String> first = byResourceId(cloudServices(Map.of("size", size, "generation", 300), Map.of())).keySet();
        Set<String> seenLater = new HashSet<>();
        Set<String> vanished = new HashSet<>(first);
        for (long generation = 301; generation <= 420; generation++) {
            Set<String> ids = byResourceId(cloudServices(Map.of("size", size, "generation", generation), Map.of())).keySet();
            if (generation == 301) {
                vanished.removeAll(ids);
                assertThat(vanished).isNotEmpty();
            } else {
                seenLater.addAll(ids);
            }
        }
        assertThat(seenLater).doesNotContainAnyElementsOf(vanished);
        // Every slot lives at most 140 generations: after 120 more most of the estate is new.
        assertThat(seenLater).hasSizeGreaterThan(size + size / 2);
    }

    @Test
    void tasksPartitionTheEstateByCloud() {
        Map<String, Object> options = Map.of("size", 9_000, "seed", 5, "generation", 123_456);
        List<CollectTask> tasks = plugin().tasks(request(options, Map.of()));
        assertThat(tasks).extracting(task -> task.taskOptions().get("provider")).containsExactly("aws", "azure", "google_cloud");

        List<Object> whole = cloudServices(options, Map.of()).stream().map(DemoCollectorPluginTest::resourceId).toList();
        List<Object> union = new java.util.ArrayList<>();
        for (CollectTask task : tasks) {
            List<Map<String, Object>> share = cloudServices(options, task.taskOptions());
            assertThat(share).isNotEmpty().allSatisfy(item -> assertThat(item.get("provider")).isEqualTo(task.taskOptions().get("provider")));
            share.forEach(item -> union.add(resourceId(item)));
            List<CollectedResource> header = collect(options, task.taskOptions()).stream()
                    .filter(item -> !item.resourceType().equals("inventory.CloudService")).toList();
            assertThat(header).isNotEmpty().allSatisfy(item -> assertThat(item.resource().get("provider")).isEqualTo(task.taskOptions().get("provider")));
        }
        assertThat(union).doesNotHaveDuplicates().hasSize(9_000).containsExactlyInAnyOrderElementsOf(whole);
        // The shares follow the weights: AWS 45%, Azure 30%, Google Cloud 25%.
        Map<Object, Long> byProvider = cloudServices(options, Map.of()).stream()
                .collect(Collectors.groupingBy(item -> item.get("provider"), Collectors.counting()));
        assertThat(byProvider.get("aws")).isBetween(3_800L, 4_300L);
        assertThat(byProvider.get("azure")).isBetween(2_450L, 2_950L);
        assertThat(byProvider.get("google_cloud")).isBetween(2_000L, 2_500L);
    }

    @Test
    void typesAndRegionsComeFirstAndCoverWhatTheCloudServicesUse() {
        List<CollectedResource> items = collect(Map.of("size", 4_000, "generation", 77), Map.of());
        int firstCloudService = 0;
        while (!items.get(firstCloudService).resourceType().equals("inventory.CloudService")) {
            firstCloudService++;
        }
        List<CollectedResource> header = items.subList(0, firstCloudService);
        List<CollectedResource> services = items.subList(firstCloudService, items.size());
        assertThat(services).extracting(CollectedResource::resourceType).containsOnly("inventory.CloudService").hasSize(4_000);

        Set<List<Object>> types = header.stream().filter(item -> item.resourceType().equals("inventory.CloudServiceType"))
                .map(item -> List.of(item.resource().get("provider"), item.resource().get("group"), item.resource().get("name")))
                .collect(Collectors.toSet());
        Set<List<Object>> regions = header.stream().filter(item -> item.resourceType().equals("inventory.Region"))
                .map(item -> List.of(item.resource().get("provider"), item.resource().get("region_code")))
                .collect(Collectors.toSet());
        assertThat(types).hasSize(15);
        assertThat(regions).hasSize(8 + 8 + 6 + 1).contains(List.of("google_cloud", "global"), List.of("aws", "us-east-1"),
                List.of("azure", "koreacentral"));
        Set<List<Object>> usedTypes = services.stream().map(item -> List.of(item.resource().get("provider"),
                item.resource().get("cloud_service_group"), item.resource().get("cloud_service_type"))).collect(Collectors.toSet());
        Set<List<Object>> usedRegions = services.stream().map(item -> List.of(item.resource().get("provider"),
                item.resource().get("region_code"))).collect(Collectors.toSet());
        assertThat(usedTypes).isEqualTo(types);
        assertThat(usedRegions).isEqualTo(regions);

        // A small estate lists only the types and regions its few cloud services use.
        List<CollectedResource> tiny = collect(Map.of("size", 2, "generation", 77), Map.of());
        assertThat(tiny.stream().filter(item -> item.resourceType().equals("inventory.CloudServiceType"))).hasSizeBetween(1, 2);
        assertThat(tiny.stream().filter(item -> item.resourceType().equals("inventory.Region"))).hasSizeBetween(1, 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCloudServiceTypeCarriesItsViewLayouts() {
        Map<String, Object> ec2 = collect(Map.of("size", 500, "generation", 1), Map.of()).stream()
                .filter(item -> item.resourceType().equals("inventory.CloudServiceType") && item.resource().get("group").equals("EC2")
                        && item.resource().get("name").equals("Instance"))
                .findFirst().orElseThrow().resource();
        assertThat(ec2).containsEntry("provider", "aws").containsEntry("service_code", "AmazonEC2").containsEntry("is_primary", true)
                .containsEntry("is_major", true).containsEntry("resource_type", "inventory.CloudService")
                .containsEntry("labels", List.of("Compute", "Server"));
        Map<String, Object> view = (Map<String, Object>) ((Map<String, Object>) ec2.get("metadata")).get("view");
        Map<String, Object> layout = (Map<String, Object>) ((Map<String, Object>) view.get("table")).get("layout");
        assertThat(layout).containsEntry("type", "query-search-table");
        List<Map<String, Object>> fields = (List<Map<String, Object>>) ((Map<String, Object>) layout.get("options")).get("fields");
        assertThat(fields).contains(Map.of("key", "data.instance_state", "name", "State", "type", "state"),
                Map.of("key", "instance_type", "name", "Instance Type"));
        assertThat((List<Map<String, Object>>) view.get("search")).contains(Map.of("key", "data.instance_state", "name", "State"));
        List<Map<String, Object>> subData = (List<Map<String, Object>>) ((Map<String, Object>) view.get("sub_data")).get("layouts");
        assertThat(subData).singleElement().satisfies(details -> assertThat(details).containsEntry("type", "item"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void cloudServicesLookLikeTheirClouds() {
        List<Map<String, Object>> services = cloudServices(Map.of("size", 3_000, "seed", 11, "generation", 480_000), Map.of());
        Map<String, Object> accounts = new HashMap<>();
        for (Map<String, Object> service : services) {
            String provider = (String) service.get("provider");
            String resourceId = resourceId(service).toString();
            accounts.merge(provider, service.get("account"), (first, second) -> {
                assertThat(second).as("one account per cloud").isEqualTo(first);
                return first;
            });
            assertThat(service).doesNotContainKey("state");
            assertThat((Map<String, Object>) service.get("tags")).containsKeys("env", "team", "cost-center", "owner", "app");
            assertThat(Instant.parse((String) service.get("launched_at"))).isBefore(Instant.parse("2026-01-01T00:00:00Z"))
                    .isAfter(Instant.parse("2024-01-01T00:00:00Z"));
            assertThat(((Map<String, Object>) service.get("reference")).get("external_link")).asString().startsWith("https://");
            switch (provider + "/" + service.get("cloud_service_group") + "/" + service.get("cloud_service_type")) {
                case "aws/EC2/Instance" -> {
                    assertThat(resourceId).matches("i-0[0-9a-f]{16}");
                    assertThat((Map<String, Object>) service.get("data")).containsKeys("instance_state", "vcpu", "availability_zone");
                    assertThat(((Map<String, Object>) service.get("data")).get("instance_state")).isIn("running", "stopped");
                    assertThat(service.get("instance_type")).asString().matches("(t3|m6i|c6i|r6i|m7g)\\.\\w+");
                    assertThat(service.get("instance_size")).isInstanceOf(Long.class);
                    assertThat((List<String>) service.get("ip_addresses")).isNotEmpty().first().asString().startsWith("10.");
                    assertThat((Map<String, Object>) service.get("tags")).containsEntry("Name", service.get("name"));
                }
                case "aws/EC2/Volume" -> assertThat(resourceId).matches("vol-0[0-9a-f]{16}");
                case "aws/S3/Bucket" -> assertThat(resourceId).isEqualTo("arn:aws:s3:::" + service.get("name"));
                case "aws/RDS/Database" -> assertThat(resourceId).startsWith("arn:aws:rds:" + service.get("region_code") + ":");
                case "aws/VPC/VPC" -> assertThat(resourceId).matches("vpc-0[0-9a-f]{16}");
                case "azure/VirtualMachines/Instance" -> assertThat(resourceId)
                        .startsWith("/subscriptions/" + service.get("account") + "/resourceGroups/rg-")
                        .contains("/providers/Microsoft.Compute/virtualMachines/").endsWith((String) service.get("name"));
                case "azure/StorageAccounts/Instance" -> assertThat((String) service.get("name")).matches("[a-z0-9]{3,24}");
                case "google_cloud/ComputeEngine/Instance", "google_cloud/ComputeEngine/Disk", "google_cloud/Networking/VPCNetwork" ->
                        assertThat(resourceId).matches("\\d{1,20}");
                default -> assertThat(resourceId).isNotBlank();
            }
        }
        assertThat(accounts.get("aws")).asString().matches("\\d{12}");
        assertThat(accounts.get("azure")).asString().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(accounts.get("google_cloud")).asString().matches("demo-estate-\\d{6}");
        assertThat(services.stream().map(DemoCollectorPluginTest::resourceId)).doesNotHaveDuplicates();
        assertThat(services.stream().map(service -> service.get("cloud_service_group") + "/" + service.get("cloud_service_type")
                + "@" + service.get("provider")).distinct()).hasSize(15);
    }

    @Test
    void theAccountOptionIsTheAccountOfEveryCloud() {
        assertThat(cloudServices(Map.of("size", 300, "account", "demo-account"), Map.of()))
                .extracting(service -> service.get("account")).containsOnly("demo-account");
    }

    @Test
    void closingEarlyStopsEvenAHugeEstate() {
        // A billion cloud services: only what is taken is generated.
        try (Stream<CollectedResource> items = plugin().collect(request(Map.of("size", 1_000_000_000L, "generation", 9), Map.of()))) {
            List<CollectedResource> first = items.limit(40).toList();
            assertThat(first).hasSize(40);
            assertThat(first.get(39).resourceType()).isEqualTo("inventory.CloudService");
        }
        try (Stream<CollectedResource> items = plugin().collect(request(Map.of("size", 1_000_000_000L), Map.of("provider", "azure")))) {
            assertThat(items.iterator().next().resource().get("provider")).isEqualTo("azure");
        }
    }

    @Test
    void malformedOptionsAreRejected() {
        for (Map<String, Object> options : List.<Map<String, Object>>of(Map.of("size", "many"), Map.of("change_rate", 1.5),
                Map.of("change_interval", 0), Map.of("generation", -1), Map.of("seed", 1.5), Map.of("account", " "))) {
            PluginException failure = catchThrowableOfType(PluginException.class, () -> plugin().verify(options, Map.of()));
            assertThat(failure).as("options " + options).isNotNull();
            assertThat(failure.failure()).isEqualTo(PluginFailure.REJECTED);
        }
        assertThat(catchThrowableOfType(PluginException.class,
                () -> plugin().collect(request(Map.of(), Map.of("provider", "oracle"))))).hasMessageContaining("oracle");
    }

    @Test
    @SuppressWarnings("unchecked")
    void initDescribesTheOptions() {
        Map<String, Object> metadata = plugin().init(Map.of()).values();
        assertThat(metadata).containsEntry("supported_schedules", List.of("hours"))
                .containsEntry("supported_features", List.of("garbage_collection")).containsEntry("filter_format", List.of());
        Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) metadata.get("options_schema")).get("properties");
        assertThat(properties).containsOnlyKeys("size", "seed", "generation", "change_interval", "change_rate", "account");
    }

    private int changedBetweenGenerations(int size, double rate) {
        Map<String, Map<String, Object>> before = byResourceId(cloudServices(Map.of("size", size, "change_rate", rate, "generation", 50), Map.of()));
        Map<String, Map<String, Object>> after = byResourceId(cloudServices(Map.of("size", size, "change_rate", rate, "generation", 51), Map.of()));
        return (int) before.entrySet().stream()
                .filter(entry -> after.containsKey(entry.getKey()) && !after.get(entry.getKey()).equals(entry.getValue())).count();
    }

    private int vanishedBetweenGenerations(int size) {
        Set<String> before = new HashSet<>(byResourceId(cloudServices(Map.of("size", size, "generation", 50), Map.of())).keySet());
        before.removeAll(byResourceId(cloudServices(Map.of("size", size, "generation", 51), Map.of())).keySet());
        return before.size();
    }

    /** Which of the changing attributes differ: the state in data, the owner tag, the size. */
    @SuppressWarnings("unchecked")
    private static Set<String> changedAttributes(Map<String, Object> previous, Map<String, Object> next) {
        Set<String> changed = new HashSet<>();
        Map<String, Object> previousTags = (Map<String, Object>) previous.get("tags");
        Map<String, Object> nextTags = (Map<String, Object>) next.get("tags");
        if (!previousTags.equals(nextTags)) {
            assertThat(withoutKey(nextTags, "owner")).isEqualTo(withoutKey(previousTags, "owner"));
            changed.add("owner tag");
        }
        boolean sized = !java.util.Objects.equals(previous.get("instance_type"), next.get("instance_type"))
                || !java.util.Objects.equals(previous.get("instance_size"), next.get("instance_size"))
                || !java.util.Objects.equals(((Map<String, Object>) previous.get("data")).get("subnet_count"),
                ((Map<String, Object>) next.get("data")).get("subnet_count"));
        if (sized) {
            changed.add("size");
        }
        if (!sized && !previous.get("data").equals(next.get("data"))) {
            changed.add("state");
        }
        return changed;
    }

    private static Map<String, Object> withoutKey(Map<String, Object> map, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object resourceId(Map<String, Object> cloudService) {
        return ((Map<String, Object>) cloudService.get("reference")).get("resource_id");
    }

    private static Map<String, Map<String, Object>> byResourceId(List<Map<String, Object>> cloudServices) {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        cloudServices.forEach(service -> assertThat(byId.put((String) resourceId(service), service)).as("a duplicate id").isNull());
        return byId;
    }

    private List<Map<String, Object>> cloudServices(Map<String, Object> options, Map<String, Object> taskOptions) {
        return collect(options, taskOptions).stream().filter(item -> item.resourceType().equals("inventory.CloudService"))
                .map(CollectedResource::resource).toList();
    }

    private List<CollectedResource> collect(Map<String, Object> options, Map<String, Object> taskOptions) {
        try (Stream<CollectedResource> items = plugin().collect(request(options, taskOptions))) {
            return items.toList();
        }
    }

    private static CollectRequest request(Map<String, Object> options, Map<String, Object> taskOptions) {
        return new CollectRequest(options, ANY_SECRET, Map.of(), taskOptions);
    }
}
