package dev.canopy.server.plugin;

import dev.canopy.plugin.api.Plugin;
import dev.canopy.plugin.api.PluginKind;

/** Reaches a plugin that listens for gRPC, through the host-side adapter of its kind. */
interface RemotePlugins extends AutoCloseable {

    /** An adapter for the plugin at {@code target} ({@code host:port}); cheap, the channel is shared. */
    <P extends Plugin> P connect(PluginKind kind, Class<P> type, String target);

    /** Shuts down the channels of targets no longer in use. */
    void closeIdle();

    @Override
    void close();
}
