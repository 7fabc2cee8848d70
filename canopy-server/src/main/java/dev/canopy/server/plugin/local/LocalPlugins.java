package dev.canopy.server.plugin.local;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginFactory;
import dev.canopy.plugin.api.auth.AuthPluginFactory;
import dev.canopy.plugin.api.collector.CollectorPluginFactory;
import dev.canopy.plugin.api.cost.CostDataSourcePluginFactory;
import dev.canopy.plugin.api.monitoring.MonitoringDataSourcePluginFactory;
import dev.canopy.plugin.api.notification.NotificationProtocolPluginFactory;
import dev.canopy.plugin.api.webhook.WebhookPluginFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins that run in the server's process: those on the server's class path (built-ins) and
 * those in jars of the plugins folder, each jar in a class loader of its own that sees only the
 * plugin API of the server, so that plugins bring their own libraries without clashing.
 */
public final class LocalPlugins implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlugins.class);
    private static final List<Class<? extends PluginFactory<?>>> FACTORY_TYPES = List.of(
            CollectorPluginFactory.class, MonitoringDataSourcePluginFactory.class, WebhookPluginFactory.class,
            NotificationProtocolPluginFactory.class, CostDataSourcePluginFactory.class, AuthPluginFactory.class);
    private static final String API_PACKAGE = "dev.canopy.plugin.api.";

    private final Map<String, PluginFactory<?>> factories = new LinkedHashMap<>();
    private final List<URLClassLoader> jarLoaders = new ArrayList<>();

    private LocalPlugins() {
    }

    /** Finds the built-ins on {@code classLoader} and the plugins in the jars of {@code directory}. */
    public static LocalPlugins discover(ClassLoader classLoader, Path directory) {
        LocalPlugins plugins = new LocalPlugins();
        plugins.load(classLoader, "class path");
        if (directory != null && Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().forEach(plugins::loadJar);
            } catch (IOException unreadable) {
                log.warn("The plugins folder {} cannot be read: {}", directory, unreadable.getMessage());
            }
        }
        return plugins;
    }

    public Optional<PluginFactory<?>> factory(String pluginId) {
        return Optional.ofNullable(factories.get(pluginId));
    }

    public List<PluginDescriptor> descriptors() {
        return factories.values().stream().map(PluginFactory::descriptor).toList();
    }

    private void loadJar(Path jar) {
        try {
            URLClassLoader loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                    new ApiOnlyClassLoader(PluginFactory.class.getClassLoader()));
            jarLoaders.add(loader);
            if (load(loader, jar.getFileName().toString()) == 0) {
                log.warn("The jar {} in the plugins folder holds no plugin factory", jar.getFileName());
            }
        } catch (MalformedURLException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private int load(ClassLoader loader, String source) {
        int found = 0;
        for (Class<? extends PluginFactory<?>> type : FACTORY_TYPES) {
            try {
                for (PluginFactory<?> factory : ServiceLoader.load(type, loader)) {
                    PluginDescriptor descriptor = factory.descriptor();
                    PluginFactory<?> earlier = factories.putIfAbsent(descriptor.pluginId(), factory);
                    if (earlier != null) {
                        log.warn("Plugin {} from {} is ignored: a plugin with that id is loaded already",
                                descriptor.pluginId(), source);
                        continue;
                    }
                    found++;
                    log.info("In-process plugin {} {} ({}) loaded from {}", descriptor.pluginId(), descriptor.version(),
                            descriptor.kind().serviceType(), source);
                }
            } catch (ServiceConfigurationError | LinkageError broken) {
                log.warn("Plugins of {} cannot be loaded from {}: {}", type.getSimpleName(), source, broken.getMessage());
            }
        }
        return found;
    }

    @Override
    public void close() {
        for (URLClassLoader loader : jarLoaders) {
            try {
                loader.close();
            } catch (IOException ignored) {
                // closing is best effort at shutdown
            }
        }
    }

    /** Exposes the plugin API and the JDK to a plugin jar, and nothing else of the server. */
    private static final class ApiOnlyClassLoader extends ClassLoader {

        private final ClassLoader api;

        ApiOnlyClassLoader(ClassLoader api) {
            super("plugin-api", ClassLoader.getPlatformClassLoader());
            this.api = api;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(API_PACKAGE)) {
                return api.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
