package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.collector.CollectedResource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Builds one {@code inventory.CloudService} item: the provider's fields go to {@code data}, its tags to
 * {@code tags}; no top-level {@code state}, which the server owns. Not thread-safe; one per resource.
 */
final class CloudServiceItem {

    static final List<List<String>> MATCH_RULES = List.of(
            List.of("reference.resource_id", "provider", "cloud_service_type", "cloud_service_group"));

    private final CloudServiceType type;
    private final String account;
    private final String regionCode;
    private final String resourceId;
    private String name;
    private String instanceType;
    private Number instanceSize;
    private Instant launchedAt;
    private String externalLink;
    private final LinkedHashSet<String> ipAddresses = new LinkedHashSet<>();
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> tags = new LinkedHashMap<>();

    CloudServiceItem(CloudServiceType type, String account, String regionCode, String resourceId) {
        this.type = type;
        this.account = account;
        this.regionCode = regionCode;
        this.resourceId = resourceId;
        this.name = resourceId;
    }

    /** The display name; the resource id when the name is missing or blank. */
    CloudServiceItem name(String name) {
        if (name != null && !name.isBlank()) {
            this.name = name;
        }
        return this;
    }

    CloudServiceItem instanceType(String instanceType) {
        this.instanceType = instanceType;
        return this;
    }

    CloudServiceItem instanceSize(Number instanceSize) {
        this.instanceSize = instanceSize;
        return this;
    }

    CloudServiceItem launchedAt(Instant launchedAt) {
        this.launchedAt = launchedAt;
        return this;
    }

    CloudServiceItem externalLink(String externalLink) {
        this.externalLink = externalLink;
        return this;
    }

    CloudServiceItem ipAddress(String ipAddress) {
        if (ipAddress != null && !ipAddress.isBlank()) {
            ipAddresses.add(ipAddress);
        }
        return this;
    }

    /** A field of {@code data}; null values are left out. */
    CloudServiceItem data(String key, Object value) {
        Object json = Json.value(value);
        if (json != null) {
            data.put(key, json);
        }
        return this;
    }

    CloudServiceItem tag(String key, String value) {
        if (key != null) {
            tags.put(key, value == null ? "" : value);
        }
        return this;
    }

    CollectedResource build() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", name);
        resource.put("cloud_service_group", type.group());
        resource.put("cloud_service_type", type.name());
        resource.put("provider", CloudServiceType.PROVIDER);
        resource.put("account", account);
        resource.put("region_code", regionCode);
        if (instanceType != null) {
            resource.put("instance_type", instanceType);
        }
        if (instanceSize != null) {
            resource.put("instance_size", instanceSize.doubleValue());
        }
        resource.put("ip_addresses", new ArrayList<>(ipAddresses));
        if (launchedAt != null) {
            resource.put("launched_at", launchedAt.toString());
        }
        resource.put("data", data);
        resource.put("metadata", Map.of());
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("resource_id", resourceId);
        reference.put("external_link", externalLink);
        resource.put("reference", reference);
        resource.put("tags", tags);
        return CollectedResource.success("inventory.CloudService", MATCH_RULES, resource);
    }
}
