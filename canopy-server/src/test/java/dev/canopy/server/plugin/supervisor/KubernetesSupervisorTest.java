package dev.canopy.server.plugin.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.server.repository.PluginVersion;
import dev.canopy.server.repository.RegisteredPlugin;
import dev.canopy.server.repository.RegistryType;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

/** The Kubernetes supervisor against fabric8's mock API server, which keeps what it is sent. */
@EnableKubernetesMockClient(crud = true)
class KubernetesSupervisorTest {

    static KubernetesClient client;

    private final MutableClock clock = new MutableClock();
    private final RegisteredPlugin plugin = new RegisteredPlugin("plugin-example-inven-collector", "Example", PluginKind.COLLECTOR,
            RegistryType.MANAGED, true, List.of(new PluginVersion("1.2.0", null, null, "registry.example/canopy/example:1.2.0")));

    private KubernetesSupervisor supervisor(Duration startup) {
        return new KubernetesSupervisor(client, "canopy-plugins", "cluster.local", 50051, startup, Duration.ofMinutes(10), clock);
    }

    @Test
    void deploysAServiceAndDeploymentAndWaitsUntilReady() throws Exception {
        KubernetesSupervisor supervisor = supervisor(Duration.ofSeconds(20));
        CompletableFuture<PluginEndpoint> ensured = CompletableFuture.supplyAsync(() ->
                supervisor.ensure(plugin, plugin.versions().get(0)));

        String name = KubernetesSupervisor.workloadName(plugin.pluginId(), "1.2.0");
        Deployment deployment = await(() -> client.apps().deployments().inNamespace("canopy-plugins").withName(name).get());
        assertThat(ensured).isNotDone();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example/canopy/example:1.2.0");
        assertThat(container.getArgs()).containsExactly("--port=50051", "--host=0.0.0.0");
        assertThat(container.getReadinessProbe().getGrpc().getPort()).isEqualTo(50051);
        assertThat(container.getLivenessProbe().getGrpc().getPort()).isEqualTo(50051);
        assertThat(deployment.getMetadata().getLabels()).containsEntry("canopy.dev/plugin-id", plugin.pluginId())
                .containsEntry("canopy.dev/plugin-version", "1.2.0");
        Service service = await(() -> client.services().inNamespace("canopy-plugins").withName(name).get());
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(50051);

        deployment.setStatus(new DeploymentStatusBuilder().withReplicas(1).withReadyReplicas(1).build());
        client.apps().deployments().inNamespace("canopy-plugins").resource(deployment).updateStatus();

        PluginEndpoint endpoint = ensured.get(20, TimeUnit.SECONDS);
        assertThat(endpoint.target()).isEqualTo(name + ".canopy-plugins.svc.cluster.local:50051");
        assertThat(supervisor.installed()).singleElement().satisfies(installed -> {
            assertThat(installed.state()).isEqualTo("ACTIVE");
            assertThat(installed.endpoint()).isEqualTo("grpc://" + endpoint.target());
        });
        // Ready already: a second call does not wait.
        assertThat(supervisor.ensure(plugin, plugin.versions().get(0))).isEqualTo(endpoint);

        clock.advance(Duration.ofMinutes(9));
        supervisor.check();
        assertThat(client.apps().deployments().inNamespace("canopy-plugins").withName(name).get()).isNotNull();
        clock.advance(Duration.ofMinutes(2));
        supervisor.check();
        assertThat(client.apps().deployments().inNamespace("canopy-plugins").withName(name).get()).isNull();
        assertThat(client.services().inNamespace("canopy-plugins").withName(name).get()).isNull();
        assertThat(supervisor.installed()).isEmpty();
    }

    @Test
    void aPluginThatNeverBecomesReadyFailsAsUnavailable() {
        KubernetesSupervisor supervisor = supervisor(Duration.ofMillis(500));
        RegisteredPlugin other = new RegisteredPlugin("plugin-never-ready", "Never", PluginKind.COLLECTOR, RegistryType.MANAGED, true,
                List.of(new PluginVersion("0.1.0", null, null, "registry.example/never:0.1.0")));

        assertThatThrownBy(() -> supervisor.ensure(other, other.versions().get(0)))
                .isInstanceOfSatisfying(PluginException.class, failed -> {
                    assertThat(failed.failure()).isEqualTo(PluginFailure.UNAVAILABLE);
                    assertThat(failed.getMessage()).contains("was not ready");
                });
    }

    @Test
    void workloadNamesAreDnsLabels() {
        String name = KubernetesSupervisor.workloadName("plugin-with-a-really-long-identifier-that-goes-on-and-on", "10.20.30-rc.1");
        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(name).isNotEqualTo(KubernetesSupervisor.workloadName("plugin-with-a-really-long-identifier-that-goes-on-and-on",
                "10.20.30-rc.2"));
    }

    /** What the supervisor writes from another thread, once it is there. */
    private static <T> T await(Supplier<T> read) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            T value = read.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not written within 10 s");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
