package dev.canopy.plugin.grpc.cost;

import dev.canopy.plugin.api.cost.CostDataSourcePlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.LoopbackEndpoint;
import dev.canopy.plugin.grpc.ServedPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The cost data source contract through {@link GrpcCostDataSourcePlugin} on loopback. */
class GrpcCostDataSourcePluginTest extends SampleCostDataSourcePluginTest {

    private static LoopbackEndpoint endpoint;

    @BeforeAll
    static void serve() {
        endpoint = LoopbackEndpoint.serve(new ServedPlugin(SampleCostDataSourcePlugin.DESCRIPTOR, new SampleCostDataSourcePlugin()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        endpoint.close();
    }

    @Override
    protected CostDataSourcePlugin plugin() {
        return new GrpcCostDataSourcePlugin(endpoint.channel(), GrpcPluginSettings.defaults());
    }
}
