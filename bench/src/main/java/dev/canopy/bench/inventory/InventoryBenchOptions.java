package dev.canopy.bench.inventory;

import java.nio.file.Path;

/**
 * Command-line options of {@link InventoryBenchmark}.
 *
 * @param resources   cloud services the demo collector generates (its {@code size} option)
 * @param jobTimeout  minutes one collection job may take before the benchmark gives up on it
 * @param serverJar   the Spring Boot jar of the Canopy server, relative to the working directory
 * @param help        print the usage and exit
 */
public record InventoryBenchOptions(int resources, int jobTimeout, Path serverJar, boolean help) {

    static final int DEFAULT_RESOURCES = 1_000_000;
    static final int DEFAULT_JOB_TIMEOUT_MINUTES = 60;

    static final String USAGE = """
            usage: InventoryBenchmark [--resources N] [--job-timeout-minutes N]   (run from the repo root)
              --resources N            cloud services the demo collector streams (default %d)
              --job-timeout-minutes N  how long one collection may take before the run fails (default %d)
            """.formatted(DEFAULT_RESOURCES, DEFAULT_JOB_TIMEOUT_MINUTES);

    public InventoryBenchOptions {
        if (resources < 1) {
            throw new IllegalArgumentException("--resources must be at least 1, got " + resources);
        }
        if (jobTimeout < 1) {
            throw new IllegalArgumentException("--job-timeout-minutes must be at least 1, got " + jobTimeout);
        }
    }

    static InventoryBenchOptions parse(String... args) {
        int resources = DEFAULT_RESOURCES;
        int jobTimeout = DEFAULT_JOB_TIMEOUT_MINUTES;
        boolean help = false;
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
                continue;
            }
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!flag.equals("--resources") && !flag.equals("--job-timeout-minutes")) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (index + 1 < args.length) {
                value = args[++index];
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            int number = parseCount(flag, value);
            if (flag.equals("--resources")) {
                resources = number;
            } else {
                jobTimeout = number;
            }
        }
        return new InventoryBenchOptions(resources, jobTimeout, Path.of("canopy-server", "target", "canopy-server.jar"), help);
    }

    private static int parseCount(String flag, String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
    }
}
