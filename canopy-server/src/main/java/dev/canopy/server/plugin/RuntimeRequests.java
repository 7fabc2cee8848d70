package dev.canopy.server.plugin;

import java.util.List;

import dev.canopy.server.plugin.supervisor.InstalledPlugin;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The request bodies of {@code plugin.Plugin} and {@code plugin.Supervisor}. */
final class RuntimeRequests {

    private RuntimeRequests() {
    }

    /** {@code get_plugin_metadata}: runs the plugin's {@code init} with these options. */
    record PluginMetadataRequest(@NotNull @Valid PluginInfo pluginInfo) {
    }

    /** {@code verify}: runs the plugin's {@code verify} with these options and, if given, a secret's data. */
    record PluginVerifyRequest(@NotNull @Valid PluginInfo pluginInfo, @Size(max = 64) String secretId) {
    }

    record PluginVerified(String pluginId, String version) {
    }

    record SupervisorListPlugins() {
    }

    record InstalledPlugins(List<InstalledPlugin> results, long totalCount) {
    }

    record SupervisorStopPlugin(@NotBlank @Size(max = 64) String pluginId, @NotBlank @Size(max = 64) String version) {
    }

    record SupervisorStopped(boolean stopped) {
    }
}
