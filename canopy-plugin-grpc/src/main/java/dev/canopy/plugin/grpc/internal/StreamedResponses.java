package dev.canopy.plugin.grpc.internal;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The responses of one server-streaming call, handed from gRPC's threads to the consuming thread.
 *
 * <p>Backpressure: automatic flow control is off; the call asks for {@code prefetch} messages and
 * for one more each time the consumer takes one, so at most {@code prefetch} decoded batches wait
 * here, however fast the plugin is (gRPC's transport window bounds the bytes in flight). Messages
 * are decoded on gRPC's thread while the consumer works on the previous batch.
 *
 * <p>The iterator side is for one consuming thread; {@link #close} may come from any thread.
 */
final class StreamedResponses<Q, R, T> implements ClientResponseObserver<Q, R>, Iterator<T> {

    /** Marks the normal end of the stream in the queue. */
    private static final Object END = new Object();

    private final String call;
    private final Function<R, List<T>> unbatch;
    private final int prefetch;
    private final Duration idleTimeout;
    /** Batches ({@code List<T>}), then {@link #END} or a {@link PluginException}. */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    private volatile ClientCallStreamObserver<Q> requestStream;
    private volatile boolean finished;
    private Iterator<T> batch = Collections.emptyIterator();

    StreamedResponses(String call, Function<R, List<T>> unbatch, int prefetch, Duration idleTimeout) {
        this.call = call;
        this.unbatch = unbatch;
        this.prefetch = prefetch;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
        this.requestStream = requestStream;
        requestStream.disableAutoRequestWithInitial(prefetch);
    }

    @Override
    public void onNext(R message) {
        List<T> items;
        try {
            items = unbatch.apply(message);
        } catch (RuntimeException e) {
            queue.add(GrpcFailures.malformed(call, String.valueOf(e.getMessage()), e));
            requestStream.cancel("malformed response", e);
            return;
        }
        queue.add(items);
    }

    @Override
    public void onError(Throwable error) {
        queue.add(GrpcFailures.toPluginException(call, Status.fromThrowable(error).asRuntimeException()));
    }

    @Override
    public void onCompleted() {
        queue.add(END);
    }

    @Override
    public boolean hasNext() {
        while (!batch.hasNext()) {
            if (finished) {
                return false;
            }
            takeNextMessage();
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.next();
    }

    /** Cancels the call unless it ended already; what is still queued is dropped. */
    void close() {
        if (!finished) {
            finished = true;
            requestStream.cancel("stream closed by the caller", null);
        }
        queue.clear();
    }

    @SuppressWarnings("unchecked")
    private void takeNextMessage() {
        Object next;
        try {
            next = queue.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new PluginException(PluginFailure.INTERNAL, call + ": interrupted while waiting for the plugin", e);
        }
        if (next == null) {
            close();
            throw new PluginException(PluginFailure.TIMEOUT,
                    call + ": no message from the plugin for " + idleTimeout.toMillis() + " ms");
        }
        if (next == END) {
            finished = true;
        } else if (next instanceof PluginException failure) {
            finished = true;
            queue.clear();
            throw failure;
        } else {
            batch = ((List<T>) next).iterator();
            requestStream.request(1);
        }
    }
}
