package dev.canopy.plugins.kubernetes;

/**
 * The cluster a collection reads: its name is the {@code account} and the {@code region_code} of every item.
 *
 * @param name         from secret data {@code cluster_name}, option {@code cluster_name}, the kubeconfig context's
 *                     cluster or the API server's host name, the first given
 * @param apiServerUrl the API server, without a trailing slash: the base of each item's {@code external_link}
 */
record KubernetesCluster(String name, String apiServerUrl) {

    KubernetesCluster {
        apiServerUrl = apiServerUrl.endsWith("/") ? apiServerUrl.substring(0, apiServerUrl.length() - 1) : apiServerUrl;
    }
}
