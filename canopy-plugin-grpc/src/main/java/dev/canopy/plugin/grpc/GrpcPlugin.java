package dev.canopy.plugin.grpc;

import dev.canopy.plugin.api.Plugin;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.grpc.internal.RemoteCalls;
import dev.canopy.plugin.proto.InitRequest;
import dev.canopy.plugin.proto.InitResponse;
import dev.canopy.plugin.proto.VerifyRequest;
import dev.canopy.plugin.proto.VerifyResponse;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;

import java.util.Map;

/**
 * A plugin behind a gRPC endpoint, seen through its kind's Java interface: what every host-side
 * adapter ({@code GrpcCollectorPlugin}, ...) shares, namely {@code init} and {@code verify}.
 *
 * <p>An adapter is cheap and thread-safe; it does not own its channel, so {@link #close()} leaves the
 * channel open: one channel per endpoint serves any number of adapters and calls, and its owner shuts
 * it down (see {@link PluginChannels}). Every failure is a {@link dev.canopy.plugin.api.PluginException}
 * as {@link dev.canopy.plugin.grpc.internal.GrpcFailures} maps it.
 */
public abstract class GrpcPlugin implements Plugin {

    /** The calls of this adapter's endpoint, for the kind-specific verbs. */
    protected final RemoteCalls calls;
    private final MethodDescriptor<InitRequest, InitResponse> initMethod;
    private final MethodDescriptor<VerifyRequest, VerifyResponse> verifyMethod;

    protected GrpcPlugin(Channel channel, GrpcPluginSettings settings,
                         MethodDescriptor<InitRequest, InitResponse> initMethod,
                         MethodDescriptor<VerifyRequest, VerifyResponse> verifyMethod) {
        this.calls = new RemoteCalls(channel, settings);
        this.initMethod = initMethod;
        this.verifyMethod = verifyMethod;
    }

    @Override
    public PluginMetadata init(Map<String, Object> options) {
        InitRequest request = InitRequest.newBuilder().setOptions(JsonStructs.toStruct(options)).build();
        return calls.unary(initMethod, request, response -> PluginMetadata.of(JsonStructs.toMap(response.getMetadata())));
    }

    @Override
    public void verify(Map<String, Object> options, Map<String, Object> secretData) {
        VerifyRequest request = VerifyRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(options))
                .setSecretData(JsonStructs.toStruct(secretData))
                .build();
        calls.unary(verifyMethod, request, response -> response);
    }
}
