package dev.canopy.plugin.sdk;

import dev.canopy.plugin.api.PluginFactory;
import dev.canopy.plugin.api.auth.AuthPluginFactory;
import dev.canopy.plugin.api.collector.CollectorPluginFactory;
import dev.canopy.plugin.api.cost.CostDataSourcePluginFactory;
import dev.canopy.plugin.api.monitoring.MonitoringDataSourcePluginFactory;
import dev.canopy.plugin.api.notification.NotificationProtocolPluginFactory;
import dev.canopy.plugin.api.webhook.WebhookPluginFactory;
import dev.canopy.plugin.grpc.ServedPlugin;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the plugin factories on a class path with {@link ServiceLoader}: every implementation listed in
 * {@code META-INF/services/dev.canopy.plugin.api.<kind>.<Kind>PluginFactory}, one per kind.
 */
public final class PluginDiscovery {

    private static final List<Class<? extends PluginFactory<?>>> FACTORY_TYPES = List.of(
            CollectorPluginFactory.class, MonitoringDataSourcePluginFactory.class, WebhookPluginFactory.class,
            NotificationProtocolPluginFactory.class, CostDataSourcePluginFactory.class, AuthPluginFactory.class);

    private PluginDiscovery() {
    }

    /** Creates the plugin of every factory found through {@code classLoader}. */
    public static List<ServedPlugin> discover(ClassLoader classLoader) {
        List<ServedPlugin> plugins = new ArrayList<>();
        for (Class<? extends PluginFactory<?>> type : FACTORY_TYPES) {
            for (PluginFactory<?> factory : ServiceLoader.load(type, classLoader)) {
                plugins.add(ServedPlugin.of(factory));
            }
        }
        return plugins;
    }
}
