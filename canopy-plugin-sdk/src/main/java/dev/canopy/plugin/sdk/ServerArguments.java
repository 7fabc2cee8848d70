package dev.canopy.plugin.sdk;

import java.util.Map;

/**
 * Where {@link PluginServerMain} listens.
 *
 * @param host address to bind, {@code 127.0.0.1} by default (a managed local process); {@code 0.0.0.0}
 *             in a container
 * @param port port to bind; 0 for any free port
 */
public record ServerArguments(String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String PORT_VARIABLE = "CANOPY_PLUGIN_PORT";

    static final String USAGE = """
            usage: java -jar <plugin>.jar [--port=N] [--host=ADDRESS]
              --port=N          port to listen on; 0 for any free port (default: $CANOPY_PLUGIN_PORT, else 0)
              --host=ADDRESS    address to bind (default 127.0.0.1; 0.0.0.0 in a container)
            Prints 'CANOPY_PLUGIN_LISTENING port=<port>' on stdout once it serves; stops on SIGTERM.
            """;

    public ServerArguments {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host needs an address");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, got " + port);
        }
    }

    /**
     * Reads {@code --port=N} and {@code --host=ADDRESS} (also as two words), then the environment.
     *
     * @throws IllegalArgumentException on an unknown argument or a bad value
     */
    public static ServerArguments parse(String[] args, Map<String, String> environment) {
        String host = DEFAULT_HOST;
        String port = environment.getOrDefault(PORT_VARIABLE, "0");
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (index + 1 < args.length && (name.equals("--port") || name.equals("--host"))) {
                value = args[++index];
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            switch (name) {
                case "--port" -> port = value;
                case "--host" -> host = value;
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        try {
            return new ServerArguments(host, Integer.parseInt(port.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port must be a whole number, got '" + port + "'");
        }
    }
}
