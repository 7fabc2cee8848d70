package dev.canopy.plugin.api.notification;

import java.util.Map;

/**
 * One message to deliver.
 *
 * @param channelData      the recipient: an address, a channel, a URL, as the protocol's schema says
 * @param message          {@code {title, description, link, contents, content_type, tags, occurred_at, ...}}
 * @param notificationType INFO, ERROR, SUCCESS or WARNING
 */
public record DispatchRequest(
        Map<String, Object> options,
        Map<String, Object> secretData,
        Map<String, Object> channelData,
        Map<String, Object> message,
        String notificationType) {

    public DispatchRequest {
        options = options == null ? Map.of() : options;
        secretData = secretData == null ? Map.of() : secretData;
        channelData = channelData == null ? Map.of() : channelData;
        message = message == null ? Map.of() : message;
    }
}
