package dev.canopy.bench.plugin;

import java.nio.file.Path;

/**
 * Command-line options of {@link PluginBenchmark}.
 *
 * @param items     cloud services the example collector streams per run (plus its type and regions)
 * @param warmUp    untimed runs of each side before the timed ones
 * @param rounds    timed runs of each side, alternating
 * @param pluginJar the example collector's runnable jar, relative to the working directory
 * @param help      print the usage and exit
 */
public record PluginBenchOptions(int items, int warmUp, int rounds, Path pluginJar, boolean help) {

    static final Path DEFAULT_PLUGIN_JAR = Path.of("canopy-plugin-example", "target",
            "canopy-plugin-example-0.1.0-SNAPSHOT-plugin.jar");

    static final String USAGE = """
            usage: PluginBenchmark [--items N] [--warm-up N] [--rounds N] [--plugin-jar PATH]   (run from the repo root)
              --items N         items streamed per run (default 100000)
              --warm-up N       untimed runs of each side first (default 3)
              --rounds N        timed runs of each side, alternating (default 5)
              --plugin-jar PATH the example collector's runnable jar
                                (default canopy-plugin-example/target/canopy-plugin-example-0.1.0-SNAPSHOT-plugin.jar)
            """;

    public PluginBenchOptions {
        if (items < 1) {
            throw new IllegalArgumentException("--items must be at least 1, got " + items);
        }
        if (warmUp < 0) {
            throw new IllegalArgumentException("--warm-up must not be negative, got " + warmUp);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        }
    }

    static PluginBenchOptions parse(String... args) {
        int items = 100_000;
        int warmUp = 3;
        int rounds = 5;
        Path pluginJar = DEFAULT_PLUGIN_JAR;
        boolean help = false;
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
                continue;
            }
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (index + 1 < args.length) {
                value = args[++index];
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            switch (flag) {
                case "--items" -> items = parseCount(flag, value);
                case "--warm-up" -> warmUp = parseCount(flag, value);
                case "--rounds" -> rounds = parseCount(flag, value);
                case "--plugin-jar" -> pluginJar = Path.of(value);
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return new PluginBenchOptions(items, warmUp, rounds, pluginJar, help);
    }

    private static int parseCount(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
    }
}
