package dev.canopy.plugins.demo;

import dev.canopy.plugin.api.collector.CollectedResource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cloud service being generated: what every kind has (names, owner, tags, launch time), filled in
 * by {@link AwsServices}, {@link AzureServices} or {@link GoogleCloudServices} with what its kind has,
 * then turned into an {@code inventory.CloudService} item. Fixed values are drawn from the identity in
 * a fixed order; the changing ones (state, owner, size) are picked by their change counts without
 * drawing, so a change never shifts a fixed value. One per item; not thread-safe.
 */
final class CloudServiceDraft {

    static final List<List<String>> MATCH_RULES = List.of(
            List.of("reference.resource_id", "provider", "cloud_service_type", "cloud_service_group"));

    private static final String[] APPS = {"checkout", "billing", "search", "catalog", "auth", "gateway",
            "analytics", "reporting", "inventory", "notify", "ledger", "media"};
    private static final String[] TEAMS = {"payments", "payments", "discovery", "discovery", "identity", "platform",
            "data", "data", "supply", "platform", "finance", "content"};
    private static final String[] COST_CENTERS = {"cc-1100", "cc-1100", "cc-1200", "cc-1200", "cc-1300", "cc-1400",
            "cc-1500", "cc-1500", "cc-1600", "cc-1400", "cc-1700", "cc-1800"};
    private static final String[] ENVS = {"prod", "prod", "prod", "prod", "staging", "staging", "dev", "dev", "dev"};
    private static final String[] OWNERS = {"alice-kim", "bruno-silva", "chen-wei", "dana-cohen", "emeka-obi",
            "farah-haddad", "gustav-berg", "hana-sato", "ivan-petrov", "julia-rossi"};
    private static final long EARLIEST_LAUNCH = Instant.parse("2015-01-01T00:00:00Z").getEpochSecond();
    private static final long FALLBACK_LAUNCH = Instant.parse("2019-01-01T00:00:00Z").getEpochSecond();
    private static final long FIVE_YEARS = 5L * 365 * 86_400;

    final Estate.Incarnation incarnation;
    final Draw draw;
    final Region region;
    final String account;
    final String app;
    final String env;
    final String team;
    final String costCenter;
    final String owner;
    final long launchedAt;

    String name;
    String instanceType;
    Long instanceSize;
    List<String> ipAddresses = List.of();
    final Map<String, Object> data = new LinkedHashMap<>(24);
    String resourceId;
    String externalLink;
    final Map<String, Object> tags = new LinkedHashMap<>(8);

    private CloudServiceDraft(Estate estate, Estate.Incarnation incarnation) {
        this.incarnation = incarnation;
        this.draw = new Draw(incarnation.identity());
        this.region = incarnation.region();
        this.account = estate.account(incarnation.kind().cloud());
        int appIndex = draw.nextInt(APPS.length);
        this.app = APPS[appIndex];
        this.team = TEAMS[appIndex];
        this.costCenter = COST_CENTERS[appIndex];
        this.env = draw.pick(ENVS);
        this.owner = OWNERS[(int) ((draw.nextInt(OWNERS.length) + incarnation.tagChanges()) % OWNERS.length)];
        long interval = estate.options().changeInterval();
        long appeared = incarnation.firstGeneration() * interval - (draw.nextLong() >>> 1) % interval;
        this.launchedAt = appeared >= EARLIEST_LAUNCH ? appeared : FALLBACK_LAUNCH + (draw.nextLong() >>> 1) % FIVE_YEARS;
    }

    static CloudServiceDraft of(Estate estate, Estate.Incarnation incarnation) {
        CloudServiceDraft draft = new CloudServiceDraft(estate, incarnation);
        switch (incarnation.kind().cloud()) {
            case AWS -> AwsServices.fill(draft);
            case AZURE -> AzureServices.fill(draft);
            case GOOGLE_CLOUD -> GoogleCloudServices.fill(draft);
        }
        return draft;
    }

    /** The short environment name used inside resource names. */
    String envShort() {
        return switch (env) {
            case "prod" -> "prod";
            case "staging" -> "stg";
            default -> "dev";
        };
    }

    /** A value that moves to the next of {@code values} at each change: never the same twice in a row. */
    static <T> T cycle(T[] values, int base, long changes) {
        return values[(int) ((base + changes) % values.length)];
    }

    /** A map that keeps the order of its keys: the same JSON in every process. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>(keysAndValues.length);
        for (int index = 0; index < keysAndValues.length; index += 2) {
            map.put((String) keysAndValues[index], keysAndValues[index + 1]);
        }
        return map;
    }

    /** The common tags, in the spelling of the cloud. */
    void putTags() {
        tags.put("env", env);
        tags.put("team", team);
        tags.put("cost-center", costCenter);
        tags.put("owner", owner);
        tags.put("app", app);
    }

    CollectedResource toCollectedResource() {
        ServiceKind kind = incarnation.kind();
        Map<String, Object> resource = new LinkedHashMap<>(20);
        resource.put("name", name);
        resource.put("cloud_service_group", kind.group());
        resource.put("cloud_service_type", kind.type());
        resource.put("provider", kind.cloud().key());
        resource.put("account", account);
        resource.put("region_code", region.code());
        if (instanceType != null) {
            resource.put("instance_type", instanceType);
        }
        if (instanceSize != null) {
            resource.put("instance_size", instanceSize);
        }
        resource.put("ip_addresses", ipAddresses);
        resource.put("launched_at", Timestamps.iso(launchedAt));
        resource.put("data", data);
        resource.put("metadata", Map.of());
        Map<String, Object> reference = new LinkedHashMap<>(4);
        reference.put("resource_id", resourceId);
        reference.put("external_link", externalLink);
        resource.put("reference", reference);
        resource.put("tags", tags);
        return CollectedResource.success("inventory.CloudService", MATCH_RULES, resource);
    }
}
