package dev.canopy.plugin.grpc.collector;

import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.testkit.CollectorPluginContract;

import java.util.Map;

/** The collector contract, in process: the baseline that {@link GrpcCollectorPluginTest} must match. */
class SampleCollectorPluginTest extends CollectorPluginContract {

    @Override
    protected CollectorPlugin plugin() {
        return new SampleCollectorPlugin();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of();
    }

    @Override
    protected Map<String, Object> secretData() {
        return Map.of("token", "sample-token");
    }

    @Override
    protected Map<String, Object> badSecretData() {
        return Map.of("token", " ");
    }

    @Override
    protected Map<String, Object> badOptions() {
        return Map.of("count", -1);
    }
}
