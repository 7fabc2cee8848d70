package dev.canopy.plugin.grpc.cost;

import dev.canopy.plugin.api.cost.CostDataSourcePlugin;
import dev.canopy.plugin.api.cost.CostRow;
import dev.canopy.plugin.api.cost.CostTaskRequest;
import dev.canopy.plugin.api.cost.CostTasks;
import dev.canopy.plugin.api.cost.LinkedAccount;
import dev.canopy.plugin.grpc.GrpcPlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.proto.CostDataRequest;
import dev.canopy.plugin.proto.CostDataSourceGrpc;
import dev.canopy.plugin.proto.LinkedAccountsRequest;
import io.grpc.Channel;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A cost data source behind a gRPC endpoint ({@code canopy.plugin.v1.CostDataSource}). */
public final class GrpcCostDataSourcePlugin extends GrpcPlugin implements CostDataSourcePlugin {

    public GrpcCostDataSourcePlugin(Channel channel, GrpcPluginSettings settings) {
        super(channel, settings, CostDataSourceGrpc.getInitMethod(), CostDataSourceGrpc.getVerifyMethod());
    }

    @Override
    public CostTasks tasks(CostTaskRequest request) {
        return calls.unary(CostDataSourceGrpc.getTasksMethod(), CostMessages.encodeTaskRequest(request),
                CostMessages::decodeTasks);
    }

    @Override
    public List<LinkedAccount> linkedAccounts(Map<String, Object> options, Map<String, Object> secretData) {
        LinkedAccountsRequest request = LinkedAccountsRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(options))
                .setSecretData(JsonStructs.toStruct(secretData))
                .build();
        return calls.unary(CostDataSourceGrpc.getLinkedAccountsMethod(), request, CostMessages::decodeLinkedAccounts);
    }

    @Override
    public Stream<CostRow> costData(Map<String, Object> options, Map<String, Object> secretData,
                                    Map<String, Object> taskOptions) {
        CostDataRequest request = CostDataRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(options))
                .setSecretData(JsonStructs.toStruct(secretData))
                .setTaskOptions(JsonStructs.toStruct(taskOptions))
                .build();
        return calls.stream(CostDataSourceGrpc.getCostDataMethod(), request, CostMessages::decodeBatch);
    }
}
