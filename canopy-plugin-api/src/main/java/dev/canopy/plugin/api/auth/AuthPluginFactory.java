package dev.canopy.plugin.api.auth;

import dev.canopy.plugin.api.PluginFactory;

/** Found by {@link java.util.ServiceLoader} for in-process authentication plugins. */
public interface AuthPluginFactory extends PluginFactory<AuthPlugin> {
}
