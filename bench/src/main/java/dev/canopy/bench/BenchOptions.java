package dev.canopy.bench;

import java.nio.file.Path;

/**
 * Command-line options of {@link PlatformBenchmark}.
 *
 * @param iterations timed round trips per run (the warm-up comes on top)
 * @param clients    concurrent clients of the throughput runs (a one-client run always comes first)
 * @param durable    run PostgreSQL with every commit synced to disk, as Canopy ships it; off, the
 *                   comparison shows the server's CPU cost against a database that never waits for disk
 * @param jdbcOnly   skip everything that needs the server: only the raw-JDBC baseline runs
 * @param serverJar  the Spring Boot jar of the Canopy server, relative to the working directory
 * @param help       print the usage and exit
 */
public record BenchOptions(int iterations, int clients, boolean durable, boolean jdbcOnly, Path serverJar,
                           boolean help) {

    static final int DEFAULT_ITERATIONS = 10000;
    static final int DEFAULT_CLIENTS = 8;
    static final Path DEFAULT_SERVER_JAR = Path.of("canopy-server", "target", "canopy-server.jar");

    static final String USAGE = """
            usage: PlatformBenchmark [--iterations N] [--clients N] [--no-fsync] [--jdbc-only]   (run from the repo root)
              --iterations N  timed round trips per run (default %d; a %d-round-trip warm-up comes first)
              --clients N     concurrent clients of the throughput runs (default %d)
              --no-fsync      run PostgreSQL without syncing commits to disk (CPU cost only)
              --jdbc-only     run only the raw-JDBC baseline; no server needed
            """.formatted(DEFAULT_ITERATIONS, RoundTripBenchmark.WARM_UP_ITERATIONS, DEFAULT_CLIENTS);

    /** Validates the values, whichever way the record was built. */
    public BenchOptions {
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
        }
        if (clients < 1 || clients > 64) {
            throw new IllegalArgumentException("--clients must be between 1 and 64, got " + clients);
        }
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException on an unknown flag or a bad value
     */
    static BenchOptions parse(String... args) {
        int iterations = DEFAULT_ITERATIONS;
        int clients = DEFAULT_CLIENTS;
        boolean durable = true;
        boolean jdbcOnly = false;
        boolean help = false;
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            switch (arg) {
                case "--iterations" -> iterations = parseCount("--iterations", valueAfter(args, index++));
                case "--clients" -> clients = parseCount("--clients", valueAfter(args, index++));
                case "--no-fsync" -> durable = false;
                case "--jdbc-only" -> jdbcOnly = true;
                case "-h", "--help" -> help = true;
                default -> {
                    if (arg.startsWith("--iterations=")) {
                        iterations = parseCount("--iterations", arg.substring("--iterations=".length()));
                    } else if (arg.startsWith("--clients=")) {
                        clients = parseCount("--clients", arg.substring("--clients=".length()));
                    } else {
                        throw new IllegalArgumentException("unknown argument: " + arg);
                    }
                }
            }
        }
        return new BenchOptions(iterations, clients, durable, jdbcOnly, DEFAULT_SERVER_JAR, help);
    }

    private static String valueAfter(String[] args, int flagIndex) {
        if (flagIndex + 1 >= args.length) {
            throw new IllegalArgumentException(args[flagIndex] + " needs a value");
        }
        return args[flagIndex + 1];
    }

    private static int parseCount(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
    }
}
