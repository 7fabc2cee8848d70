package dev.canopy.plugin.grpc.monitoring;

import dev.canopy.plugin.api.monitoring.MonitoringDataSourcePlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.LoopbackEndpoint;
import dev.canopy.plugin.grpc.ServedPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The monitoring data source contract through {@link GrpcMonitoringDataSourcePlugin} on loopback. */
class GrpcMonitoringDataSourcePluginTest extends SampleMonitoringDataSourcePluginTest {

    private static LoopbackEndpoint endpoint;

    @BeforeAll
    static void serve() {
        endpoint = LoopbackEndpoint.serve(new ServedPlugin(SampleMonitoringDataSourcePlugin.DESCRIPTOR,
                new SampleMonitoringDataSourcePlugin()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        endpoint.close();
    }

    @Override
    protected MonitoringDataSourcePlugin plugin() {
        return new GrpcMonitoringDataSourcePlugin(endpoint.channel(), GrpcPluginSettings.defaults());
    }
}
