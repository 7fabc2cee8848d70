package dev.canopy.plugin.grpc;

import dev.canopy.plugin.api.Plugin;
import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginFactory;
import dev.canopy.plugin.api.auth.AuthPlugin;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.api.cost.CostDataSourcePlugin;
import dev.canopy.plugin.api.monitoring.MonitoringDataSourcePlugin;
import dev.canopy.plugin.api.notification.NotificationProtocolPlugin;
import dev.canopy.plugin.api.webhook.WebhookPlugin;
import dev.canopy.plugin.grpc.auth.AuthGrpcService;
import dev.canopy.plugin.grpc.collector.CollectorGrpcService;
import dev.canopy.plugin.grpc.cost.CostDataSourceGrpcService;
import dev.canopy.plugin.grpc.monitoring.MonitoringDataSourceGrpcService;
import dev.canopy.plugin.grpc.notification.NotificationProtocolGrpcService;
import dev.canopy.plugin.grpc.webhook.WebhookGrpcService;
import io.grpc.BindableService;

import java.util.Objects;

/**
 * A plugin as a {@link PluginServer} serves it: the plugin and what it says about itself. The plugin
 * must implement the interface of its descriptor's kind.
 */
public record ServedPlugin(PluginDescriptor descriptor, Plugin plugin) {

    public ServedPlugin {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(plugin, "plugin");
        Class<? extends Plugin> expected = switch (descriptor.kind()) {
            case COLLECTOR -> CollectorPlugin.class;
            case MONITORING_DATA_SOURCE -> MonitoringDataSourcePlugin.class;
            case WEBHOOK -> WebhookPlugin.class;
            case NOTIFICATION_PROTOCOL -> NotificationProtocolPlugin.class;
            case COST_DATA_SOURCE -> CostDataSourcePlugin.class;
            case AUTH -> AuthPlugin.class;
        };
        if (!expected.isInstance(plugin)) {
            throw new IllegalArgumentException("plugin " + descriptor.pluginId() + " of kind " + descriptor.kind()
                    + " is a " + plugin.getClass().getName() + ", not a " + expected.getSimpleName());
        }
    }

    /** Creates the factory's plugin. */
    public static ServedPlugin of(PluginFactory<?> factory) {
        return new ServedPlugin(factory.descriptor(), factory.create());
    }

    /** The gRPC service of the plugin's kind, wrapping it. */
    BindableService service() {
        return switch (descriptor.kind()) {
            case COLLECTOR -> new CollectorGrpcService((CollectorPlugin) plugin);
            case MONITORING_DATA_SOURCE -> new MonitoringDataSourceGrpcService((MonitoringDataSourcePlugin) plugin);
            case WEBHOOK -> new WebhookGrpcService((WebhookPlugin) plugin);
            case NOTIFICATION_PROTOCOL -> new NotificationProtocolGrpcService((NotificationProtocolPlugin) plugin);
            case COST_DATA_SOURCE -> new CostDataSourceGrpcService((CostDataSourcePlugin) plugin);
            case AUTH -> new AuthGrpcService((AuthPlugin) plugin);
        };
    }
}
