package dev.canopy.plugin.api.notification;

import dev.canopy.plugin.api.Plugin;

/** Notification protocol: delivers a message to one channel (e-mail, Slack, a webhook, ...). */
public interface NotificationProtocolPlugin extends Plugin {

    /** Sends the message; throws {@link dev.canopy.plugin.api.PluginException} when it cannot. */
    void dispatch(DispatchRequest request);
}
