package dev.canopy.server.plugin;

import dev.canopy.plugin.api.Plugin;

/**
 * A plugin opened for calls, whether it runs in process, remotely or under the supervisor; close it
 * when done. {@code version} is the version resolved (the newest one for AUTO upgrade).
 */
public record PluginSession<P extends Plugin>(String pluginId, String version, P plugin) implements AutoCloseable {

    @Override
    public void close() {
        plugin.close();
    }
}
