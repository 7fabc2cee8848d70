package dev.canopy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * Everything the benchmark must undo (child servers, PostgreSQL, temp dirs), undone in reverse
 * order of registration. Closed by {@code main}'s finally block and by a shutdown hook, so it is
 * thread-safe and closing it twice is harmless.
 */
public final class CleanupStack implements AutoCloseable {

    /** One undo step; may throw, the remaining steps still run. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private record NamedStep(String description, Step step) {
    }

    private final Deque<NamedStep> steps = new ArrayDeque<>();
    private boolean closed;

    /** Registers a step to run at close. After close (JVM shutting down) it runs at once. */
    public void push(String description, Step step) {
        NamedStep named = new NamedStep(description, step);
        synchronized (this) {
            if (!closed) {
                steps.push(named);
                return;
            }
        }
        runQuietly(named);
    }

    /** Creates a fresh temp directory that is deleted, with its content, at close. */
    public Path createTempDirectory(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        push("delete " + directory, () -> deleteRecursively(directory));
        return directory;
    }

    /** True once cleanup has begun, e.g. because the JVM is shutting down on a signal. */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!steps.isEmpty()) {
            runQuietly(steps.pop());
        }
    }

    private static void runQuietly(NamedStep named) {
        try {
            named.step().run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("warning: interrupted during cleanup step: " + named.description());
        } catch (Exception e) {
            System.err.println("warning: cleanup step failed: " + named.description() + ": " + e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            // Deepest paths first, so every directory is empty when its turn comes.
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
