package dev.canopy.plugin.grpc.notification;

import dev.canopy.plugin.api.notification.NotificationProtocolPlugin;
import dev.canopy.plugin.testkit.NotificationProtocolPluginContract;

import java.util.Map;

/** The notification protocol contract, in process. */
class SampleNotificationProtocolPluginTest extends NotificationProtocolPluginContract {

    /** Shared with the gRPC variant's server, so both can count deliveries. */
    static final SampleNotificationProtocolPlugin SAMPLE = new SampleNotificationProtocolPlugin();

    @Override
    protected NotificationProtocolPlugin plugin() {
        return SAMPLE;
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
        return Map.of("token", "");
    }

    @Override
    protected Map<String, Object> channelData() {
        return Map.of("email", "ops@example.com");
    }

    @Override
    protected Map<String, Object> badChannelData() {
        return Map.of("email", "nobody");
    }

    @Override
    protected long deliveredCount() {
        return SAMPLE.delivered.size();
    }
}
