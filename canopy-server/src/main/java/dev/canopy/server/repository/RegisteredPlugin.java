package dev.canopy.server.repository;

import java.util.List;
import java.util.Optional;

import dev.canopy.plugin.api.PluginKind;

/** A plugin as the registry knows it; {@code versions} are newest first. */
public record RegisteredPlugin(String pluginId, String name, PluginKind kind, RegistryType registryType,
                               boolean enabled, List<PluginVersion> versions) {

    public RegisteredPlugin {
        versions = List.copyOf(versions);
    }

    public Optional<PluginVersion> version(String version) {
        return versions.stream().filter(candidate -> candidate.version().equals(version)).findFirst();
    }

    /** What AUTO upgrade picks. */
    public Optional<PluginVersion> newest() {
        return versions.stream().findFirst();
    }
}
