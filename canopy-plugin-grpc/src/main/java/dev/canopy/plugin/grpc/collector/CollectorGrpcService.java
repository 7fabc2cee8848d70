package dev.canopy.plugin.grpc.collector;

import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.grpc.internal.PluginMethods;
import dev.canopy.plugin.proto.CollectResponse;
import dev.canopy.plugin.proto.CollectorGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;

import java.util.Objects;

/** Serves a {@link CollectorPlugin} as {@code canopy.plugin.v1.Collector}; collected items go out in batches. */
public final class CollectorGrpcService implements BindableService {

    private final CollectorPlugin plugin;

    public CollectorGrpcService(CollectorPlugin plugin) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
    }

    @Override
    public ServerServiceDefinition bindService() {
        return ServerServiceDefinition.builder(CollectorGrpc.getServiceDescriptor())
                .addMethod(CollectorGrpc.getInitMethod(), PluginMethods.init(plugin))
                .addMethod(CollectorGrpc.getVerifyMethod(), PluginMethods.verify(plugin))
                .addMethod(CollectorGrpc.getTasksMethod(), PluginMethods.unary(
                        request -> CollectorMessages.encodeTasks(plugin.tasks(CollectorMessages.decodeRequest(request)))))
                .addMethod(CollectorGrpc.getCollectMethod(), PluginMethods.stream(
                        request -> plugin.collect(CollectorMessages.decodeRequest(request)),
                        CollectorMessages::encodeResource,
                        batch -> CollectResponse.newBuilder().addAllResources(batch).build()))
                .build();
    }
}
