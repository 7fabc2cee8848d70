package dev.canopy.server.plugin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a resource (a collector, a data source, a protocol) refers to its plugin, as Cloudforet's
 * {@code plugin_info}: {@code version} is the one in use, {@code metadata} what its {@code init} returned.
 * With {@code upgrade_mode} AUTO (the default) the newest registered version is used and the
 * version given is only the last one seen.
 */
public record PluginInfo(@NotBlank @Size(max = 64) String pluginId, @Size(max = 64) String version, ObjectNode options,
                         ObjectNode metadata, UpgradeMode upgradeMode) {

    public enum UpgradeMode { AUTO, MANUAL }

    public PluginInfo {
        upgradeMode = upgradeMode == null ? UpgradeMode.AUTO : upgradeMode;
    }

    public PluginInfo withResolved(String resolvedVersion, ObjectNode resolvedMetadata) {
        return new PluginInfo(pluginId, resolvedVersion, options, resolvedMetadata, upgradeMode);
    }
}
