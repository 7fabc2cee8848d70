package dev.canopy.bench.inventory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the server's heap every 500 ms from {@code /actuator/prometheus}: the sum of
 * {@code jvm_memory_used_bytes} over the heap's pools. Keeps the largest sum seen and how many
 * samples failed (a server that stopped answering, e.g. after an {@code OutOfMemoryError}).
 */
final class HeapSampler implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final URI uri;
    private final AtomicLong peakBytes = new AtomicLong(-1);
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
        this.thread = new Thread(this::loop, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** One sample now, on the caller's thread; the heap in bytes, or -1 when the server did not answer. */
    long sample() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            long used = 0;
            boolean found = false;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? used : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void loop() {
        while (running) {
            long used = sample();
            samples.incrementAndGet();
            if (used < 0) {
                failures.incrementAndGet();
            } else {
                peakBytes.accumulateAndGet(used, Math::max);
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The largest heap seen so far, in bytes; -1 before the first good sample. */
    long peakBytes() {
        return peakBytes.get();
    }

    long samples() {
        return samples.get();
    }

    long failures() {
        return failures.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(TIMEOUT.toMillis());
    }
}
