package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.collector.CollectedResource;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs the parts of one task (the services of a region) on a small pool of its own, at most
 * {@code parallelism} at once, and merges what they stream into one stream through a bounded queue: a
 * slow consumer holds the parts back (memory stays flat), and closing the stream stops them. Each part
 * catches its own failures (see {@link ServiceCollection}); a part that still throws ends the stream.
 */
final class ConcurrentCollection {

    private static final int QUEUE_CAPACITY = 256;
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** What a finished part puts on the queue. */
    private record Done(Throwable failure) {
    }

    private ConcurrentCollection() {
    }

    static Stream<CollectedResource> merge(List<Supplier<Stream<CollectedResource>>> parts, int parallelism) {
        if (parts.isEmpty()) {
            return Stream.empty();
        }
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, parts.size()), threads());
        for (Supplier<Stream<CollectedResource>> part : parts) {
            pool.execute(() -> run(part, queue));
        }
        pool.shutdown();
        Iterator<CollectedResource> items = new Iterator<>() {
            private int running = parts.size();
            private CollectedResource next;

            @Override
            public boolean hasNext() {
                while (next == null && running > 0) {
                    Object taken = take(queue);
                    if (taken instanceof Done done) {
                        running--;
                        if (done.failure() != null) {
                            pool.shutdownNow();
                            throw done.failure() instanceof RuntimeException runtime ? runtime
                                    : new PluginException(PluginFailure.INTERNAL, "collection failed", done.failure());
                        }
                    } else {
                        next = (CollectedResource) taken;
                    }
                }
                return next != null;
            }

            @Override
            public CollectedResource next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CollectedResource item = next;
                next = null;
                return item;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(pool::shutdownNow);
    }

    private static void run(Supplier<Stream<CollectedResource>> part, BlockingQueue<Object> queue) {
        Throwable failure = null;
        try (Stream<CollectedResource> items = part.get()) {
            Iterator<CollectedResource> iterator = items.iterator();
            while (iterator.hasNext() && !Thread.currentThread().isInterrupted()) {
                queue.put(iterator.next());
            }
        } catch (InterruptedException e) {
            // The consumer closed the stream: nobody waits for the end marker.
            return;
        } catch (RuntimeException | Error e) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            failure = e;
        }
        try {
            queue.put(new Done(failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(PluginFailure.INTERNAL, "interrupted while collecting", e);
        }
    }

    private static ThreadFactory threads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "aws-collector-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
