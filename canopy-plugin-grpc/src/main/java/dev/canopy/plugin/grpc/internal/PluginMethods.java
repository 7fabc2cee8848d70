package dev.canopy.plugin.grpc.internal;

import com.google.protobuf.MessageLite;
import dev.canopy.plugin.api.Plugin;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.proto.InitRequest;
import dev.canopy.plugin.proto.InitResponse;
import dev.canopy.plugin.proto.VerifyRequest;
import dev.canopy.plugin.proto.VerifyResponse;
import io.grpc.ServerCallHandler;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The plugin side of every call: handlers that run a plugin's method and answer with its result, or
 * with the status {@link GrpcFailures#toStatus} gives for what it threw. The per-kind services bind
 * these to their method descriptors.
 */
public final class PluginMethods {

    /** Where streams are produced: off gRPC's call threads, since a plugin may block between items. */
    private static final ExecutorService PRODUCERS = Executors.newCachedThreadPool(new ProducerThreads());

    private PluginMethods() {
    }

    public static ServerCallHandler<InitRequest, InitResponse> init(Plugin plugin) {
        return unary(request -> InitResponse.newBuilder()
                .setMetadata(JsonStructs.toStruct(plugin.init(JsonStructs.toMap(request.getOptions())).values()))
                .build());
    }

    public static ServerCallHandler<VerifyRequest, VerifyResponse> verify(Plugin plugin) {
        return unary(request -> {
            plugin.verify(JsonStructs.toMap(request.getOptions()), JsonStructs.toMap(request.getSecretData()));
            return VerifyResponse.getDefaultInstance();
        });
    }

    /** A unary method: {@code handler} runs on gRPC's call thread. */
    public static <Q, R> ServerCallHandler<Q, R> unary(Function<Q, R> handler) {
        return ServerCalls.asyncUnaryCall((request, responses) -> {
            R response;
            try {
                response = handler.apply(request);
            } catch (RuntimeException | Error e) {
                responses.onError(GrpcFailures.toStatus(e).asRuntimeException());
                return;
            }
            responses.onNext(response);
            responses.onCompleted();
        });
    }

    /**
     * A server-streaming method that sends the plugin's items in batches ({@link BatchedSender}).
     *
     * @param open   calls the plugin; runs on a producer thread, as does the iteration of its stream
     * @param encode one item to its message
     * @param batch  a batch of item messages to one response message
     */
    public static <Q, T, M extends MessageLite, R> ServerCallHandler<Q, R> stream(
            Function<Q, Stream<T>> open, Function<T, M> encode, Function<List<M>, R> batch) {
        return ServerCalls.asyncServerStreamingCall((request, responses) -> {
            BatchedSender<T, M, R> sender = new BatchedSender<>((ServerCallStreamObserver<R>) responses,
                    () -> open.apply(request), encode, batch);
            sender.start(PRODUCERS);
        });
    }

    private static final class ProducerThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "canopy-plugin-stream-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
