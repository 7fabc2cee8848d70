package dev.canopy.server.plugin.supervisor;

import java.time.Instant;

/**
 * A managed plugin the supervisor runs, as {@code plugin.Supervisor.list_plugins} shows it.
 *
 * @param state    STARTING, ACTIVE, RESTARTING, ERROR or STOPPED
 * @param endpoint {@code grpc://host:port}, when it listens
 * @param restarts how often it was restarted after dying
 */
public record InstalledPlugin(String pluginId, String version, String state, String endpoint, Long pid,
                              int restarts, Instant startedAt, Instant lastCalledAt, String lastError) {
}
