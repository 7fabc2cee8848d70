package dev.canopy.plugin.api.monitoring;

import dev.canopy.plugin.api.PluginFactory;

/** Found by {@link java.util.ServiceLoader} for in-process monitoring data sources. */
public interface MonitoringDataSourcePluginFactory extends PluginFactory<MonitoringDataSourcePlugin> {
}
