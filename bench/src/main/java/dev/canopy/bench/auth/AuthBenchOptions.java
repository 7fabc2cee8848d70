package dev.canopy.bench.auth;

import java.nio.file.Path;

/**
 * Command-line options of {@link AuthBenchmark}.
 *
 * @param iterations    timed requests per run
 * @param warmUp        untimed requests after each start, before anything is timed
 * @param rounds        timed runs of each side per server start
 * @param cycles        how many times the server restarts with authentication off, then on
 * @param clients       concurrent clients of every run
 * @param projectGroups project groups loaded (a tree of 10 roots, three children per group)
 * @param projects      projects loaded, spread evenly over the groups
 * @param users         users loaded, each holding {@code bindings / users} project role bindings
 * @param bindings      role bindings loaded
 * @param serverJar     the Spring Boot jar of the Canopy server, relative to the working directory
 * @param help          print the usage and exit
 */
public record AuthBenchOptions(int iterations, int warmUp, int rounds, int cycles, int clients, int projectGroups, int projects,
                               int users, int bindings, Path serverJar, boolean help) {

    static final String USAGE = """
            usage: AuthBenchmark [--iterations N] [--warm-up N] [--rounds N] [--cycles N] [--clients N]
                                 [--groups N] [--projects N] [--users N] [--bindings N]   (run from the repo root)
              --iterations N  timed requests per run (default 20000)
              --warm-up N     untimed requests after each server start (default 30000)
              --rounds N      timed runs of each side per server start (default 3)
              --cycles N      restarts with authentication off, then on (default 2)
              --clients N     concurrent clients (default 4)
              --groups N      project groups loaded (default 1000)
              --projects N    projects loaded (default 10000)
              --users N       users loaded (default 500)
              --bindings N    project role bindings loaded (default 2000)
            """;

    public AuthBenchOptions {
        requireAtLeast("--iterations", iterations, 1);
        requireAtLeast("--warm-up", warmUp, 0);
        requireAtLeast("--rounds", rounds, 1);
        requireAtLeast("--cycles", cycles, 1);
        requireAtLeast("--groups", projectGroups, 10);
        requireAtLeast("--projects", projects, 1);
        requireAtLeast("--users", users, 1);
        // Each user needs a group binding and a project binding; user 0's first is on the project read.
        requireAtLeast("--bindings", bindings, 2 * users);
        if (clients < 1 || clients > 64) {
            throw new IllegalArgumentException("--clients must be between 1 and 64, got " + clients);
        }
    }

    static AuthBenchOptions parse(String... args) {
        int iterations = 20_000;
        int warmUp = 30_000;
        int rounds = 3;
        int cycles = 2;
        int clients = 4;
        int groups = 1_000;
        int projects = 10_000;
        int users = 500;
        int bindings = 2_000;
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
            int number = parseCount(flag, value);
            switch (flag) {
                case "--iterations" -> iterations = number;
                case "--warm-up" -> warmUp = number;
                case "--rounds" -> rounds = number;
                case "--cycles" -> cycles = number;
                case "--clients" -> clients = number;
                case "--groups" -> groups = number;
                case "--projects" -> projects = number;
                case "--users" -> users = number;
                case "--bindings" -> bindings = number;
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return new AuthBenchOptions(iterations, warmUp, rounds, cycles, clients, groups, projects, users, bindings,
                Path.of("canopy-server", "target", "canopy-server.jar"), help);
    }

    private static int parseCount(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
    }

    private static void requireAtLeast(String flag, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(flag + " must be at least " + least + ", got " + value);
        }
    }
}
