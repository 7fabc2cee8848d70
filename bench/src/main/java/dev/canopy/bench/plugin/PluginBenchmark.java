package dev.canopy.bench.plugin;

import dev.canopy.bench.BenchLauncher;
import dev.canopy.bench.BenchmarkFailure;
import dev.canopy.bench.CleanupStack;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.example.ExampleCollectorPlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.PluginChannels;
import dev.canopy.plugin.grpc.collector.GrpcCollectorPlugin;
import io.grpc.ManagedChannel;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * What running a plugin behind gRPC costs against running it in process: the example collector streams
 * {@code --items} small cloud services (a) in this JVM and (b) through {@link GrpcCollectorPlugin} from its
 * runnable jar started as a separate local process. Both are consumed the same way, as the host will:
 * each item written to JSON bytes (Jackson), counted and checksummed (CRC32), and both sides must
 * produce the same count, bytes and checksum. After untimed warm-up runs of each side, timed runs
 * alternate in process, gRPC, {@code --rounds} times; the best run of each side counts, the per-run lines
 * show the spread. {@code grpc_to_in_process_ratio} is the fraction of the in-process rate that gRPC keeps;
 * the target is 0.25. Results go to stdout as {@code key=value} lines, progress to stderr.
 *
 * <p>Run it through {@code bench/plugin.sh}; see {@code bench/README.md}.
 */
public final class PluginBenchmark {

    static final double TARGET_RATIO = 0.25;
    private static final Map<String, Object> SECRET = Map.of("token", "bench-token");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PluginBenchOptions options;
    private final CleanupStack cleanup;
    private final PrintStream out;

    private PluginBenchmark(PluginBenchOptions options, CleanupStack cleanup, PrintStream out) {
        this.options = options;
        this.cleanup = cleanup;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchLauncher.launch(args, PluginBenchOptions::parse, PluginBenchOptions::help, PluginBenchOptions.USAGE,
                "canopy-plugin-bench", (options, cleanup) -> new PluginBenchmark(options, cleanup, System.out).run());
    }

    private int run() throws Exception {
        out.println("available_processors=" + Runtime.getRuntime().availableProcessors());
        out.println("jvm_version=" + Runtime.version());
        out.println("items=" + options.items());
        out.println("rounds=" + options.rounds());
        Path work = cleanup.createTempDirectory("canopy-bench-plugin-");
        progress("starting " + options.pluginJar() + " as a separate process");
        PluginProcess process = PluginProcess.start(options.pluginJar(), work.resolve("plugin.log"));
        cleanup.push("stop the plugin process", process::stop);
        ManagedChannel channel = PluginChannels.plaintext("127.0.0.1", process.port());
        cleanup.push("close the plugin channel", () -> PluginChannels.shutdown(channel, Duration.ofSeconds(5)));

        CollectorPlugin inProcess = new ExampleCollectorPlugin();
        CollectorPlugin overGrpc = new GrpcCollectorPlugin(channel, GrpcPluginSettings.defaults());
        CollectRequest request = new CollectRequest(
                Map.of("count", options.items(), "seed", 1, "regions", List.of("ex-north-1", "ex-south-1")),
                SECRET, Map.of(), Map.of());

        progress(options.warmUp() + " untimed runs of each side");
        for (int run = 0; run < options.warmUp(); run++) {
            consume(inProcess, request);
            consume(overGrpc, request);
        }
        List<Run> inProcessRuns = new ArrayList<>();
        List<Run> grpcRuns = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            Run local = consume(inProcess, request);
            Run remote = consume(overGrpc, request);
            if (!local.sameOutput(remote)) {
                throw new BenchmarkFailure("OUTPUT MISMATCH in round " + round + ": in process " + local + ", gRPC " + remote);
            }
            out.printf(Locale.ROOT, "run round=%d in_process_items_per_s=%.0f grpc_items_per_s=%.0f items=%d json_bytes=%d crc32=%08x%n",
                    round, local.itemsPerSecond(), remote.itemsPerSecond(), local.items(), local.jsonBytes(), local.checksum());
            inProcessRuns.add(local);
            grpcRuns.add(remote);
        }
        Run bestLocal = best(inProcessRuns);
        Run bestRemote = best(grpcRuns);
        double ratio = bestRemote.itemsPerSecond() / bestLocal.itemsPerSecond();
        out.printf(Locale.ROOT, "in_process_items_per_s=%.0f%n", bestLocal.itemsPerSecond());
        out.printf(Locale.ROOT, "grpc_items_per_s=%.0f%n", bestRemote.itemsPerSecond());
        out.printf(Locale.ROOT, "json_bytes_per_item=%.0f%n", (double) bestLocal.jsonBytes() / bestLocal.items());
        out.printf(Locale.ROOT, "grpc_to_in_process_ratio=%.2f (target >= %.2f: %s)%n", ratio, TARGET_RATIO,
                ratio >= TARGET_RATIO ? "MET" : "NOT MET");
        return 0;
    }

    /** Streams one collection and consumes it as the host does: JSON bytes, counted and checksummed. */
    private static Run consume(CollectorPlugin plugin, CollectRequest request) {
        CRC32 checksum = new CRC32();
        long items = 0;
        long bytes = 0;
        long started = System.nanoTime();
        try (Stream<CollectedResource> stream = plugin.collect(request)) {
            for (CollectedResource item : (Iterable<CollectedResource>) stream::iterator) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("state", item.state().name());
                document.put("resource_type", item.resourceType());
                document.put("match_rules", item.matchRules());
                document.put("resource", item.resource());
                byte[] json = JSON.writeValueAsBytes(document);
                checksum.update(json);
                bytes += json.length;
                items++;
            }
        }
        return new Run(items, bytes, checksum.getValue(), System.nanoTime() - started);
    }

    private static Run best(List<Run> runs) {
        return runs.stream().max((first, second) -> Double.compare(first.itemsPerSecond(), second.itemsPerSecond())).orElseThrow();
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }

    /** One consumed collection. */
    record Run(long items, long jsonBytes, long checksum, long nanos) {

        double itemsPerSecond() {
            return items * 1e9 / nanos;
        }

        boolean sameOutput(Run other) {
            return items == other.items && jsonBytes == other.jsonBytes && checksum == other.checksum;
        }
    }
}
