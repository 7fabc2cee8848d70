package dev.canopy.plugin.grpc.notification;

import dev.canopy.plugin.api.notification.NotificationProtocolPlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.LoopbackEndpoint;
import dev.canopy.plugin.grpc.ServedPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The notification protocol contract through {@link GrpcNotificationProtocolPlugin} on loopback. */
class GrpcNotificationProtocolPluginTest extends SampleNotificationProtocolPluginTest {

    private static LoopbackEndpoint endpoint;

    @BeforeAll
    static void serve() {
        endpoint = LoopbackEndpoint.serve(new ServedPlugin(SampleNotificationProtocolPlugin.DESCRIPTOR, SAMPLE));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        endpoint.close();
    }

    @Override
    protected NotificationProtocolPlugin plugin() {
        return new GrpcNotificationProtocolPlugin(endpoint.channel(), GrpcPluginSettings.defaults());
    }
}
