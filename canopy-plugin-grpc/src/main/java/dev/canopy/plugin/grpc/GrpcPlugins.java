package dev.canopy.plugin.grpc;

import dev.canopy.plugin.api.Plugin;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.grpc.auth.GrpcAuthPlugin;
import dev.canopy.plugin.grpc.collector.GrpcCollectorPlugin;
import dev.canopy.plugin.grpc.cost.GrpcCostDataSourcePlugin;
import dev.canopy.plugin.grpc.monitoring.GrpcMonitoringDataSourcePlugin;
import dev.canopy.plugin.grpc.notification.GrpcNotificationProtocolPlugin;
import dev.canopy.plugin.grpc.webhook.GrpcWebhookPlugin;
import io.grpc.Channel;

/** The host-side adapter of a kind, for hosts that learn the kind at run time (from the registry). */
public final class GrpcPlugins {

    private GrpcPlugins() {
    }

    /** An adapter of {@code kind}'s interface over {@code channel}; cast it to that interface. */
    public static Plugin adapter(PluginKind kind, Channel channel, GrpcPluginSettings settings) {
        return switch (kind) {
            case COLLECTOR -> new GrpcCollectorPlugin(channel, settings);
            case MONITORING_DATA_SOURCE -> new GrpcMonitoringDataSourcePlugin(channel, settings);
            case WEBHOOK -> new GrpcWebhookPlugin(channel, settings);
            case NOTIFICATION_PROTOCOL -> new GrpcNotificationProtocolPlugin(channel, settings);
            case COST_DATA_SOURCE -> new GrpcCostDataSourcePlugin(channel, settings);
            case AUTH -> new GrpcAuthPlugin(channel, settings);
        };
    }
}
