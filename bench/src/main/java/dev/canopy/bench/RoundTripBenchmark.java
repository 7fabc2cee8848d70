package dev.canopy.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Config create+get round trips per second through the server's REST API against the same work
 * done with raw JDBC, both on one embedded PostgreSQL: first with one client (latency-bound), then
 * with several concurrent clients (throughput-bound), each client holding its own connection. The
 * phases alternate (REST, JDBC, REST, JDBC) and the best run of each side counts, which damps the
 * noise of a small machine.
 */
public final class RoundTripBenchmark {

    /**
     * The outcome for one number of clients.
     *
     * @param clients  how many clients ran at once
     * @param bestRest  the fastest REST run; empty without a server
     * @param bestFloor the fastest run of two bare HTTP requests; empty without a server
     * @param bestJdbc  the fastest JDBC run
     */
    public record Result(int clients, Optional<RoundTripRun> bestRest, Optional<RoundTripRun> bestFloor,
                         RoundTripRun bestJdbc) {

        /** REST throughput as a fraction of raw JDBC throughput. */
        public Optional<Double> restToJdbcRatio() {
            return bestRest.map(rest -> rest.perSecond() / bestJdbc.perSecond());
        }

        /** The bare HTTP floor as a fraction of raw JDBC throughput: the most the REST ratio could be. */
        public Optional<Double> floorToJdbcRatio() {
            return bestFloor.map(floor -> floor.perSecond() / bestJdbc.perSecond());
        }
    }

    /**
     * Untimed round trips, with all clients, before any run is timed. The server's JIT keeps
     * compiling for tens of thousands of requests on a small machine; fewer, and the first runs
     * measure the compiler rather than the server.
     */
    static final int WARM_UP_ITERATIONS = 30_000;
    /** Untimed round trips at the start of each run, for its new connections. */
    private static final int RUN_WARM_UP_ITERATIONS = 500;
    private static final int ROUNDS = 3;
    private static final String DATABASE = "postgres";
    private static final String DB_USER = "postgres";
    private static final String DB_PASSWORD = "";

    private final int iterations;
    private final int concurrentClients;
    private final boolean durable;
    private final Optional<Path> serverJar;
    private final CleanupStack cleanup;
    private final PrintStream out;
    private final ConfigDocument documents = new ConfigDocument();

    /**
     * @param iterations        timed round trips per run
     * @param concurrentClients clients of the concurrent runs
     * @param durable           whether PostgreSQL syncs every commit to disk, as Canopy runs it;
     *                          otherwise commits stay in memory and only the CPU cost is compared
     * @param serverJar         the server to measure; empty for the JDBC baseline alone
     * @param cleanup           registers what the benchmark starts
     * @param out               receives each run's result as it finishes
     */
    public RoundTripBenchmark(int iterations, int concurrentClients, boolean durable, Optional<Path> serverJar,
                              CleanupStack cleanup, PrintStream out) {
        this.iterations = iterations;
        this.concurrentClients = concurrentClients;
        this.durable = durable;
        this.serverJar = serverJar;
        this.cleanup = cleanup;
        this.out = out;
    }

    /** Starts PostgreSQL (and the server, if there is one) and runs the rounds for one client, then for many. */
    public List<Result> run() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .start();
        cleanup.push("close embedded PostgreSQL", postgres::close);
        String jdbcUrl = postgres.getJdbcUrl(DB_USER, DATABASE);
        // The server first: its migrations expect a database without tables of others.
        Optional<Integer> port = serverJar.isEmpty() ? Optional.empty() : Optional.of(startServer(serverJar.get(), jdbcUrl));
        JdbcConfigBaseline.createTable(jdbcUrl, DB_USER, DB_PASSWORD);
        RoundTripRun.ClientFactory jdbc = () -> JdbcConfigBaseline.open(jdbcUrl, DB_USER, DB_PASSWORD, documents);
        if (port.isPresent()) {
            RoundTripRun.measure("rest-warmup", concurrentClients, 0, WARM_UP_ITERATIONS,
                    () -> new RestConfigClient(port.get(), documents));
            RoundTripRun.measure("http-floor-warmup", concurrentClients, 0, WARM_UP_ITERATIONS,
                    () -> new HttpFloorClient(port.get()));
        }
        RoundTripRun.measure("jdbc-warmup", concurrentClients, 0, WARM_UP_ITERATIONS, jdbc);
        List<Result> results = new ArrayList<>();
        for (int clients : List.of(1, concurrentClients)) {
            List<RoundTripRun> restRuns = new ArrayList<>();
            List<RoundTripRun> floorRuns = new ArrayList<>();
            List<RoundTripRun> jdbcRuns = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                if (port.isPresent()) {
                    restRuns.add(measureAndReport("rest", clients, round, () -> new RestConfigClient(port.get(), documents)));
                    floorRuns.add(measureAndReport("http_floor", clients, round, () -> new HttpFloorClient(port.get())));
                }
                jdbcRuns.add(measureAndReport("jdbc", clients, round, jdbc));
            }
            results.add(new Result(clients, best(restRuns), best(floorRuns), RoundTripRun.best(jdbcRuns)));
        }
        if (port.isPresent()) {
            // Only now: the baseline's own connections are closed, so any client left is the server.
            requireServerConnectedTo(postgres);
        }
        return results;
    }

    /** Launches the server in external-database mode against {@code jdbcUrl}; returns its port. */
    private int startServer(Path jar, String jdbcUrl) throws IOException, InterruptedException {
        Path workDir = cleanup.createTempDirectory("canopy-bench-roundtrip-");
        Path dataDir = Files.createDirectory(workDir.resolve("data"));
        ServerProcess server = ServerProcess.start(new ServerProcess.Launch(
                jar, ServerProcess.freeLoopbackPort(), dataDir, workDir.resolve("server.log"),
                Map.of("CANOPY_DB_URL", jdbcUrl, "CANOPY_DB_USER", DB_USER, "CANOPY_DB_PASSWORD", DB_PASSWORD)));
        cleanup.push("stop server on port " + server.port(), server::stop);
        server.awaitHealthy(StartToHealthyBenchmark.HEALTH_TIMEOUT);
        return server.port();
    }

    /**
     * Guards the comparison: a server that ignored {@code CANOPY_DB_URL} would have answered from
     * an embedded database of its own, and the ratio would compare two different databases.
     */
    private static void requireServerConnectedTo(EmbeddedPostgres postgres) throws SQLException {
        String otherClients = "SELECT count(*) FROM pg_stat_activity"
                + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()";
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(otherClients)) {
            if (!count.next() || count.getLong(1) == 0) {
                throw new BenchmarkFailure("the server holds no connection to the benchmark's PostgreSQL;"
                        + " does it honour CANOPY_DB_URL?");
            }
        }
    }

    private static Optional<RoundTripRun> best(List<RoundTripRun> runs) {
        return runs.isEmpty() ? Optional.empty() : Optional.of(RoundTripRun.best(runs));
    }

    private RoundTripRun measureAndReport(String side, int clients, int round, RoundTripRun.ClientFactory factory)
            throws Exception {
        RoundTripRun run = RoundTripRun.measure(side + "-c" + clients + "-" + round, clients, RUN_WARM_UP_ITERATIONS,
                iterations, factory);
        // Every run is printed, not only the best, so the spread between rounds is visible.
        out.printf("%s_clients%d_run%d_roundtrips_per_s=%s%n", side, clients, round, PlatformBenchmark.rate(run));
        return run;
    }
}
