package dev.canopy.server.plugin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.server.plugin.local.LocalPlugins;
import dev.canopy.server.plugin.local.PluginCallGuard;
import dev.canopy.server.plugin.supervisor.KubernetesSupervisor;
import dev.canopy.server.plugin.supervisor.ProcessSupervisor;
import dev.canopy.server.plugin.supervisor.Supervisor;
import dev.canopy.server.repository.PluginRegistry;
import dev.canopy.server.system.CanopyProperties;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plugin runtime: local plugins, the gRPC side, the supervisor and its checks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PluginProperties.class)
class PluginConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PluginConfiguration.class);
    /** More plugin calls at once than this are refused rather than queued without end. */
    private static final int MAX_CONCURRENT_CALLS = 256;

    @Bean(destroyMethod = "close")
    LocalPlugins localPlugins(PluginProperties properties, CanopyProperties canopy) {
        return LocalPlugins.discover(PluginConfiguration.class.getClassLoader(), pluginDirectory(properties, canopy));
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService pluginCallExecutor() {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(0, MAX_CONCURRENT_CALLS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "plugin-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    PluginCallGuard pluginCallGuard(ExecutorService pluginCallExecutor, PluginProperties properties) {
        return new PluginCallGuard(pluginCallExecutor, properties.callTimeout(), properties.streamIdleTimeout());
    }

    @Bean(destroyMethod = "close")
    GrpcRemotePlugins remotePlugins(PluginProperties properties) {
        GrpcPluginSettings settings = GrpcPluginSettings.defaults()
                .withCallDeadline(properties.callTimeout())
                .withIdleTimeout(properties.streamIdleTimeout())
                .withStreamDeadline(properties.streamTimeout());
        return new GrpcRemotePlugins(settings, properties.idleStop(), Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    Supervisor supervisor(PluginProperties properties, CanopyProperties canopy, GrpcRemotePlugins remotePlugins) {
        return switch (properties.supervisor()) {
            case "process" -> new ProcessSupervisor(
                    properties.javaCommand() == null || properties.javaCommand().isBlank()
                            ? ProcessSupervisor.currentJava() : properties.javaCommand(),
                    pluginDirectory(properties, canopy).resolve("logs"), properties.startupTimeout(), properties.idleStop(),
                    remotePlugins, Clock.systemUTC());
            case "kubernetes" -> new KubernetesSupervisor(new KubernetesClientBuilder().build(),
                    properties.kubernetes().namespace(), properties.kubernetes().clusterDomain(), properties.kubernetes().port(),
                    properties.startupTimeout(), properties.idleStop(), Clock.systemUTC());
            default -> throw new IllegalStateException("canopy.plugin.supervisor must be process or kubernetes, not "
                    + properties.supervisor());
        };
    }

    @Bean
    PluginRuntime pluginRuntime(PluginRegistry registry, LocalPlugins localPlugins, PluginCallGuard guard,
                                GrpcRemotePlugins remotePlugins, Supervisor supervisor) {
        return new PluginRuntime(registry, localPlugins, guard, remotePlugins, supervisor);
    }

    /** Restarts dead managed plugins, stops idle ones and closes unused channels, on a daemon thread. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService pluginChecks(Supervisor supervisor, GrpcRemotePlugins remotePlugins, PluginProperties properties) {
        ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "plugin-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.healthInterval().toMillis();
        checks.scheduleWithFixedDelay(() -> {
            try {
                supervisor.check();
                remotePlugins.closeIdle();
            } catch (RuntimeException unexpected) {
                log.warn("Checking managed plugins failed: {}", unexpected.toString());
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        return checks;
    }

    /** Built-in plugins and plugin jars register themselves, so that resources can name them. */
    @Bean
    ApplicationRunner builtinPluginRegistration(PluginRegistry registry, LocalPlugins localPlugins) {
        return arguments -> registry.replaceBuiltins(localPlugins.descriptors());
    }

    private static Path pluginDirectory(PluginProperties properties, CanopyProperties canopy) {
        return properties.directory() != null ? properties.directory() : canopy.dataDir().resolve("plugins");
    }
}
