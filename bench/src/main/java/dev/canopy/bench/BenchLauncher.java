package dev.canopy.bench;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The command-line frame every benchmark shares: quiet logging, usage errors (exit 2), help,
 * and cleanup of servers, databases and temporary directories however the run ends.
 */
public final class BenchLauncher {

    /** One benchmark run; returns its exit code (0 when it ran and its checks held). */
    @FunctionalInterface
    public interface Run<O> {
        int run(O options, CleanupStack cleanup) throws Exception;
    }

    private BenchLauncher() {
    }

    /** Parses {@code args}, runs the benchmark and exits the JVM with its code. */
    public static <O> void launch(String[] args, Function<String[], O> parse, Predicate<O> wantsHelp, String usage,
                                  String name, Run<O> run) {
        // Before any logger exists: embedded PostgreSQL's INFO chatter would bury the results.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return;
        }
        if (wantsHelp.test(options)) {
            System.out.print(usage);
            return;
        }
        System.exit(runWithCleanup(options, name, run));
    }

    private static <O> int runWithCleanup(O options, String name, Run<O> run) {
        CleanupStack cleanup = new CleanupStack();
        // Ctrl-C or SIGTERM must not leave servers, PostgreSQL or temp dirs behind either.
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::close, name + "-cleanup"));
        try {
            return run.run(options, cleanup);
        } catch (BenchmarkFailure e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            if (cleanup.isClosed()) {
                // A signal's shutdown hook tore the servers down under us: not a failure to explain.
                System.err.println("error: stopped by a signal; cleaned up");
                return 1;
            }
            System.err.println("error: benchmark failed unexpectedly");
            e.printStackTrace();
            return 1;
        } finally {
            cleanup.close();
        }
    }
}
