package dev.canopy.plugin.api.webhook;

import dev.canopy.plugin.api.PluginFactory;

/** Found by {@link java.util.ServiceLoader} for in-process webhooks. */
public interface WebhookPluginFactory extends PluginFactory<WebhookPlugin> {
}
