package dev.canopy.server.plugin.supervisor;

/** Asks a running plugin whether it serves. */
@FunctionalInterface
public interface HealthProbe {

    boolean serving(PluginEndpoint endpoint);
}
