package dev.canopy.plugin.grpc.monitoring;

import dev.canopy.plugin.api.monitoring.MonitoringDataSourcePlugin;
import dev.canopy.plugin.testkit.MonitoringDataSourcePluginContract;

import java.util.Map;

/** The monitoring data source contract, in process. */
class SampleMonitoringDataSourcePluginTest extends MonitoringDataSourcePluginContract {

    @Override
    protected MonitoringDataSourcePlugin plugin() {
        return new SampleMonitoringDataSourcePlugin();
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
        return Map.of();
    }

    @Override
    protected Map<String, Object> query() {
        return Map.of("resources", java.util.List.of("i-1", "i-2"));
    }
}
