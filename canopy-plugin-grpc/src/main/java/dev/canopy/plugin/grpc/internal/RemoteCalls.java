package dev.canopy.plugin.grpc.internal;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;

import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The host side of every plugin call: deadlines, the mapping of failures to {@link PluginException},
 * and the check that a response keeps the contract. Thread-safe; one per adapter.
 */
public final class RemoteCalls {

    private final Channel channel;
    private final GrpcPluginSettings settings;

    public RemoteCalls(Channel channel, GrpcPluginSettings settings) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Calls a unary method within the call deadline.
     *
     * @param decode turns the response into API types; any exception it throws means a malformed response
     */
    public <Q, R, T> T unary(MethodDescriptor<Q, R> method, Q request, Function<R, T> decode) {
        R response;
        try {
            response = ClientCalls.blockingUnaryCall(channel, method,
                    CallOptions.DEFAULT.withDeadlineAfter(settings.callDeadline().toNanos(), TimeUnit.NANOSECONDS),
                    request);
        } catch (StatusRuntimeException e) {
            throw GrpcFailures.toPluginException(method.getFullMethodName(), e);
        }
        return decode(method, response, decode);
    }

    /**
     * Starts a server-streaming call and returns its items as a lazy stream. The stream pulls batches
     * as it is consumed (at most {@link GrpcPluginSettings#prefetch()} ahead), fails with
     * {@code TIMEOUT} when the plugin is silent for longer than the idle timeout or the call passes the
     * stream deadline, and cancels the call when closed before its end: close it (try-with-resources).
     *
     * @param unbatch turns one response message into its items; any exception it throws means a
     *                malformed response, which cancels the call
     */
    public <Q, R, T> Stream<T> stream(MethodDescriptor<Q, R> method, Q request, Function<R, List<T>> unbatch) {
        CallOptions options = CallOptions.DEFAULT
                .withDeadlineAfter(settings.streamDeadline().toNanos(), TimeUnit.NANOSECONDS);
        StreamedResponses<Q, R, T> responses = new StreamedResponses<>(method.getFullMethodName(), unbatch,
                settings.prefetch(), settings.idleTimeout());
        ClientCalls.asyncServerStreamingCall(channel.newCall(method, options), request, responses);
        Spliterator<T> spliterator = Spliterators.spliteratorUnknownSize(responses,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(responses::close);
    }

    static <R, T> T decode(MethodDescriptor<?, R> method, R response, Function<R, T> decode) {
        try {
            return decode.apply(response);
        } catch (PluginException e) {
            throw e;
        } catch (RuntimeException e) {
            throw GrpcFailures.malformed(method.getFullMethodName(), String.valueOf(e.getMessage()), e);
        }
    }
}
