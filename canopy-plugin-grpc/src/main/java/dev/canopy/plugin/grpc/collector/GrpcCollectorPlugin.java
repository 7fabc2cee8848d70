package dev.canopy.plugin.grpc.collector;

import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.grpc.GrpcPlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.proto.CollectorGrpc;
import io.grpc.Channel;

import java.util.List;
import java.util.stream.Stream;

/**
 * A collector behind a gRPC endpoint ({@code canopy.plugin.v1.Collector}), as a {@link CollectorPlugin}.
 * {@link #collect} streams lazily with backpressure; close the stream to cancel the call.
 */
public final class GrpcCollectorPlugin extends GrpcPlugin implements CollectorPlugin {

    public GrpcCollectorPlugin(Channel channel, GrpcPluginSettings settings) {
        super(channel, settings, CollectorGrpc.getInitMethod(), CollectorGrpc.getVerifyMethod());
    }

    @Override
    public List<CollectTask> tasks(CollectRequest request) {
        return calls.unary(CollectorGrpc.getTasksMethod(), CollectorMessages.encodeRequest(request), CollectorMessages::decodeTasks);
    }

    @Override
    public Stream<CollectedResource> collect(CollectRequest request) {
        return calls.stream(CollectorGrpc.getCollectMethod(), CollectorMessages.encodeRequest(request), CollectorMessages::decodeBatch);
    }
}
