package dev.canopy.plugins.kubernetes;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The inventory collector of a Kubernetes cluster ({@code plugin-kubernetes-inven-collector}): namespaces and
 * nodes (group {@code Cluster}), pods and deployments ({@code Workload}) and services ({@code Network}), each
 * kind with its cloud service type, and the cluster itself as the region.
 * <p>
 * Credentials are those of {@link ClusterCredentials}. {@code tasks} gives one task per kind,
 * {@code {"kind": "Pod"}}: the split needs no call to the cluster, a kind the credentials may not list fails
 * alone, and each kind is listed a page at a time across all namespaces, so a big cluster costs a few calls
 * per kind rather than one per namespace. Stateless and thread-safe: each call opens its own client, and a
 * collection's stream closes it.
 */
public final class KubernetesCollectorPlugin implements CollectorPlugin {

    @Override
    public PluginMetadata init(Map<String, Object> options) {
        KubernetesCollectorOptions.parse(options);
        return PluginMetadata.of(Map.of(
                "supported_resource_type", List.of(KubernetesInventory.CLOUD_SERVICE,
                        KubernetesInventory.CLOUD_SERVICE_TYPE, KubernetesInventory.REGION),
                "supported_schedules", List.of("hours"),
                "supported_features", List.of("garbage_collection"),
                "filter_format", List.of(),
                "options_schema", KubernetesCollectorOptions.schema()));
    }

    /** Lists one namespace: refused or unusable credentials, and a cluster out of reach, are {@code REJECTED}. */
    @Override
    public void verify(Map<String, Object> options, Map<String, Object> secretData) {
        KubernetesCollectorOptions.parse(options);
        ClusterCredentials credentials = ClusterCredentials.parse(secretData);
        try (KubernetesClient client = credentials.connect()) {
            client.namespaces().list(new ListOptionsBuilder().withLimit(1L).build());
        } catch (KubernetesClientException failure) {
            if (ApiFailure.unauthorized(failure)) {
                throw PluginException.rejected("the API server refused the credentials: " + ApiFailure.describe(failure));
            }
            if (ApiFailure.forbidden(failure)) {
                throw PluginException.rejected("the credentials may not list namespaces: " + ApiFailure.describe(failure));
            }
            if (ApiFailure.unreachable(failure)) {
                throw PluginException.rejected("the API server at " + credentials.config().getMasterUrl()
                        + " cannot be reached: " + ApiFailure.describe(failure));
            }
            throw new PluginException(PluginFailure.INTERNAL, "listing namespaces failed: " + ApiFailure.describe(failure));
        }
    }

    @Override
    public List<CollectTask> tasks(CollectRequest request) {
        KubernetesCollectorOptions.parse(request.options());
        return KubernetesInventory.KINDS.stream()
                .map(kind -> new CollectTask(Map.of("kind", kind.type())))
                .toList();
    }

    @Override
    public Stream<CollectedResource> collect(CollectRequest request) {
        KubernetesCollectorOptions options = KubernetesCollectorOptions.parse(request.options());
        List<ResourceKind<?>> kinds = kinds(request.taskOptions());
        ClusterCredentials credentials = ClusterCredentials.parse(request.secretData());
        KubernetesCluster cluster = new KubernetesCluster(clusterName(request, options, credentials),
                credentials.config().getMasterUrl());
        KubernetesClient client = credentials.connect();
        try {
            List<Iterator<CollectedResource>> parts = new ArrayList<>();
            parts.add(List.of(KubernetesInventory.region(cluster)).iterator());
            for (ResourceKind<?> kind : kinds) {
                parts.add(List.of(KubernetesInventory.cloudServiceType(kind)).iterator());
                parts.add(new PagedObjects<>(client, cluster, kind, options.pageSize()));
            }
            Iterator<CollectedResource> items = new Concatenation(parts.iterator());
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false)
                    .onClose(client::close);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The task's kind, or every kind for a collection of the whole cluster. */
    private static List<ResourceKind<?>> kinds(Map<String, Object> taskOptions) {
        Object kind = taskOptions.get("kind");
        if (kind == null) {
            return KubernetesInventory.KINDS;
        }
        return KubernetesInventory.kind(String.valueOf(kind)).<List<ResourceKind<?>>>map(List::of)
                .orElseThrow(() -> PluginException.rejected("task kind " + kind + " is not one the collector reads"));
    }

    /** Secret data {@code cluster_name} (the service account's), option {@code cluster_name}, else the credentials'. */
    private static String clusterName(CollectRequest request, KubernetesCollectorOptions options, ClusterCredentials credentials) {
        if (request.secretData().get("cluster_name") instanceof String name && !name.isBlank()) {
            return name.strip();
        }
        return options.clusterName() != null ? options.clusterName().strip() : credentials.clusterName();
    }

    /** The items of each part in turn; a part is read only once the previous one is exhausted. */
    private static final class Concatenation implements Iterator<CollectedResource> {

        private final Iterator<Iterator<CollectedResource>> parts;
        private Iterator<CollectedResource> current = List.<CollectedResource>of().iterator();

        Concatenation(Iterator<Iterator<CollectedResource>> parts) {
            this.parts = parts;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!parts.hasNext()) {
                    return false;
                }
                current = parts.next();
            }
            return true;
        }

        @Override
        public CollectedResource next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
