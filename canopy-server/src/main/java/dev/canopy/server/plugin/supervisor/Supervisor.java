package dev.canopy.server.plugin.supervisor;

import java.util.List;

import dev.canopy.server.repository.PluginVersion;
import dev.canopy.server.repository.RegisteredPlugin;

/** Runs managed plugins: starts them when first needed, keeps them alive, stops them when unused. */
public interface Supervisor extends AutoCloseable {

    /** The endpoint of the plugin version, started first if it is not running; marks it as used. */
    PluginEndpoint ensure(RegisteredPlugin plugin, PluginVersion version);

    /** What runs now, for {@code plugin.Supervisor.list_plugins}. */
    List<InstalledPlugin> installed();

    /** Stops one plugin version now; false when it was not running. */
    boolean stop(String pluginId, String version);

    /** Checks every running plugin once: restarts dead ones, stops idle ones. */
    void check();

    @Override
    void close();
}
