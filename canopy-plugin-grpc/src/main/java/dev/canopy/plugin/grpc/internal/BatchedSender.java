package dev.canopy.plugin.grpc.internal;

import com.google.protobuf.MessageLite;
import io.grpc.stub.ServerCallStreamObserver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Sends a plugin's stream as batches of item messages, on one producer thread, at the pace the
 * client reads.
 *
 * <p>A batch goes out when it holds {@link #MAX_ITEMS} items or {@link #MAX_BYTES} bytes, or when
 * {@link #MAX_DELAY_NANOS} passed since its first item (checked as items arrive: while the plugin works
 * on the next item, the ones before it wait), and at the end. Before each send the producer waits until gRPC's
 * transport is ready ({@code isReady} / {@code onReadyHandler}), so a plugin streaming millions of
 * items never runs ahead of the client by more than a batch or two: memory stays flat.
 *
 * <p>Failures: items already batched go out first, then the status of the failure. Cancellation (the
 * client closed its stream, its deadline passed, it went away) interrupts the producer and closes the
 * plugin's stream.
 */
final class BatchedSender<T, M extends MessageLite, R> implements Runnable {

    static final int MAX_ITEMS = 500;
    static final int MAX_BYTES = 256 * 1024;
    static final long MAX_DELAY_NANOS = 50_000_000L;

    private final ServerCallStreamObserver<R> responses;
    private final Supplier<Stream<T>> open;
    private final Function<T, M> encode;
    private final Function<List<M>, R> batch;
    /** Guards the hand-over between the producer and gRPC's ready and cancel callbacks. */
    private final Object lock = new Object();
    private volatile boolean cancelled;
    private Thread producer;
    // Producer thread only.
    private List<M> pending = new ArrayList<>();
    private long pendingBytes;
    private long batchStarted;

    BatchedSender(ServerCallStreamObserver<R> responses, Supplier<Stream<T>> open, Function<T, M> encode,
                  Function<List<M>, R> batch) {
        this.responses = responses;
        this.open = open;
        this.encode = encode;
        this.batch = batch;
    }

    void start(Executor producers) {
        responses.setOnReadyHandler(this::wakeUp);
        responses.setOnCancelHandler(this::cancel);
        producers.execute(this);
    }

    @Override
    public void run() {
        synchronized (lock) {
            if (cancelled) {
                return;
            }
            producer = Thread.currentThread();
        }
        try (Stream<T> items = open.get()) {
            // Pushed, not pulled: an iterator over a flatMap-ed stream would buffer each inner stream whole.
            items.sequential().forEachOrdered(this::add);
            if (!pending.isEmpty()) {
                send();
            }
            if (!isCancelled()) {
                responses.onCompleted();
            }
        } catch (Cancelled e) {
            // The client went away: nothing to answer.
        } catch (RuntimeException | Error e) {
            // Errors too: a call left open would hang the client until its idle timeout.
            fail(e);
        } finally {
            synchronized (lock) {
                producer = null;
            }
            // A cancel that raced the end may have interrupted this pooled thread: clear it.
            Thread.interrupted();
        }
    }

    private void add(T item) {
        if (cancelled) {
            throw new Cancelled();
        }
        M message = encode.apply(item);
        if (pending.isEmpty()) {
            batchStarted = System.nanoTime();
        }
        pending.add(message);
        pendingBytes += message.getSerializedSize();
        if (pending.size() >= MAX_ITEMS || pendingBytes >= MAX_BYTES
                || System.nanoTime() - batchStarted >= MAX_DELAY_NANOS) {
            send();
        }
    }

    private void fail(Throwable failure) {
        if (cancelled) {
            return;
        }
        try {
            if (!pending.isEmpty()) {
                send();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        if (!cancelled) {
            responses.onError(GrpcFailures.toStatus(failure).asRuntimeException());
        }
    }

    /** Sends the pending batch once the transport is ready; throws {@link Cancelled} if the call ends first. */
    private void send() {
        synchronized (lock) {
            while (!cancelled && !responses.isReady()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // Only a cancel interrupts the producer.
                    cancelled = true;
                }
            }
            if (cancelled) {
                throw new Cancelled();
            }
        }
        List<M> batchItems = pending;
        pending = new ArrayList<>(Math.min(MAX_ITEMS, batchItems.size() * 2));
        pendingBytes = 0;
        responses.onNext(batch.apply(batchItems));
    }

    private boolean isCancelled() {
        return cancelled;
    }

    /** Unwinds the plugin's stream when the call ended under it. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("call cancelled", null, false, false);
        }
    }

    private void wakeUp() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void cancel() {
        synchronized (lock) {
            cancelled = true;
            if (producer != null) {
                producer.interrupt();
            }
            lock.notifyAll();
        }
    }
}
