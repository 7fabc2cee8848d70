package dev.canopy.plugins.kubernetes;

import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.api.collector.CollectorPluginFactory;
import dev.canopy.plugin.testkit.CollectorPluginContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The collector contract against the fake cluster, with a server and token, two objects a page. */
class KubernetesCollectorPluginTest extends CollectorPluginContract {

    private static FakeCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = FakeCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Override
    protected CollectorPlugin plugin() {
        return new KubernetesCollectorPlugin();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("cluster_name", "prod-eu-1", "page_size", 2);
    }

    @Override
    protected Map<String, Object> secretData() {
        return cluster.tokenSecret();
    }

    @Override
    protected Map<String, Object> badSecretData() {
        return Map.of("server", cluster.url(), "token", "revoked-token");
    }

    @Override
    protected Map<String, Object> badOptions() {
        return Map.of("page_size", 0);
    }

    @Test
    void theFactoryIsFoundByServiceLoader() {
        assertThat(ServiceLoader.load(CollectorPluginFactory.class).stream().map(provider -> provider.get().descriptor()))
                .anySatisfy(descriptor -> {
                    assertThat(descriptor.pluginId()).isEqualTo("plugin-kubernetes-inven-collector");
                    assertThat(descriptor.provider()).isEqualTo("kubernetes");
                });
    }
}
