package dev.canopy.plugins.kubernetes;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.api.collector.CollectorPluginFactory;

import java.util.List;
import java.util.Map;

/** Listed in {@code META-INF/services}: what the SDK's main and in-process hosts find. */
public final class KubernetesCollectorPluginFactory implements CollectorPluginFactory {

    public static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "plugin-kubernetes-inven-collector", "Kubernetes collector", "1.0.0", PluginKind.COLLECTOR,
            KubernetesInventory.PROVIDER,
            Map.of("supported_schema", List.of("kubernetes_kubeconfig", "kubernetes_token")),
            List.of("Container", "Kubernetes"),
            Map.of("description", "Collects the namespaces, nodes, pods, deployments and services of a Kubernetes cluster"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CollectorPlugin create() {
        return new KubernetesCollectorPlugin();
    }
}
