package dev.canopy.plugin.api;

/**
 * Creates a plugin. Each kind has its own factory interface so that {@link java.util.ServiceLoader}
 * finds plugins of that kind: list the implementation in
 * {@code META-INF/services/dev.canopy.plugin.api.<kind>.<Kind>PluginFactory}.
 */
public interface PluginFactory<P extends Plugin> {

    PluginDescriptor descriptor();

    P create();
}
