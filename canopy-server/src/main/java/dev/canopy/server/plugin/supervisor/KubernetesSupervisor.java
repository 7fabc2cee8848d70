package dev.canopy.server.plugin.supervisor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.server.repository.PluginVersion;
import dev.canopy.server.repository.RegisteredPlugin;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs managed plugins on Kubernetes: one Deployment and one ClusterIP Service per plugin version,
 * the container listening on the plugin port with gRPC readiness and liveness probes, so that
 * Kubernetes itself restarts a plugin that dies. A plugin version not called for the idle time has
 * both deleted.
 */
public final class KubernetesSupervisor implements Supervisor {

    static final String MANAGED_BY = "canopy";
    private static final Logger log = LoggerFactory.getLogger(KubernetesSupervisor.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String clusterDomain;
    private final int port;
    private final Duration startupTimeout;
    private final Duration idleStop;
    private final Clock clock;
    private final Map<String, Installed> installed = new ConcurrentHashMap<>();

    public KubernetesSupervisor(KubernetesClient client, String namespace, String clusterDomain, int port,
                                Duration startupTimeout, Duration idleStop, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.clusterDomain = clusterDomain;
        this.port = port;
        this.startupTimeout = startupTimeout;
        this.idleStop = idleStop;
        this.clock = clock;
    }

    @Override
    public PluginEndpoint ensure(RegisteredPlugin plugin, PluginVersion version) {
        if (version.image() == null) {
            throw new PluginException(PluginFailure.UNAVAILABLE, "plugin " + plugin.pluginId() + " " + version.version()
                    + " has no container image to run on Kubernetes");
        }
        String name = workloadName(plugin.pluginId(), version.version());
        Installed entry = installed.computeIfAbsent(name, key -> new Installed(plugin.pluginId(), version.version(), name));
        entry.lastCalledAt = clock.instant();
        synchronized (entry) {
            if (!entry.ready) {
                install(plugin, version, name);
                awaitReady(plugin, name);
                entry.ready = true;
            }
        }
        return endpoint(name);
    }

    PluginEndpoint endpoint(String name) {
        return new PluginEndpoint(name + "." + namespace + ".svc." + clusterDomain, port);
    }

    private void install(RegisteredPlugin plugin, PluginVersion version, String name) {
        Map<String, String> labels = Map.of(
                "app.kubernetes.io/name", name,
                "app.kubernetes.io/managed-by", MANAGED_BY,
                "canopy.dev/plugin-id", plugin.pluginId(),
                "canopy.dev/plugin-version", version.version());
        Deployment deployment = new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector().withMatchLabels(Map.of("app.kubernetes.io/name", name)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("plugin")
                .withImage(version.image())
                .withArgs("--port=" + port, "--host=0.0.0.0")
                .addNewPort().withName("grpc").withContainerPort(port).endPort()
                .withNewReadinessProbe().withNewGrpc().withPort(port).endGrpc().withPeriodSeconds(5).endReadinessProbe()
                .withNewLivenessProbe().withNewGrpc().withPort(port).endGrpc().withPeriodSeconds(10)
                .withFailureThreshold(3).endLivenessProbe()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        Service service = new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Map.of("app.kubernetes.io/name", name))
                .addNewPort().withName("grpc").withPort(port).withTargetPort(new IntOrString("grpc")).endPort()
                .endSpec()
                .build();
        try {
            client.apps().deployments().inNamespace(namespace).resource(deployment).createOr(existing -> existing.update());
            client.services().inNamespace(namespace).resource(service).createOr(existing -> existing.update());
            log.info("Managed plugin {} {} deployed to Kubernetes as {}/{}", plugin.pluginId(), version.version(), namespace, name);
        } catch (KubernetesClientException refused) {
            throw new PluginException(PluginFailure.UNAVAILABLE, "plugin " + plugin.pluginId() + " could not be deployed: "
                    + refused.getStatus().getMessage());
        }
    }

    private void awaitReady(RegisteredPlugin plugin, String name) {
        try {
            client.apps().deployments().inNamespace(namespace).withName(name).waitUntilCondition(
                    deployment -> deployment != null && deployment.getStatus() != null
                            && deployment.getStatus().getReadyReplicas() != null && deployment.getStatus().getReadyReplicas() > 0,
                    startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientException | IllegalStateException notReady) {
            throw new PluginException(PluginFailure.UNAVAILABLE, "plugin " + plugin.pluginId() + " was not ready within "
                    + startupTimeout.toSeconds() + " s on Kubernetes (deployment " + namespace + "/" + name + ")");
        }
    }

    @Override
    public List<InstalledPlugin> installed() {
        return installed.values().stream().map(entry -> {
            Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(entry.name).get();
            Integer ready = deployment != null && deployment.getStatus() != null ? deployment.getStatus().getReadyReplicas() : null;
            String state = deployment == null ? "STOPPED" : ready != null && ready > 0 ? "ACTIVE" : "STARTING";
            return new InstalledPlugin(entry.pluginId, entry.version, state, "grpc://" + endpoint(entry.name).target(), null,
                    0, entry.createdAt, entry.lastCalledAt, null);
        }).toList();
    }

    @Override
    public boolean stop(String pluginId, String version) {
        Installed entry = installed.remove(workloadName(pluginId, version));
        if (entry == null) {
            return false;
        }
        uninstall(entry.name);
        return true;
    }

    @Override
    public void check() {
        Instant now = clock.instant();
        for (Installed entry : List.copyOf(installed.values())) {
            if (Duration.between(entry.lastCalledAt, now).compareTo(idleStop) >= 0 && installed.remove(entry.name, entry)) {
                log.info("Managed plugin {} {} was not called for {}; removing it from Kubernetes", entry.pluginId, entry.version, idleStop);
                uninstall(entry.name);
            }
        }
    }

    private void uninstall(String name) {
        client.services().inNamespace(namespace).withName(name).delete();
        client.apps().deployments().inNamespace(namespace).withName(name).delete();
    }

    /** Workloads are left running when the server stops: other instances may use them, and idle ones go on the next check. */
    @Override
    public void close() {
        client.close();
    }

    /** A DNS label: readable, at most 63 characters, unique through a hash of the exact id and version. */
    static String workloadName(String pluginId, String version) {
        String readable = ("cp-" + pluginId + "-" + version).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String hash = hash(pluginId + "@" + version);
        int room = 63 - hash.length() - 1;
        readable = readable.length() > room ? readable.substring(0, room) : readable;
        return readable.replaceAll("-+$", "") + "-" + hash;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private final class Installed {
        final String pluginId;
        final String version;
        final String name;
        final Instant createdAt = clock.instant();
        volatile Instant lastCalledAt = clock.instant();
        volatile boolean ready;

        Installed(String pluginId, String version, String name) {
            this.pluginId = pluginId;
            this.version = version;
            this.name = name;
        }
    }
}
