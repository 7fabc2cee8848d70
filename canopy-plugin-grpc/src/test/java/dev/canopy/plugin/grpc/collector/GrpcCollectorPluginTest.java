package dev.canopy.plugin.grpc.collector;

import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.LoopbackEndpoint;
import dev.canopy.plugin.grpc.ServedPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The collector contract through {@link GrpcCollectorPlugin} and a real Netty server on loopback. */
class GrpcCollectorPluginTest extends SampleCollectorPluginTest {

    private static LoopbackEndpoint endpoint;

    @BeforeAll
    static void serve() {
        endpoint = LoopbackEndpoint.serve(new ServedPlugin(SampleCollectorPlugin.DESCRIPTOR, new SampleCollectorPlugin()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        endpoint.close();
    }

    @Override
    protected CollectorPlugin plugin() {
        return new GrpcCollectorPlugin(endpoint.channel(), GrpcPluginSettings.defaults());
    }
}
