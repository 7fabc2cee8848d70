package dev.canopy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One timed run of round trips by a number of concurrent clients, each doing its share in sequence.
 *
 * @param label      what ran, e.g. {@code rest-c8-1}
 * @param clients    how many clients ran at once
 * @param iterations how many round trips were timed, over all clients
 * @param elapsed    wall-clock time of the timed part (warm-up excluded)
 */
public record RoundTripRun(String label, int clients, int iterations, Duration elapsed) {

    private static final long RUN_LIMIT_MINUTES = 10;

    /** One side's client: one connection, used by one thread. */
    public interface Client extends AutoCloseable {
        /** Creates the config named {@code name} and reads it back. */
        void createAndGet(String name) throws Exception;
    }

    /** Opens one more client of a side. */
    @FunctionalInterface
    public interface ClientFactory {
        Client open() throws Exception;
    }

    /**
     * Opens {@code clients} clients, runs {@code warmUpIterations} round trips untimed (JIT,
     * connection pools, caches), then {@code iterations} timed ones, shared out evenly, and closes
     * the clients. Names are {@code bench-<label>-<client>-<i>}, unique per run.
     */
    public static RoundTripRun measure(String label, int clients, int warmUpIterations, int iterations,
                                       ClientFactory factory) throws Exception {
        List<Client> opened = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            for (int client = 0; client < clients; client++) {
                opened.add(factory.open());
            }
            runAll(threads, opened, label + "-warmup", warmUpIterations / clients);
            int perClient = Math.max(1, iterations / clients);
            long start = System.nanoTime();
            runAll(threads, opened, label, perClient);
            return new RoundTripRun(label, clients, perClient * clients, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            threads.shutdownNow();
            for (Client client : opened) {
                client.close();
            }
        }
    }

    /** The fastest of the runs: on a small, shared machine the best run is the least disturbed. */
    public static RoundTripRun best(List<RoundTripRun> runs) {
        return runs.stream()
                .max(Comparator.comparingDouble(RoundTripRun::perSecond))
                .orElseThrow(() -> new IllegalArgumentException("no runs"));
    }

    /** Round trips per second of the timed part. */
    public double perSecond() {
        return iterations / (elapsed.toNanos() / 1e9);
    }

    private static void runAll(ExecutorService threads, List<Client> clients, String run, int iterationsEach)
            throws Exception {
        List<Future<Void>> done = new ArrayList<>();
        for (int index = 0; index < clients.size(); index++) {
            Client client = clients.get(index);
            String prefix = "bench-" + run + "-" + index + "-";
            done.add(threads.submit(() -> {
                for (int i = 0; i < iterationsEach; i++) {
                    client.createAndGet(prefix + i);
                }
                return null;
            }));
        }
        for (Future<Void> future : done) {
            try {
                future.get(RUN_LIMIT_MINUTES, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException failed) {
                throw failed.getCause() instanceof Exception cause ? cause : failed;
            }
        }
    }
}
