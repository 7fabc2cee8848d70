package dev.canopy.plugin.grpc.webhook;

import dev.canopy.plugin.api.webhook.WebhookPlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.LoopbackEndpoint;
import dev.canopy.plugin.grpc.ServedPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The webhook contract through {@link GrpcWebhookPlugin} on loopback. */
class GrpcWebhookPluginTest extends SampleWebhookPluginTest {

    private static LoopbackEndpoint endpoint;

    @BeforeAll
    static void serve() {
        endpoint = LoopbackEndpoint.serve(new ServedPlugin(SampleWebhookPlugin.DESCRIPTOR, new SampleWebhookPlugin()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        endpoint.close();
    }

    @Override
    protected WebhookPlugin plugin() {
        return new GrpcWebhookPlugin(endpoint.channel(), GrpcPluginSettings.defaults());
    }
}
