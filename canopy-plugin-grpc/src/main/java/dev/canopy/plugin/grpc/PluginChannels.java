package dev.canopy.plugin.grpc;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Channels to plugin endpoints. A channel is expensive (a connection, threads) and thread-safe: keep
 * one per endpoint for as long as the plugin is in use, share it between adapters, and shut it down
 * when the plugin goes away.
 */
public final class PluginChannels {

    /**
     * Largest response message accepted: batches are around 256 KB, but a single collected item may be
     * big (a resource with a large {@code data}); gRPC's default of 4 MB would refuse it.
     */
    public static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;

    private PluginChannels() {
    }

    /** A plaintext channel to {@code host:port}: a managed local process, or a pod inside the cluster network. */
    public static ManagedChannel plaintext(String host, int port) {
        return NettyChannelBuilder.forAddress(host, port)
                .usePlaintext()
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .build();
    }

    /** A plaintext channel to a gRPC target such as {@code dns:///plugin.namespace.svc:50051}. */
    public static ManagedChannel plaintext(String target) {
        return NettyChannelBuilder.forTarget(target)
                .usePlaintext()
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .build();
    }

    /** Shuts the channel down, cancelling what is still running after {@code grace}. */
    public static void shutdown(ManagedChannel channel, Duration grace) throws InterruptedException {
        channel.shutdown();
        if (!channel.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            channel.shutdownNow();
            channel.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
