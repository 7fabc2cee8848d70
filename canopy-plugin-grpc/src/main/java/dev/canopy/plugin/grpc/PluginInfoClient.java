package dev.canopy.plugin.grpc;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.grpc.internal.RemoteCalls;
import dev.canopy.plugin.proto.DescribeRequest;
import dev.canopy.plugin.proto.PluginInfoGrpc;
import io.grpc.Channel;

import java.util.List;

/** Asks an endpoint which plugins it serves ({@code canopy.plugin.v1.PluginInfo/Describe}). */
public final class PluginInfoClient {

    private final RemoteCalls calls;

    public PluginInfoClient(Channel channel, GrpcPluginSettings settings) {
        this.calls = new RemoteCalls(channel, settings);
    }

    /**
     * The descriptors the endpoint serves, one per kind.
     *
     * @throws dev.canopy.plugin.api.PluginException as for any plugin call
     */
    public List<PluginDescriptor> describe() {
        return calls.unary(PluginInfoGrpc.getDescribeMethod(), DescribeRequest.getDefaultInstance(),
                response -> response.getPluginsList().stream().map(PluginDescriptors::decode).toList());
    }
}
