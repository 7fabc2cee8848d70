package dev.canopy.server.repository;

/** How a registered plugin runs. */
public enum RegistryType {
    /** In the server's process: a built-in plugin, or a jar in the plugins folder. */
    BUILTIN,
    /** Somewhere else, reached at a registered {@code grpc://host:port} endpoint. */
    REMOTE,
    /** Started by the server's supervisor from an artifact (a runnable jar) or a container image. */
    MANAGED
}
