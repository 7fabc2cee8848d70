package dev.canopy.bench.inventory;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.canopy.bench.BenchLauncher;
import dev.canopy.bench.BenchmarkFailure;
import dev.canopy.bench.CleanupStack;
import dev.canopy.bench.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inventory collection pipeline at scale: the built-in demo collector streams {@code --resources}
 * cloud services (default 1,000,000) through the whole pipeline (plugin, merge, change history) of a
 * server running with {@code -Xmx1g} against a fresh embedded PostgreSQL; then a second collection of
 * the next generation of the same estate, where 2% of the cloud services changed. Both are timed from
 * the {@code collect} call to the job's end, and compared with a raw {@code COPY} of the same
 * documents into a table made like {@code cloud_service} on the same PostgreSQL in the same run. The
 * server's heap is sampled every 500 ms throughout the collections.
 *
 * <p>Results go to stdout as {@code key=value} lines, progress to stderr. Run it through
 * {@code bench/inventory.sh}; see {@code bench/README.md}.
 */
public final class InventoryBenchmark {

    /** The first collection must reach this fraction of the raw COPY rate. */
    static final double TARGET_FIRST_TO_COPY = 0.25;
    /** The re-run with 2% changed must be at least this many times faster than the first collection. */
    static final double TARGET_SECOND_SPEEDUP = 2.0;
    /** The server's heap must stay under this, in MB. */
    static final long TARGET_HEAP_MB = 1024;
    static final double CHANGE_RATE = 0.02;
    private static final String SERVER_HEAP = "-Xmx1g";
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration JOB_POLL = Duration.ofMillis(250);
    private static final String DATABASE = "postgres";
    private static final String DB_USER = "postgres";
    private static final String DB_PASSWORD = "";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One collection job as it ended. */
    private record Run(JsonNode job, long nanos) {

        long count(String name) {
            return job.path(name).asLong(0);
        }

        double perSecond(long resources) {
            return resources / (nanos / 1e9);
        }
    }

    private final InventoryBenchOptions options;
    private final CleanupStack cleanup;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ServerProcess server;
    private String token;

    private InventoryBenchmark(InventoryBenchOptions options, CleanupStack cleanup, PrintStream out) {
        this.options = options;
        this.cleanup = cleanup;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchLauncher.launch(args, InventoryBenchOptions::parse, InventoryBenchOptions::help, InventoryBenchOptions.USAGE,
                "canopy-inventory-bench", (options, cleanup) -> new InventoryBenchmark(options, cleanup, System.out).run());
    }

    private int run() throws Exception {
        int resources = options.resources();
        out.println("available_processors=" + Runtime.getRuntime().availableProcessors());
        out.println("jvm_version=" + Runtime.version());
        out.println("resources=" + resources);
        out.println("change_rate=" + CHANGE_RATE);
        out.println("server_heap_limit=" + SERVER_HEAP);
        Path jar = snapshotServerJar();
        Path work = cleanup.createTempDirectory("canopy-bench-inventory-");

        progress("starting embedded PostgreSQL (commits synced to disk) and the server (" + SERVER_HEAP + ")");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        cleanup.push("close embedded PostgreSQL", postgres::close);
        String jdbcUrl = postgres.getJdbcUrl(DB_USER, DATABASE);
        Path dataDir = Files.createDirectory(work.resolve("data"));
        Path log = work.resolve("server.log");
        server = ServerProcess.start(new ServerProcess.Launch(jar, ServerProcess.freeLoopbackPort(), dataDir, log,
                Map.of("CANOPY_DB_URL", jdbcUrl, "CANOPY_DB_USER", DB_USER, "CANOPY_DB_PASSWORD", DB_PASSWORD,
                        "JAVA_TOOL_OPTIONS", SERVER_HEAP)));
        cleanup.push("stop server on port " + server.port(), server::stop);
        server.awaitHealthy(HEALTH_TIMEOUT);
        out.println("server_pid=" + server.pid());
        token = login();

        progress("creating a project group, a project, a demo service account and the collector");
        String groupId = call("/api/identity/project-group/create", object("name", "bench-inventory"))
                .path("project_group_id").asString();
        JsonNode project = call("/api/identity/project/create", object("name", "bench-inventory", "project_group_id", groupId));
        String projectId = project.path("project_id").asString();
        String domainId = project.path("domain_id").asString();
        String serviceAccountId = call("/api/identity/service-account/create",
                object("name", "bench-demo", "provider", "demo", "project_id", projectId)).path("service_account_id").asString();
        ObjectNode create = object("name", "bench", "provider", "demo");
        create.set("plugin_info", object("plugin_id", "plugin-demo-inven-collector").set("options", JSON.valueToTree(pluginOptions(1))));
        create.set("secret_filter", JSON.createObjectNode().set("service_accounts", JSON.createArrayNode().add(serviceAccountId)));
        String collectorId = call("/api/inventory/collector/create", create).path("collector_id").asString();

        HeapSampler heap = new HeapSampler(server.port());
        cleanup.push("stop heap sampler", heap::close);
        long heapAtStart = heap.sample();

        progress("run 1: collecting " + resources + " cloud services into the empty inventory");
        Run first = collect(collectorId);
        progress("run 1 done in " + seconds(first.nanos()) + " s: " + counts(first));
        progress("run 2: the next generation, " + (int) (CHANGE_RATE * 100) + "% of the cloud services changed");
        ObjectNode update = object("collector_id", collectorId);
        update.set("options", JSON.valueToTree(pluginOptions(2)));
        call("/api/inventory/collector/update_plugin", update);
        Run second = collect(collectorId);
        progress("run 2 done in " + seconds(second.nanos()) + " s: " + counts(second));
        heap.close();
        boolean serverUp = server.isAlive() && heap.sample() >= 0;
        boolean outOfMemory = Files.readString(log, StandardCharsets.UTF_8).contains("OutOfMemoryError");

        progress("raw COPY of the same " + resources + " documents into a table like cloud_service (schema "
                + CopyBaseline.SCHEMA + ")");
        CopyBaseline baseline = new CopyBaseline(jdbcUrl, DB_USER, DB_PASSWORD, pluginOptions(1), domainId, projectId,
                collectorId, serviceAccountId);
        cleanup.push("drop schema " + CopyBaseline.SCHEMA, baseline::dropSchema);
        baseline.createTable();
        Path csv = work.resolve("cloud_service.csv");
        CopyBaseline.Load together = baseline.generateAndCopy(csv);
        progress("generation+COPY done in " + seconds(together.nanos()) + " s; now the COPY alone from the same CSV");
        baseline.truncate();
        CopyBaseline.Load copyAlone = baseline.copyOnly(csv, together.cloudServices());
        Files.delete(csv);
        baseline.dropSchema();

        // Results.
        out.println("first_run_status=" + first.job().path("status").asString());
        printCounts("first_run", first);
        out.println("first_run_seconds=" + seconds(first.nanos()));
        out.println("first_run_job_seconds=" + jobSeconds(first.job()));
        out.println("second_run_status=" + second.job().path("status").asString());
        printCounts("second_run", second);
        out.println("second_run_seconds=" + seconds(second.nanos()));
        out.println("second_run_job_seconds=" + jobSeconds(second.job()));
        out.println("copy_rows=" + together.cloudServices());
        out.println("copy_csv_mb=" + String.format(Locale.ROOT, "%.1f", together.bytes() / 1048576.0));
        out.println("copy_seconds=" + seconds(together.nanos()));
        out.println("copy_only_seconds=" + seconds(copyAlone.nanos()));

        double firstRate = first.perSecond(resources);
        double secondRate = second.perSecond(resources);
        double copyRate = together.cloudServices() / (together.nanos() / 1e9);
        double copyOnlyRate = copyAlone.cloudServices() / (copyAlone.nanos() / 1e9);
        out.println("first_run_resources_per_s=" + rate(firstRate));
        out.println("second_run_resources_per_s=" + rate(secondRate));
        out.println("copy_resources_per_s=" + rate(copyRate));
        out.println("copy_only_resources_per_s=" + rate(copyOnlyRate));
        String ratio = String.format(Locale.ROOT, "%.2f", firstRate / copyRate);
        String speedup = String.format(Locale.ROOT, "%.2f", secondRate / firstRate);
        out.println("first_run_to_copy_ratio=" + ratio);
        out.println("first_run_to_copy_only_ratio=" + String.format(Locale.ROOT, "%.2f", firstRate / copyOnlyRate));
        out.println("second_to_first_speedup=" + speedup);
        long peakMb = heap.peakBytes() < 0 ? -1 : heap.peakBytes() / (1024 * 1024);
        out.println("server_heap_at_start_mb=" + (heapAtStart < 0 ? -1 : heapAtStart / (1024 * 1024)));
        out.println("server_peak_heap_mb=" + peakMb);
        out.println("heap_samples=" + heap.samples());
        out.println("heap_samples_failed=" + heap.failures());
        out.println("server_stayed_up=" + serverUp);
        out.println("server_out_of_memory=" + outOfMemory);

        boolean runsOk = "SUCCESS".equals(first.job().path("status").asString())
                && "SUCCESS".equals(second.job().path("status").asString())
                && first.count("created_count") >= resources && first.count("failure_count") == 0
                && second.count("failure_count") == 0;
        out.println("collections_complete=" + runsOk);
        boolean ratioMet = Double.parseDouble(ratio) >= TARGET_FIRST_TO_COPY;
        boolean speedupMet = Double.parseDouble(speedup) >= TARGET_SECOND_SPEEDUP;
        boolean heapMet = serverUp && !outOfMemory && peakMb >= 0 && peakMb < TARGET_HEAP_MB;
        out.printf(Locale.ROOT, "target first_run_to_copy_ratio >= %.2f: %s%n", TARGET_FIRST_TO_COPY, met(ratioMet));
        out.printf(Locale.ROOT, "target second_to_first_speedup >= %.1f: %s%n", TARGET_SECOND_SPEEDUP, met(speedupMet));
        out.printf(Locale.ROOT, "target server_peak_heap_mb < %d (server up, no OutOfMemoryError): %s%n", TARGET_HEAP_MB,
                met(heapMet));
        return runsOk ? 0 : 1;
    }

    /** The collector's options: the same estate (size, seed), at one generation of it. */
    private Map<String, Object> pluginOptions(long generation) {
        Map<String, Object> pluginOptions = new LinkedHashMap<>();
        pluginOptions.put("size", (long) options.resources());
        pluginOptions.put("seed", 1L);
        pluginOptions.put("generation", generation);
        pluginOptions.put("change_rate", CHANGE_RATE);
        return pluginOptions;
    }

    /** Starts a collection and waits for its job to end; timed from the {@code collect} call to the end seen. */
    private Run collect(String collectorId) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String jobId = call("/api/inventory/collector/collect", object("collector_id", collectorId)).path("job_id").asString();
        long deadline = start + Duration.ofMinutes(options.jobTimeout()).toNanos();
        long lastReport = start;
        while (true) {
            if (!server.isAlive()) {
                throw new BenchmarkFailure("the server died during the collection (job " + jobId + "); last lines of its log:\n"
                        + server.logTail());
            }
            JsonNode job = call("/api/inventory/job/get", object("job_id", jobId));
            String status = job.path("status").asString();
            if (status.equals("SUCCESS") || status.equals("FAILURE") || status.equals("CANCELED")) {
                return new Run(job, System.nanoTime() - start);
            }
            long now = System.nanoTime();
            if (now - deadline > 0) {
                throw new BenchmarkFailure("job " + jobId + " still " + status + " after " + options.jobTimeout() + " min");
            }
            if (now - lastReport > Duration.ofSeconds(30).toNanos()) {
                progress("  " + status + " after " + seconds(now - start) + " s");
                lastReport = now;
            }
            Thread.sleep(JOB_POLL.toMillis());
        }
    }

    private void printCounts(String prefix, Run run) {
        for (String name : new String[] {"created_count", "updated_count", "unchanged_count", "disconnected_count",
                "deleted_count", "failure_count"}) {
            out.println(prefix + "_" + name + "=" + run.count(name));
        }
    }

    private static String counts(Run run) {
        return run.job().path("status").asString() + ", created " + run.count("created_count") + ", updated "
                + run.count("updated_count") + ", disconnected " + run.count("disconnected_count") + ", failed "
                + run.count("failure_count");
    }

    private static String jobSeconds(JsonNode job) {
        try {
            Duration taken = Duration.between(java.time.Instant.parse(job.path("created_at").asString()),
                    java.time.Instant.parse(job.path("finished_at").asString()));
            return seconds(taken.toNanos());
        } catch (RuntimeException unreadable) {
            return "unknown";
        }
    }

    private String login() throws IOException, InterruptedException {
        ObjectNode credentials = object("user_id", "admin", "password", ServerProcess.ADMIN_PASSWORD);
        ObjectNode body = JSON.createObjectNode();
        body.set("credentials", credentials);
        HttpResponse<String> issued = post("/api/identity/token/issue", body, null);
        if (issued.statusCode() != 200) {
            throw new BenchmarkFailure("sign-in of admin failed: " + issued.statusCode() + " " + issued.body());
        }
        return JSON.readTree(issued.body()).path("access_token").asString();
    }

    private JsonNode call(String path, ObjectNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = post(path, body, token);
        if (response.statusCode() != 200) {
            throw new BenchmarkFailure("POST " + path + " answered " + response.statusCode() + " (expected 200): "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, ObjectNode body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode object(String... keysAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return node;
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

    private static String met(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
