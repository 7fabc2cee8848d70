package dev.canopy.plugin.sdk;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.grpc.PluginServer;
import dev.canopy.plugin.grpc.ServedPlugin;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The main class of a plugin's runnable jar: serves every plugin factory of the class path (see
 * {@link PluginDiscovery}) over gRPC with {@code canopy.plugin.v1.PluginInfo} and the standard health
 * service.
 *
 * <p>The managed-process contract: arguments {@code --port=N} (or {@code CANOPY_PLUGIN_PORT}; 0 = any free
 * port) and {@code --host=ADDRESS} (default 127.0.0.1); once serving, exactly one line
 * {@code CANOPY_PLUGIN_LISTENING port=<port>} on stdout (logs go to stderr); SIGTERM stops it gracefully
 * (running calls get five seconds). Exit codes: 0 after a stop, 1 when it cannot serve, 2 for bad
 * arguments or no plugin found.
 */
public final class PluginServerMain {

    /** The line a supervisor waits for, followed by {@code port=<port>}. */
    public static final String LISTENING = "CANOPY_PLUGIN_LISTENING";

    private PluginServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerArguments arguments;
        try {
            arguments = ServerArguments.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(ServerArguments.USAGE);
            System.exit(2);
            return;
        }
        List<ServedPlugin> plugins = PluginDiscovery.discover(PluginServerMain.class.getClassLoader());
        if (plugins.isEmpty()) {
            System.err.println("error: no plugin factory found: list one in META-INF/services/"
                    + "dev.canopy.plugin.api.<kind>.<Kind>PluginFactory");
            System.exit(2);
            return;
        }
        PluginServer server;
        try {
            server = PluginServer.start(arguments.host(), arguments.port(), plugins);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
            System.exit(1);
            return;
        }
        // SIGTERM (and Ctrl-C) run shutdown hooks: stop taking calls, finish or cancel the running ones.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "canopy-plugin-shutdown"));
        for (PluginDescriptor descriptor : server.descriptors()) {
            System.err.println("serving " + descriptor.kind().serviceType() + " " + descriptor.pluginId() + " "
                    + descriptor.version() + " on " + arguments.host() + ":" + server.port());
        }
        System.out.println(LISTENING + " port=" + server.port());
        System.out.flush();
        server.awaitTermination();
    }
}
