package dev.canopy.bench.query;

import java.util.List;

/**
 * Command-line options of {@link QueryBenchmark}.
 *
 * @param documents documents loaded into {@code cloud_resource}, spread over the benchmark's domains
 * @param rounds    rounds of alternating compiled / hand-written runs per measured statement
 * @param runs      runs of each side per round
 * @param seed      seed of the generated documents (same seed, same table)
 * @param planCacheMode the sessions' {@code plan_cache_mode}: {@code force_custom_plan} (as the server
 *                      runs), {@code auto} (PostgreSQL's default) or {@code force_generic_plan}
 * @param help      print the usage and exit
 */
public record QueryBenchOptions(int documents, int rounds, int runs, long seed, String planCacheMode, boolean help) {

    static final int DEFAULT_DOCUMENTS = 1_000_000;
    static final int DEFAULT_ROUNDS = 5;
    static final int DEFAULT_RUNS = 3;
    static final long DEFAULT_SEED = 42;

    static final String USAGE = """
            usage: QueryBenchmark [--documents N] [--rounds N] [--runs N] [--seed N] [--plan-cache-mode MODE]
              --documents N  documents to load into cloud_resource (default %d)
              --rounds N     rounds alternating compiled and hand-written SQL (default %d)
              --runs N       runs of each side per round (default %d); the median of all runs counts
              --seed N       seed of the generated documents (default %d)
              --plan-cache-mode auto|force_custom_plan|force_generic_plan
                             PostgreSQL's plan_cache_mode for the sessions (default force_custom_plan, as the server)
            """.formatted(DEFAULT_DOCUMENTS, DEFAULT_ROUNDS, DEFAULT_RUNS, DEFAULT_SEED);

    /** Validates the values, whichever way the record was built. */
    public QueryBenchOptions {
        if (documents < 1000) {
            throw new IllegalArgumentException("--documents must be at least 1000, got " + documents);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        if (!List.of("auto", "force_custom_plan", "force_generic_plan").contains(planCacheMode)) {
            throw new IllegalArgumentException("--plan-cache-mode must be auto, force_custom_plan or force_generic_plan, got "
                    + planCacheMode);
        }
    }

    /**
     * Parses the command line ({@code --flag N} or {@code --flag=N}).
     *
     * @throws IllegalArgumentException on an unknown flag or a bad value
     */
    static QueryBenchOptions parse(String... args) {
        int documents = DEFAULT_DOCUMENTS;
        int rounds = DEFAULT_ROUNDS;
        int runs = DEFAULT_RUNS;
        long seed = DEFAULT_SEED;
        String planCacheMode = "force_custom_plan";
        boolean help = false;
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
                continue;
            }
            String flag = arg;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                flag = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else {
                if (index + 1 >= args.length) {
                    throw new IllegalArgumentException(arg.startsWith("--") ? arg + " needs a value" : "unknown argument: " + arg);
                }
                value = args[++index];
            }
            switch (flag) {
                case "--documents" -> documents = (int) parseNumber(flag, value);
                case "--rounds" -> rounds = (int) parseNumber(flag, value);
                case "--runs" -> runs = (int) parseNumber(flag, value);
                case "--seed" -> seed = parseNumber(flag, value);
                case "--plan-cache-mode" -> planCacheMode = value;
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return new QueryBenchOptions(documents, rounds, runs, seed, planCacheMode, help);
    }

    private static long parseNumber(String flag, String value) {
        try {
            long number = Long.parseLong(value.replace("_", ""));
            if (!flag.equals("--seed") && (number < 0 || number > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(flag + " is out of range: " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
    }
}
