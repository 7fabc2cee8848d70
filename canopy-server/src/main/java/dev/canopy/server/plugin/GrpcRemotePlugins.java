package dev.canopy.server.plugin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.canopy.plugin.api.Plugin;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.GrpcPlugins;
import dev.canopy.plugin.grpc.PluginChannels;
import dev.canopy.server.plugin.supervisor.HealthProbe;
import dev.canopy.server.plugin.supervisor.PluginEndpoint;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

/**
 * Remote and managed plugins over gRPC: one channel per {@code host:port}, shared by every call to
 * it and shut down once unused for the idle time (a restarted managed plugin listens elsewhere).
 * Also the supervisor's health probe: the standard gRPC health service.
 */
final class GrpcRemotePlugins implements RemotePlugins, HealthProbe {

    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(3);

    private final GrpcPluginSettings settings;
    private final Duration idle;
    private final Clock clock;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    GrpcRemotePlugins(GrpcPluginSettings settings, Duration idle, Clock clock) {
        this.settings = settings;
        this.idle = idle;
        this.clock = clock;
    }

    @Override
    public <P extends Plugin> P connect(PluginKind kind, Class<P> type, String target) {
        return type.cast(GrpcPlugins.adapter(kind, channel(target), settings));
    }

    @Override
    public boolean serving(PluginEndpoint endpoint) {
        try {
            HealthCheckResponse response = HealthGrpc.newBlockingStub(channel(endpoint.target()))
                    .withDeadlineAfter(PROBE_DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .check(HealthCheckRequest.getDefaultInstance());
            return response.getStatus() == HealthCheckResponse.ServingStatus.SERVING;
        } catch (StatusRuntimeException unhealthy) {
            return false;
        }
    }

    private ManagedChannel channel(String target) {
        Channel channel = channels.compute(target, (key, existing) -> {
            Channel usable = existing != null && !existing.channel.isShutdown() ? existing
                    : new Channel(PluginChannels.plaintext(key));
            usable.lastUsedAt = clock.instant();
            return usable;
        });
        return channel.channel;
    }

    @Override
    public void closeIdle() {
        Instant now = clock.instant();
        for (Map.Entry<String, Channel> entry : List.copyOf(channels.entrySet())) {
            if (Duration.between(entry.getValue().lastUsedAt, now).compareTo(idle) >= 0
                    && channels.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().channel.shutdown();
            }
        }
    }

    @Override
    public void close() {
        channels.values().forEach(channel -> channel.channel.shutdownNow());
        channels.clear();
    }

    private static final class Channel {
        final ManagedChannel channel;
        volatile Instant lastUsedAt;

        Channel(ManagedChannel channel) {
            this.channel = channel;
        }
    }
}
