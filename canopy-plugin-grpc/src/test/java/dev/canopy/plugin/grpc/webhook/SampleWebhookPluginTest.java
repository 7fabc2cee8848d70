package dev.canopy.plugin.grpc.webhook;

import dev.canopy.plugin.api.webhook.WebhookPlugin;
import dev.canopy.plugin.testkit.WebhookPluginContract;

import java.util.List;
import java.util.Map;

/** The webhook contract, in process. */
class SampleWebhookPluginTest extends WebhookPluginContract {

    @Override
    protected WebhookPlugin plugin() {
        return new SampleWebhookPlugin();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of();
    }

    @Override
    protected List<Map<String, Object>> sampleBodies() {
        return List.of(
                Map.of("alerts", List.of(Map.of("id", 1L, "status", "firing", "name", "CPU high", "severity", "CRITICAL"))),
                Map.of("alerts", List.of(
                        Map.of("id", 2L, "status", "firing", "name", "Disk full", "severity", "WARNING"),
                        Map.of("id", 1L, "status", "resolved", "name", "CPU high", "severity", "INFO"))));
    }

    @Override
    protected Map<String, Object> unreadableBody() {
        return Map.of("text", "not an alert");
    }
}
