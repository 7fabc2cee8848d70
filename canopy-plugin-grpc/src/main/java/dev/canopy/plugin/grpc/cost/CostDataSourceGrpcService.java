package dev.canopy.plugin.grpc.cost;

import dev.canopy.plugin.api.cost.CostDataSourcePlugin;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.grpc.internal.PluginMethods;
import dev.canopy.plugin.proto.CostDataResponse;
import dev.canopy.plugin.proto.CostDataSourceGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;

import java.util.Objects;

/** Serves a {@link CostDataSourcePlugin} as {@code canopy.plugin.v1.CostDataSource}; rows go out in batches. */
public final class CostDataSourceGrpcService implements BindableService {

    private final CostDataSourcePlugin plugin;

    public CostDataSourceGrpcService(CostDataSourcePlugin plugin) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
    }

    @Override
    public ServerServiceDefinition bindService() {
        return ServerServiceDefinition.builder(CostDataSourceGrpc.getServiceDescriptor())
                .addMethod(CostDataSourceGrpc.getInitMethod(), PluginMethods.init(plugin))
                .addMethod(CostDataSourceGrpc.getVerifyMethod(), PluginMethods.verify(plugin))
                .addMethod(CostDataSourceGrpc.getTasksMethod(), PluginMethods.unary(
                        request -> CostMessages.encodeTasks(plugin.tasks(CostMessages.decodeTaskRequest(request)))))
                .addMethod(CostDataSourceGrpc.getLinkedAccountsMethod(), PluginMethods.unary(
                        request -> CostMessages.encodeLinkedAccounts(plugin.linkedAccounts(
                                JsonStructs.toMap(request.getOptions()), JsonStructs.toMap(request.getSecretData())))))
                .addMethod(CostDataSourceGrpc.getCostDataMethod(), PluginMethods.stream(
                        request -> plugin.costData(JsonStructs.toMap(request.getOptions()),
                                JsonStructs.toMap(request.getSecretData()), JsonStructs.toMap(request.getTaskOptions())),
                        CostMessages::encodeRow,
                        batch -> CostDataResponse.newBuilder().addAllRows(batch).build()))
                .build();
    }
}
