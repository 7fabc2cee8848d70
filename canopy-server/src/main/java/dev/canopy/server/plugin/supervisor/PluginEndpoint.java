package dev.canopy.server.plugin.supervisor;

/** Where a plugin listens for gRPC. */
public record PluginEndpoint(String host, int port) {

    public String target() {
        return host + ":" + port;
    }
}
