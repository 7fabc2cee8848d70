package dev.canopy.plugin.grpc.webhook;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.webhook.ParsedEvent;
import dev.canopy.plugin.api.webhook.WebhookPlugin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A webhook for the contract tests: reads {@code {alerts: [{id, status, name, severity}]}}. */
public final class SampleWebhookPlugin implements WebhookPlugin {

    public static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("plugin-sample-mon-webhook",
            "Sample webhook", "1.0.0", PluginKind.WEBHOOK, null, Map.of(), List.of(), Map.of());

    @Override
    public PluginMetadata init(Map<String, Object> options) {
        return PluginMetadata.of(Map.of("duplicate_event_time", 60L));
    }

    @Override
    public void verify(Map<String, Object> options, Map<String, Object> secretData) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public Stream<ParsedEvent> parseEvent(Map<String, Object> options, Map<String, Object> data) {
        if (!(data.get("alerts") instanceof List<?> alerts)) {
            throw PluginException.rejected("body has no alerts");
        }
        return alerts.stream().map(alert -> {
            Map<String, Object> fields = (Map<String, Object>) alert;
            return new ParsedEvent("sample-" + fields.get("id"),
                    "resolved".equals(fields.get("status")) ? "RECOVERY" : "ALERT",
                    (String) fields.get("name"), "from the sample monitor", (String) fields.get("severity"),
                    Map.of("resource_id", "i-" + fields.get("id"), "resource_type", "inventory.CloudService"),
                    "rule-1", Instant.parse("2024-05-01T10:15:30Z"), Map.of("raw_status", fields.get("status")));
        });
    }
}
