package dev.canopy.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Canopy's platform benchmark: start-to-healthy time of the server (cold and warm), and config
 * create+get round trips per second over REST as a ratio of the same work done with raw JDBC.
 * Results go to stdout as {@code key=value} lines, progress and warnings to stderr.
 *
 * <p>Run it through {@code bench/platform.sh}; see {@code bench/README.md}.
 */
public final class PlatformBenchmark {

    /** REST must reach this fraction of raw-JDBC round trips per second. */
    static final double TARGET_RATIO = 0.30;

    private final BenchOptions options;
    private final CleanupStack cleanup;
    private final PrintStream out;

    private PlatformBenchmark(BenchOptions options, CleanupStack cleanup, PrintStream out) {
        this.options = options;
        this.cleanup = cleanup;
        this.out = out;
    }

    /** Entry point; exit code 0 when the benchmark ran (whatever the verdict), 1 on failure, 2 on bad usage. */
    public static void main(String[] args) {
        BenchLauncher.launch(args, BenchOptions::parse, BenchOptions::help, BenchOptions.USAGE, "canopy-bench",
                (options, cleanup) -> {
                    new PlatformBenchmark(options, cleanup, System.out).run();
                    return 0;
                });
    }

    private void run() throws Exception {
        printMachine();
        Optional<Path> serverJar = Optional.empty();
        if (options.jdbcOnly()) {
            progress("--jdbc-only: skipping start-to-healthy and the REST phases");
        } else {
            serverJar = Optional.of(snapshotServerJar());
            progress("measuring start to healthy (cold, then warm) with " + options.serverJar());
            StartToHealthyBenchmark.Result startUp = new StartToHealthyBenchmark(serverJar.get(), cleanup).run();
            out.println("start_to_healthy_cold_ms=" + startUp.cold().toMillis());
            out.println("start_to_healthy_warm_ms=" + startUp.warm().toMillis());
        }
        progress("measuring config create+get round trips (" + RoundTripBenchmark.WARM_UP_ITERATIONS
                + " to warm up, then " + options.iterations() + " per run), with 1 and " + options.clients() + " clients");
        for (RoundTripBenchmark.Result result
                : new RoundTripBenchmark(options.iterations(), options.clients(), options.durable(), serverJar,
                cleanup, out).run()) {
            printRoundTrips(result);
        }
    }

    private void printMachine() {
        out.println("available_processors=" + Runtime.getRuntime().availableProcessors());
        out.println("jvm_version=" + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
        out.println("iterations=" + options.iterations());
        out.println("concurrent_clients=" + options.clients());
        out.println("database_fsync=" + (options.durable() ? "on" : "off"));
    }

    /**
     * Copies the server jar to a temp dir and returns the copy. A running JVM reads classes from its
     * jar lazily, so a rebuild of canopy-server during the benchmark would break the servers it runs.
     */
    private Path snapshotServerJar() throws IOException {
        if (!Files.isRegularFile(options.serverJar())) {
            throw new BenchmarkFailure("server jar not found: " + options.serverJar().toAbsolutePath()
                    + " (build it with `mvn -B -DskipTests package` at the repo root, or pass --jdbc-only)");
        }
        Path copy = cleanup.createTempDirectory("canopy-bench-jar-").resolve(options.serverJar().getFileName());
        return Files.copy(options.serverJar(), copy);
    }

    private void printRoundTrips(RoundTripBenchmark.Result result) {
        String clients = "clients" + result.clients();
        result.bestRest().ifPresent(rest -> out.println("rest_" + clients + "_roundtrips_per_s=" + rate(rest)));
        result.bestFloor().ifPresent(floor -> out.println("http_floor_" + clients + "_roundtrips_per_s=" + rate(floor)));
        out.println("jdbc_" + clients + "_roundtrips_per_s=" + rate(result.bestJdbc()));
        result.floorToJdbcRatio().ifPresent(ratio ->
                out.printf(Locale.ROOT, "http_floor_to_jdbc_ratio_%s=%.2f%n", clients, ratio));
        result.restToJdbcRatio().ifPresentOrElse(ratio -> printVerdict(clients, ratio),
                () -> out.printf(Locale.ROOT, "target %s: ratio >= %.2f -> SKIPPED (--jdbc-only)%n", clients, TARGET_RATIO));
    }

    private void printVerdict(String clients, double ratio) {
        // The verdict is taken on the printed (rounded) ratio, so the two lines never disagree.
        String printed = String.format(Locale.ROOT, "%.2f", ratio);
        out.println("rest_to_jdbc_ratio_" + clients + "=" + printed);
        boolean pass = Double.parseDouble(printed) >= TARGET_RATIO;
        out.printf(Locale.ROOT, "target %s: ratio >= %.2f -> %s%n", clients, TARGET_RATIO, pass ? "PASS" : "FAIL");
    }

    static String rate(RoundTripRun run) {
        return String.format(Locale.ROOT, "%.1f", run.perSecond());
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
