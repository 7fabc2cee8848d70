package dev.canopy.plugin.api;

import java.util.Map;

/**
 * What {@code init} returns: stored as {@code plugin_info.metadata} on the resource that bound the plugin.
 * Values are JSON values: null, Boolean, Number, String, List and Map of them.
 */
public record PluginMetadata(Map<String, Object> values) {

    public PluginMetadata {
        values = values == null ? Map.of() : values;
    }

    public static PluginMetadata of(Map<String, Object> values) {
        return new PluginMetadata(values);
    }
}
