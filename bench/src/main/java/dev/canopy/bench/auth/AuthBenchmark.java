package dev.canopy.bench.auth;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.canopy.bench.BenchLauncher;
import dev.canopy.bench.BenchmarkFailure;
import dev.canopy.bench.CleanupStack;
import dev.canopy.bench.RoundTripRun;
import dev.canopy.bench.ServerProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What authentication and the permission check cost: requests per second of one {@code get},
 * authenticated, against the same {@code get} with authentication disabled
 * ({@code canopy.api.authentication=disabled}), on the same server build and data directory in the
 * same run. The identity data is at the scale of a large tenant: 1,000 project groups, 10,000
 * projects, 500 users holding 2,000 project role bindings.
 *
 * <p>The server starts on one data directory to load the data, then with authentication disabled
 * (the baseline), then with it required, where the admin and a project-scoped user (whose reach is
 * computed over the project tree) take turns; the last two starts repeat {@code --cycles} times. After each start,
 * untimed requests warm the JIT up; then every side has several timed runs and its best counts, as
 * in the platform benchmark. Results go to stdout as {@code key=value} lines, progress to stderr.
 *
 * <p>Run it through {@code bench/auth.sh}; see {@code bench/README.md}.
 */
public final class AuthBenchmark {

    /** Authenticated throughput must reach this fraction of the unauthenticated one. */
    static final double TARGET_RATIO = 0.80;
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(3);
    private static final int RUN_WARM_UP = 500;
    private static final String CONFIG_NAME = "bench-auth-target";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** For signing in and setting up; the measured requests go through {@link AuthGetClient}. */
    private static final HttpClient SETUP_HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final AuthBenchOptions options;
    private final CleanupStack cleanup;
    private final PrintStream out;
    /** The admin password every benchmarked server is started with. */
    private final String adminPassword = ServerProcess.ADMIN_PASSWORD;

    private AuthBenchmark(AuthBenchOptions options, CleanupStack cleanup, PrintStream out) {
        this.options = options;
        this.cleanup = cleanup;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchLauncher.launch(args, AuthBenchOptions::parse, AuthBenchOptions::help, AuthBenchOptions.USAGE,
                "canopy-auth-bench", (options, cleanup) -> {
                    new AuthBenchmark(options, cleanup, System.out).run();
                    return 0;
                });
    }

    private void run() throws Exception {
        out.println("available_processors=" + Runtime.getRuntime().availableProcessors());
        out.println("jvm_version=" + Runtime.version());
        out.println("concurrent_clients=" + options.clients());
        out.println("iterations=" + options.iterations());
        out.println("rounds=" + options.rounds());
        out.println("cycles=" + options.cycles());
        Path jar = snapshotServerJar();
        Path work = cleanup.createTempDirectory("canopy-bench-auth-");
        Path dataDir = Files.createDirectory(work.resolve("data"));

        progress("loading " + options.projectGroups() + " project groups, " + options.projects() + " projects, "
                + options.users() + " users and " + options.bindings() + " role bindings");
        ServerProcess loader = start(jar, dataDir, work.resolve("server-load.log"), false);
        long loadStart = System.nanoTime();
        IdentityLoad.Loaded loaded = IdentityLoad.load(dataDir, options);
        AuthGetClient.Target target = chooseTarget(loader.port(), login(loader.port(), "admin"), loaded);
        out.printf(Locale.ROOT, "load_ms=%d%n", Duration.ofNanos(System.nanoTime() - loadStart).toMillis());
        List<Long> counts = IdentityLoad.counts(dataDir);
        out.println("project_groups=" + counts.get(0));
        out.println("projects=" + counts.get(1));
        out.println("users=" + counts.get(2));
        out.println("role_bindings=" + counts.get(3));
        out.println("measured_verb=" + target.path());
        loader.stop();

        List<RoundTripRun> unauthenticatedRuns = new ArrayList<>();
        List<RoundTripRun> adminRuns = new ArrayList<>();
        List<RoundTripRun> projectRuns = new ArrayList<>();
        // Off, then on, --cycles times: on a shared machine the load drifts, and alternating keeps
        // a drift from favouring one side.
        for (int cycle = 1; cycle <= options.cycles(); cycle++) {
            progress("cycle " + cycle + ", authentication disabled: " + options.warmUp() + " requests to warm up, then "
                    + options.rounds() + " runs of " + options.iterations());
            ServerProcess open = start(jar, dataDir, work.resolve("server-disabled-" + cycle + ".log"), true);
            RoundTripRun.ClientFactory anonymous = () -> new AuthGetClient(open.port(), target, null);
            // As many warm-up requests as the authenticated server gets (one warm-up per user there).
            warmUp("unauthenticated", anonymous);
            warmUp("unauthenticated", anonymous);
            for (int round = 1; round <= options.rounds(); round++) {
                unauthenticatedRuns.add(measure("unauthenticated", cycle, round, anonymous));
            }
            open.stop();

            progress("cycle " + cycle + ", authentication required: admin and project-scoped user take turns");
            ServerProcess server = start(jar, dataDir, work.resolve("server-required-" + cycle + ".log"), false);
            String adminToken = login(server.port(), "admin");
            String projectToken = login(server.port(), loaded.projectUser());
            RoundTripRun.ClientFactory admin = () -> new AuthGetClient(server.port(), target, adminToken);
            RoundTripRun.ClientFactory projectUser = () -> new AuthGetClient(server.port(), target, projectToken);
            warmUp("admin", admin);
            warmUp("project_user", projectUser);
            for (int round = 1; round <= options.rounds(); round++) {
                adminRuns.add(measure("admin", cycle, round, admin));
                projectRuns.add(measure("project_user", cycle, round, projectUser));
            }
            server.stop();
        }

        RoundTripRun baseline = RoundTripRun.best(unauthenticatedRuns);
        out.println("unauthenticated_requests_per_s=" + rate(baseline));
        out.println("admin_requests_per_s=" + rate(RoundTripRun.best(adminRuns)));
        out.println("project_user_requests_per_s=" + rate(RoundTripRun.best(projectRuns)));
        verdict("admin", RoundTripRun.best(adminRuns), baseline);
        verdict("project_user", RoundTripRun.best(projectRuns), baseline);
    }

    /**
     * {@code identity.Project.get} of a project in the project user's reach when the server has
     * that verb; otherwise {@code config.DomainConfig.get} of a config made for the benchmark.
     */
    private AuthGetClient.Target chooseTarget(int port, String adminToken, IdentityLoad.Loaded loaded)
            throws IOException, InterruptedException {
        String projectBody = "{\"project_id\": \"" + loaded.projectInReach() + "\"}";
        if (post(port, adminToken, "/api/identity/project/get", projectBody).statusCode() == 200) {
            return new AuthGetClient.Target("/api/identity/project/get", projectBody, loaded.projectInReach());
        }
        HttpResponse<String> created = post(port, adminToken, "/api/config/domain-config/create",
                "{\"name\": \"" + CONFIG_NAME + "\", \"data\": {\"purpose\": \"auth benchmark\"}}");
        if (created.statusCode() != 200) {
            throw new BenchmarkFailure("could not create the config to read: " + created.body());
        }
        return new AuthGetClient.Target("/api/config/domain-config/get", "{\"name\": \"" + CONFIG_NAME + "\"}", CONFIG_NAME);
    }

    private ServerProcess start(Path jar, Path dataDir, Path log, boolean authenticationDisabled)
            throws IOException, InterruptedException {
        Map<String, String> environment = authenticationDisabled
                ? Map.of("CANOPY_API_AUTHENTICATION", "disabled")
                : Map.of();
        ServerProcess server = ServerProcess.start(new ServerProcess.Launch(jar, ServerProcess.freeLoopbackPort(), dataDir,
                log, environment));
        cleanup.push("stop server on port " + server.port(), server::stop);
        server.awaitHealthy(HEALTH_TIMEOUT);
        return server;
    }

    private String login(int port, String userId) throws IOException, InterruptedException {
        HttpResponse<String> issued = post(port, null, "/api/identity/token/issue",
                "{\"credentials\": {\"user_id\": \"" + userId + "\", \"password\": \"" + adminPassword + "\"}}");
        if (issued.statusCode() != 200) {
            throw new BenchmarkFailure("sign-in of " + userId + " failed: " + issued.statusCode());
        }
        JsonNode tokens = JSON.readTree(issued.body());
        return tokens.path("access_token").asString();
    }

    private static HttpResponse<String> post(int port, String token, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return SETUP_HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void warmUp(String side, RoundTripRun.ClientFactory factory) throws Exception {
        if (options.warmUp() > 0) {
            RoundTripRun.measure(side + "-warmup", options.clients(), 0, options.warmUp(), factory);
        }
    }

    private RoundTripRun measure(String side, int cycle, int round, RoundTripRun.ClientFactory factory) throws Exception {
        RoundTripRun run = RoundTripRun.measure(side + "-" + cycle + "-" + round, options.clients(), RUN_WARM_UP,
                options.iterations(), factory);
        // Every run is printed, not only the best, so the spread between rounds is visible.
        out.println(side + "_cycle" + cycle + "_run" + round + "_requests_per_s=" + rate(run));
        return run;
    }

    private void verdict(String side, RoundTripRun best, RoundTripRun baseline) {
        // The verdict is taken on the printed (rounded) ratio, so the two lines never disagree.
        String printed = String.format(Locale.ROOT, "%.2f", best.perSecond() / baseline.perSecond());
        out.println(side + "_to_unauthenticated_ratio=" + printed);
        boolean pass = Double.parseDouble(printed) >= TARGET_RATIO;
        out.printf(Locale.ROOT, "target %s: ratio >= %.2f -> %s%n", side, TARGET_RATIO, pass ? "PASS" : "FAIL");
    }

    /** A copy of the jar, so that a rebuild during the run cannot change the server under measurement. */
    private Path snapshotServerJar() throws IOException {
        if (!Files.isRegularFile(options.serverJar())) {
            throw new BenchmarkFailure("server jar not found: " + options.serverJar().toAbsolutePath()
                    + " (build it with `mvn -B -DskipTests package` at the repo root)");
        }
        Path copy = cleanup.createTempDirectory("canopy-bench-jar-").resolve(options.serverJar().getFileName());
        return Files.copy(options.serverJar(), copy);
    }

    private static String rate(RoundTripRun run) {
        return String.format(Locale.ROOT, "%.1f", run.perSecond());
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
