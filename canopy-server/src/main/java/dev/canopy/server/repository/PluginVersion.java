package dev.canopy.server.repository;

/**
 * One version of a registered plugin and where it comes from: an {@code endpoint} for remote
 * plugins, an {@code artifact} (runnable jar) or {@code image} (container) for managed ones.
 */
public record PluginVersion(String version, String endpoint, String artifact, String image) {
}
