package dev.canopy.plugin.grpc.auth;

import dev.canopy.plugin.api.auth.AuthPlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.LoopbackEndpoint;
import dev.canopy.plugin.grpc.ServedPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The authentication contract through {@link GrpcAuthPlugin} on loopback. */
class GrpcAuthPluginTest extends SampleAuthPluginTest {

    private static LoopbackEndpoint endpoint;

    @BeforeAll
    static void serve() {
        endpoint = LoopbackEndpoint.serve(new ServedPlugin(SampleAuthPlugin.DESCRIPTOR, new SampleAuthPlugin()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        endpoint.close();
    }

    @Override
    protected AuthPlugin plugin() {
        return new GrpcAuthPlugin(endpoint.channel(), GrpcPluginSettings.defaults());
    }
}
