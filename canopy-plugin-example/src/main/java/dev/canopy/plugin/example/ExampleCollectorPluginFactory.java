package dev.canopy.plugin.example;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.api.collector.CollectorPluginFactory;

import java.util.List;
import java.util.Map;

/** Listed in {@code META-INF/services}: what the SDK's main and in-process hosts find. */
public final class ExampleCollectorPluginFactory implements CollectorPluginFactory {

    public static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "plugin-example-inven-collector", "Example collector", "1.0.0", PluginKind.COLLECTOR, "example",
            Map.of("supported_schema", List.of("example_token")), List.of("Compute", "Example"),
            Map.of("description", "A deterministic collector of a made-up cloud, for trying Canopy out and for tests"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CollectorPlugin create() {
        return new ExampleCollectorPlugin();
    }
}
