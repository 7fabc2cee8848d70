package dev.canopy.plugin.api;

import java.util.Arrays;
import java.util.Optional;

/** The six kinds of plugin, named by the service type Cloudforet's repository records for them. */
public enum PluginKind {
    COLLECTOR("inventory.Collector"),
    MONITORING_DATA_SOURCE("monitoring.DataSource"),
    WEBHOOK("monitoring.Webhook"),
    NOTIFICATION_PROTOCOL("notification.Protocol"),
    COST_DATA_SOURCE("cost_analysis.DataSource"),
    AUTH("identity.Auth");

    private final String serviceType;

    PluginKind(String serviceType) {
        this.serviceType = serviceType;
    }

    public String serviceType() {
        return serviceType;
    }

    public static Optional<PluginKind> ofServiceType(String serviceType) {
        return Arrays.stream(values()).filter(kind -> kind.serviceType.equals(serviceType)).findFirst();
    }
}
