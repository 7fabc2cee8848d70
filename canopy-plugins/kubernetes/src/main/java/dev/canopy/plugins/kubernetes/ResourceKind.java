package dev.canopy.plugins.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One kind of Kubernetes object the collector reads, and the cloud service type it becomes.
 *
 * @param type       the cloud service type ({@code Pod}); also the task option {@code kind}
 * @param group      the cloud service group ({@code Workload})
 * @param apiPath    the kind's API group path ({@code api/v1}, {@code apis/apps/v1})
 * @param plural     the kind's resource name in the API ({@code pods})
 * @param namespaced whether its objects live in namespaces
 * @param primary    shown first in its group's menu
 * @param labels     the type's labels ({@code Container}, {@code Compute}, ...)
 * @param lister     lists one page of the kind across all namespaces
 * @param details    what the kind adds to the common fields of a cloud service
 * @param view       the type's console layouts
 */
record ResourceKind<T extends HasMetadata>(
        String type,
        String group,
        String apiPath,
        String plural,
        boolean namespaced,
        boolean primary,
        List<String> labels,
        BiFunction<KubernetesClient, ListOptions, KubernetesResourceList<T>> lister,
        Function<T, ObjectDetails> details,
        TypeView view) {

    /** The object's API URL under the cluster's API server: its {@code external_link}. */
    String link(KubernetesCluster cluster, HasMetadata object) {
        String namespace = namespaced && object.getMetadata().getNamespace() != null
                ? "/namespaces/" + object.getMetadata().getNamespace() : "";
        return cluster.apiServerUrl() + "/" + apiPath + namespace + "/" + plural + "/" + object.getMetadata().getName();
    }
}
