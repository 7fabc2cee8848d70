package dev.canopy.plugin.testkit;

import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.notification.DispatchRequest;
import dev.canopy.plugin.api.notification.NotificationProtocolPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.canopy.plugin.testkit.ContractAssertions.assertJsonObject;
import static dev.canopy.plugin.testkit.ContractAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a notification protocol: {@code init} answers {@code data_type} (PLAIN_TEXT or
 * SECRET) and the JSON schema of channel data under {@code data.schema}; {@code verify} passes with
 * good credentials and rejects bad ones; a message of each notification type is dispatched (and
 * delivered, when the test can tell); a bad channel or bad credentials are rejected.
 */
@Timeout(60)
public abstract class NotificationProtocolPluginContract {

    public static final Set<String> DATA_TYPES = Set.of("PLAIN_TEXT", "SECRET");
    public static final List<String> NOTIFICATION_TYPES = List.of("INFO", "ERROR", "SUCCESS", "WARNING");

    protected abstract NotificationProtocolPlugin plugin();

    protected abstract Map<String, Object> options();

    protected abstract Map<String, Object> secretData();

    protected abstract Map<String, Object> badSecretData();

    /** A recipient that works. */
    protected abstract Map<String, Object> channelData();

    /** A recipient the protocol must reject. */
    protected abstract Map<String, Object> badChannelData();

    /** A message to send: {@code {title, description, ...}}. */
    protected Map<String, Object> message() {
        return Map.of("title", "Canopy contract test", "description", "A message from the plugin contract test.");
    }

    /** How many messages were delivered so far, or -1 when the test cannot tell. */
    protected long deliveredCount() {
        return -1;
    }

    @Test
    void initAnswersTheDataTypeAndTheChannelSchema() {
        PluginMetadata metadata = plugin().init(options());
        assertJsonObject("init metadata", metadata.values());
        assertThat(DATA_TYPES).as("data_type").contains((String) metadata.values().get("data_type"));
        assertThat(metadata.values().get("data")).as("data").isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) metadata.values().get("data")).get("schema")).as("data.schema").isInstanceOf(Map.class);
    }

    @Test
    void verifyPassesWithGoodCredentials() {
        plugin().verify(options(), secretData());
    }

    @Test
    void verifyRejectsBadCredentials() {
        assertRejected("verify with bad secret data", () -> plugin().verify(options(), badSecretData()));
    }

    @Test
    void messagesOfEveryTypeAreDispatched() {
        NotificationProtocolPlugin plugin = plugin();
        long before = deliveredCount();
        for (String type : NOTIFICATION_TYPES) {
            plugin.dispatch(new DispatchRequest(options(), secretData(), channelData(), message(), type));
        }
        if (before >= 0) {
            assertThat(deliveredCount()).as("messages delivered").isEqualTo(before + NOTIFICATION_TYPES.size());
        }
    }

    @Test
    void aBadChannelIsRejected() {
        assertRejected("dispatch to a bad channel", () -> plugin().dispatch(
                new DispatchRequest(options(), secretData(), badChannelData(), message(), "INFO")));
    }

    @Test
    void badCredentialsAreRejectedOnDispatch() {
        assertRejected("dispatch with bad secret data", () -> plugin().dispatch(
                new DispatchRequest(options(), badSecretData(), channelData(), message(), "INFO")));
    }
}
