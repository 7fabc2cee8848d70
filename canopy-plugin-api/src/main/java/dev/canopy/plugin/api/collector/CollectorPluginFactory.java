package dev.canopy.plugin.api.collector;

import dev.canopy.plugin.api.PluginFactory;

/** Found by {@link java.util.ServiceLoader} for in-process collectors. */
public interface CollectorPluginFactory extends PluginFactory<CollectorPlugin> {
}
