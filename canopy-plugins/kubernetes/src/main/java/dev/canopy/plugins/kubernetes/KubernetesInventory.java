package dev.canopy.plugins.kubernetes;

import dev.canopy.plugin.api.collector.CollectedResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds the collector reads and the items they become: a cloud service type per kind, the cluster as
 * a region, a cloud service per object and an error resource per part that failed.
 */
final class KubernetesInventory {

    static final String PROVIDER = "kubernetes";
    static final String CLOUD_SERVICE = "inventory.CloudService";
    static final String CLOUD_SERVICE_TYPE = "inventory.CloudServiceType";
    static final String REGION = "inventory.Region";
    static final String ERROR_RESOURCE = "inventory.ErrorResource";

    static final List<List<String>> CLOUD_SERVICE_MATCH_RULES =
            List.of(List.of("reference.resource_id", "provider", "cloud_service_type", "cloud_service_group"));
    static final List<List<String>> CLOUD_SERVICE_TYPE_MATCH_RULES = List.of(List.of("name", "group", "provider"));
    static final List<List<String>> REGION_MATCH_RULES = List.of(List.of("region_code", "provider"));

    /** Every kind, in collection order: cluster-scoped first, then workloads, then the network. */
    static final List<ResourceKind<?>> KINDS = List.of(
            Namespaces.KIND, Nodes.KIND, Pods.KIND, Deployments.KIND, Services.KIND);

    private KubernetesInventory() {
    }

    static Optional<ResourceKind<?>> kind(String type) {
        return KINDS.stream().filter(kind -> kind.type().equals(type)).findFirst();
    }

    static CollectedResource cloudServiceType(ResourceKind<?> kind) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", kind.type());
        resource.put("group", kind.group());
        resource.put("provider", PROVIDER);
        resource.put("service_code", "Kubernetes");
        resource.put("is_primary", kind.primary());
        resource.put("is_major", true);
        resource.put("resource_type", CLOUD_SERVICE);
        resource.put("labels", kind.labels());
        resource.put("tags", Map.of());
        resource.put("metadata", kind.view().metadata(kind.type()));
        return CollectedResource.success(CLOUD_SERVICE_TYPE, CLOUD_SERVICE_TYPE_MATCH_RULES, resource);
    }

    /** The cluster as a region: every item of a cluster has its name as {@code region_code}. */
    static CollectedResource region(KubernetesCluster cluster) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", cluster.name());
        resource.put("region_code", cluster.name());
        resource.put("provider", PROVIDER);
        resource.put("tags", Map.of());
        return CollectedResource.success(REGION, REGION_MATCH_RULES, resource);
    }

    static <T extends HasMetadata> CollectedResource cloudService(KubernetesCluster cluster, ResourceKind<T> kind, T object) {
        ObjectMeta metadata = object.getMetadata();
        ObjectDetails details = kind.details().apply(object);

        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", metadata.getName());
        resource.put("cloud_service_group", kind.group());
        resource.put("cloud_service_type", kind.type());
        resource.put("provider", PROVIDER);
        resource.put("account", cluster.name());
        resource.put("region_code", cluster.name());
        if (details.instanceType() != null) {
            resource.put("instance_type", details.instanceType());
        }
        if (details.instanceSize() != null) {
            resource.put("instance_size", details.instanceSize());
        }
        resource.put("ip_addresses", details.ipAddresses());
        String launchedAt = JsonValues.instant(metadata.getCreationTimestamp());
        if (launchedAt != null) {
            resource.put("launched_at", launchedAt);
        }
        resource.put("data", details.data());
        resource.put("metadata", Map.of());
        resource.put("reference", Map.of("resource_id", resourceId(kind, metadata), "external_link", kind.link(cluster, object)));
        resource.put("tags", JsonValues.strings(metadata.getLabels()));
        return CollectedResource.success(CLOUD_SERVICE, CLOUD_SERVICE_MATCH_RULES, resource);
    }

    /** One failed part of a collection: a kind the credentials may not list, an object that could not be read. */
    static CollectedResource error(KubernetesCluster cluster, ResourceKind<?> kind, String message) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("provider", PROVIDER);
        resource.put("cloud_service_group", kind.group());
        resource.put("cloud_service_type", kind.type());
        resource.put("region_code", cluster.name());
        return CollectedResource.failure(ERROR_RESOURCE, message, resource);
    }

    /** The object's uid, unique in the cluster over time; its API path should the API server leave it out. */
    private static String resourceId(ResourceKind<?> kind, ObjectMeta metadata) {
        if (metadata.getUid() != null && !metadata.getUid().isBlank()) {
            return metadata.getUid();
        }
        return kind.plural() + "/" + (metadata.getNamespace() == null ? "" : metadata.getNamespace() + "/") + metadata.getName();
    }
}
