package dev.canopy.plugin.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a plugin says about itself before it runs: the registry entry a built-in or dropped-in plugin
 * registers under.
 *
 * @param pluginId   stable id, e.g. {@code plugin-demo-inven-collector}
 * @param version    semantic version, e.g. {@code 1.2.0}
 * @param provider   cloud provider key ({@code aws}, {@code kubernetes}, ...), or null when not tied to one
 * @param capability free-form capability document, e.g. {@code supported_schema}
 */
public record PluginDescriptor(
        String pluginId,
        String name,
        String version,
        PluginKind kind,
        String provider,
        Map<String, Object> capability,
        List<String> labels,
        Map<String, String> tags) {

    public PluginDescriptor {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        capability = capability == null ? Map.of() : Map.copyOf(capability);
        labels = labels == null ? List.of() : List.copyOf(labels);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
