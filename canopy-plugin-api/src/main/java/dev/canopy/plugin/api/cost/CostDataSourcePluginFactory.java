package dev.canopy.plugin.api.cost;

import dev.canopy.plugin.api.PluginFactory;

/** Found by {@link java.util.ServiceLoader} for in-process cost data sources. */
public interface CostDataSourcePluginFactory extends PluginFactory<CostDataSourcePlugin> {
}
