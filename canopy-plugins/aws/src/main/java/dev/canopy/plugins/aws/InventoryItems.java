package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.collector.CollectedResource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The items other than cloud services: regions, and the error item of a part that failed. */
final class InventoryItems {

    static final List<List<String>> REGION_MATCH_RULES = List.of(List.of("region_code", "provider"));

    private static final Map<String, String> REGION_NAMES = Map.ofEntries(
            Map.entry("us-east-1", "US East (N. Virginia)"), Map.entry("us-east-2", "US East (Ohio)"),
            Map.entry("us-west-1", "US West (N. California)"), Map.entry("us-west-2", "US West (Oregon)"),
            Map.entry("af-south-1", "Africa (Cape Town)"), Map.entry("ap-east-1", "Asia Pacific (Hong Kong)"),
            Map.entry("ap-south-1", "Asia Pacific (Mumbai)"), Map.entry("ap-south-2", "Asia Pacific (Hyderabad)"),
            Map.entry("ap-northeast-1", "Asia Pacific (Tokyo)"), Map.entry("ap-northeast-2", "Asia Pacific (Seoul)"),
            Map.entry("ap-northeast-3", "Asia Pacific (Osaka)"), Map.entry("ap-southeast-1", "Asia Pacific (Singapore)"),
            Map.entry("ap-southeast-2", "Asia Pacific (Sydney)"), Map.entry("ap-southeast-3", "Asia Pacific (Jakarta)"),
            Map.entry("ap-southeast-4", "Asia Pacific (Melbourne)"), Map.entry("ca-central-1", "Canada (Central)"),
            Map.entry("ca-west-1", "Canada West (Calgary)"), Map.entry("eu-central-1", "Europe (Frankfurt)"),
            Map.entry("eu-central-2", "Europe (Zurich)"), Map.entry("eu-west-1", "Europe (Ireland)"),
            Map.entry("eu-west-2", "Europe (London)"), Map.entry("eu-west-3", "Europe (Paris)"),
            Map.entry("eu-north-1", "Europe (Stockholm)"), Map.entry("eu-south-1", "Europe (Milan)"),
            Map.entry("eu-south-2", "Europe (Spain)"), Map.entry("il-central-1", "Israel (Tel Aviv)"),
            Map.entry("me-south-1", "Middle East (Bahrain)"), Map.entry("me-central-1", "Middle East (UAE)"),
            Map.entry("sa-east-1", "South America (Sao Paulo)"));

    private InventoryItems() {
    }

    /** An {@code inventory.Region}, named as the AWS console names it when the code is a known one. */
    static CollectedResource region(String regionCode) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", REGION_NAMES.getOrDefault(regionCode, regionCode));
        resource.put("region_code", regionCode);
        resource.put("provider", CloudServiceType.PROVIDER);
        resource.put("tags", Map.of());
        return CollectedResource.success("inventory.Region", REGION_MATCH_RULES, resource);
    }

    /** The one FAILURE item of a part that failed; {@code regionCode} is null for global services. */
    static CollectedResource error(CloudServiceType type, String regionCode, String message) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("provider", CloudServiceType.PROVIDER);
        resource.put("cloud_service_group", type.group());
        resource.put("cloud_service_type", type.name());
        if (regionCode != null) {
            resource.put("region_code", regionCode);
        }
        return CollectedResource.failure("inventory.ErrorResource", message, resource);
    }
}
