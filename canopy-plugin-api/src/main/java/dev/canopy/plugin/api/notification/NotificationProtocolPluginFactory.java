package dev.canopy.plugin.api.notification;

import dev.canopy.plugin.api.PluginFactory;

/** Found by {@link java.util.ServiceLoader} for in-process notification protocols. */
public interface NotificationProtocolPluginFactory extends PluginFactory<NotificationProtocolPlugin> {
}
