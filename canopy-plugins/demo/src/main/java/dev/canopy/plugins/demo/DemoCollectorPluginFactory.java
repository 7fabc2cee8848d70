package dev.canopy.plugins.demo;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.api.collector.CollectorPluginFactory;

import java.util.List;
import java.util.Map;

/** Listed in {@code META-INF/services}: what in-process hosts and the SDK's main find. */
public final class DemoCollectorPluginFactory implements CollectorPluginFactory {

    public static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "plugin-demo-inven-collector", "Demo multi-cloud collector", "1.0.0", PluginKind.COLLECTOR, "demo",
            Map.of("supported_schema", List.of()), List.of("Compute", "Storage", "Database", "Networking", "Demo"),
            Map.of("description", "Generates a changing AWS, Azure and Google Cloud estate: try Canopy without a cloud account"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CollectorPlugin create() {
        return new DemoCollectorPlugin();
    }
}
