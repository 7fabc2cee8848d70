package dev.canopy.plugin.grpc.monitoring;

import dev.canopy.plugin.api.monitoring.MonitoringDataSourcePlugin;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.grpc.internal.PluginMethods;
import dev.canopy.plugin.proto.LogsResponse;
import dev.canopy.plugin.proto.MonitoringDataSourceGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;

import java.util.Objects;

/** Serves a {@link MonitoringDataSourcePlugin} as {@code canopy.plugin.v1.MonitoringDataSource}. */
public final class MonitoringDataSourceGrpcService implements BindableService {

    private final MonitoringDataSourcePlugin plugin;

    public MonitoringDataSourceGrpcService(MonitoringDataSourcePlugin plugin) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
    }

    @Override
    public ServerServiceDefinition bindService() {
        return ServerServiceDefinition.builder(MonitoringDataSourceGrpc.getServiceDescriptor())
                .addMethod(MonitoringDataSourceGrpc.getInitMethod(), PluginMethods.init(plugin))
                .addMethod(MonitoringDataSourceGrpc.getVerifyMethod(), PluginMethods.verify(plugin))
                .addMethod(MonitoringDataSourceGrpc.getListMetricsMethod(), PluginMethods.unary(
                        request -> MonitoringMessages.encodeMetrics(plugin.listMetrics(JsonStructs.toMap(request.getOptions()),
                                JsonStructs.toMap(request.getSecretData()), JsonStructs.toMap(request.getQuery())))))
                .addMethod(MonitoringDataSourceGrpc.getMetricDataMethod(), PluginMethods.unary(
                        request -> MonitoringMessages.encodeMetricData(
                                plugin.metricData(MonitoringMessages.decodeMetricDataRequest(request)))))
                .addMethod(MonitoringDataSourceGrpc.getLogsMethod(), PluginMethods.stream(
                        request -> plugin.logs(MonitoringMessages.decodeLogRequest(request)),
                        MonitoringMessages::encodeLogEntry,
                        batch -> LogsResponse.newBuilder().addAllEntries(batch).build()))
                .build();
    }
}
