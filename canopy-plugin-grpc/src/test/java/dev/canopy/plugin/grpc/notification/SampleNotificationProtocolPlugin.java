package dev.canopy.plugin.grpc.notification;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.notification.DispatchRequest;
import dev.canopy.plugin.api.notification.NotificationProtocolPlugin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A protocol for the contract tests: "delivers" to a list, to addresses that contain {@code @}. */
public final class SampleNotificationProtocolPlugin implements NotificationProtocolPlugin {

    public static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("plugin-sample-noti-protocol",
            "Sample protocol", "1.0.0", PluginKind.NOTIFICATION_PROTOCOL, null, Map.of("data_type", "PLAIN_TEXT"),
            List.of(), Map.of());

    public final List<DispatchRequest> delivered = new CopyOnWriteArrayList<>();

    @Override
    public PluginMetadata init(Map<String, Object> options) {
        return PluginMetadata.of(Map.of("data_type", "PLAIN_TEXT", "data", Map.of("schema", Map.of(
                "type", "object", "required", List.of("email"),
                "properties", Map.of("email", Map.of("type", "string", "title", "E-mail address"))))));
    }

    @Override
    public void verify(Map<String, Object> options, Map<String, Object> secretData) {
        requireToken(secretData);
    }

    @Override
    public void dispatch(DispatchRequest request) {
        requireToken(request.secretData());
        if (!(request.channelData().get("email") instanceof String email) || !email.contains("@")) {
            throw PluginException.rejected("channel data needs an e-mail address");
        }
        delivered.add(request);
    }

    private static void requireToken(Map<String, Object> secretData) {
        if (!(secretData.get("token") instanceof String token) || token.isBlank()) {
            throw PluginException.rejected("secret data needs a token");
        }
    }
}
