package dev.canopy.plugin.grpc;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginKind;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The plugin side: a gRPC server (Netty) serving plugins, at most one per kind, each through its
 * kind's service, plus {@code canopy.plugin.v1.PluginInfo} and the standard health service
 * ({@code grpc.health.v1.Health}, overall status SERVING while up).
 *
 * <p>Lifecycle: {@link #start} binds and returns once the port is open; {@link #close} stops taking
 * calls, lets running ones finish for a short grace period, cancels the rest, then closes the plugins.
 * Used by the SDK's {@code PluginServerMain} and by tests that need a real endpoint in process.
 */
public final class PluginServer implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Server server;
    private final HealthStatusManager health;
    private final List<ServedPlugin> plugins;
    private boolean closed;

    private PluginServer(Server server, HealthStatusManager health, List<ServedPlugin> plugins) {
        this.server = server;
        this.health = health;
        this.plugins = plugins;
    }

    /**
     * Serves the plugins on {@code host:port}.
     *
     * @param port 0 for any free port; {@link #port()} tells which
     * @throws IllegalArgumentException when two plugins have the same kind (calls carry no plugin id)
     * @throws UncheckedIOException     when the address cannot be bound
     */
    public static PluginServer start(String host, int port, List<ServedPlugin> plugins) {
        Set<PluginKind> kinds = EnumSet.noneOf(PluginKind.class);
        for (ServedPlugin plugin : plugins) {
            if (!kinds.add(plugin.descriptor().kind())) {
                throw new IllegalArgumentException("more than one plugin of kind " + plugin.descriptor().kind()
                        + ": an endpoint serves at most one per kind");
            }
        }
        HealthStatusManager health = new HealthStatusManager();
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .addService(health.getHealthService())
                .addService(new PluginInfoService(plugins.stream().map(ServedPlugin::descriptor).toList()));
        for (ServedPlugin plugin : plugins) {
            BindableService service = plugin.service();
            builder.addService(service);
            health.setStatus(service.bindService().getServiceDescriptor().getName(), ServingStatus.SERVING);
        }
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
        try {
            return new PluginServer(builder.build().start(), health, List.copyOf(plugins));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve plugins on " + host + ":" + port, e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return server.getPort();
    }

    public List<PluginDescriptor> descriptors() {
        return plugins.stream().map(ServedPlugin::descriptor).toList();
    }

    /** Blocks until the server has stopped (after {@link #close} from another thread). */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /**
     * Stops at once: running calls are cancelled and connections dropped, as if the process died.
     * The plugins are closed. For a second termination signal, and for tests of a plugin going away.
     */
    public synchronized void abort() {
        if (closed) {
            return;
        }
        closed = true;
        health.enterTerminalState();
        server.shutdownNow();
        closePlugins();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                server.shutdownNow();
                server.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            closePlugins();
        }
    }

    private void closePlugins() {
        for (ServedPlugin plugin : plugins) {
            plugin.plugin().close();
        }
    }
}
