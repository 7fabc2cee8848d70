package dev.canopy.plugin.grpc;

import io.grpc.Channel;
import io.grpc.ManagedChannel;

import java.time.Duration;
import java.util.List;

/** A real plugin endpoint for tests: a {@link PluginServer} on 127.0.0.1, any free port, and a channel to it. */
public final class LoopbackEndpoint implements AutoCloseable {

    private final PluginServer server;
    private final ManagedChannel channel;

    private LoopbackEndpoint(PluginServer server) {
        this.server = server;
        this.channel = PluginChannels.plaintext("127.0.0.1", server.port());
    }

    public static LoopbackEndpoint serve(ServedPlugin... plugins) {
        return new LoopbackEndpoint(PluginServer.start("127.0.0.1", 0, List.of(plugins)));
    }

    public Channel channel() {
        return channel;
    }

    public PluginServer server() {
        return server;
    }

    @Override
    public void close() throws InterruptedException {
        PluginChannels.shutdown(channel, Duration.ofSeconds(5));
        server.close();
    }
}
