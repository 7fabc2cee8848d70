package dev.canopy.plugin.grpc.monitoring;

import dev.canopy.plugin.api.monitoring.LogRequest;
import dev.canopy.plugin.api.monitoring.MetricData;
import dev.canopy.plugin.api.monitoring.MetricDataRequest;
import dev.canopy.plugin.api.monitoring.MetricInfo;
import dev.canopy.plugin.api.monitoring.MonitoringDataSourcePlugin;
import dev.canopy.plugin.grpc.GrpcPlugin;
import dev.canopy.plugin.grpc.GrpcPluginSettings;
import dev.canopy.plugin.proto.MonitoringDataSourceGrpc;
import io.grpc.Channel;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A monitoring data source behind a gRPC endpoint ({@code canopy.plugin.v1.MonitoringDataSource}). */
public final class GrpcMonitoringDataSourcePlugin extends GrpcPlugin implements MonitoringDataSourcePlugin {

    public GrpcMonitoringDataSourcePlugin(Channel channel, GrpcPluginSettings settings) {
        super(channel, settings, MonitoringDataSourceGrpc.getInitMethod(), MonitoringDataSourceGrpc.getVerifyMethod());
    }

    @Override
    public List<MetricInfo> listMetrics(Map<String, Object> options, Map<String, Object> secretData,
                                        Map<String, Object> query) {
        return calls.unary(MonitoringDataSourceGrpc.getListMetricsMethod(),
                MonitoringMessages.encodeListMetrics(options, secretData, query), MonitoringMessages::decodeMetrics);
    }

    @Override
    public MetricData metricData(MetricDataRequest request) {
        return calls.unary(MonitoringDataSourceGrpc.getMetricDataMethod(),
                MonitoringMessages.encodeMetricDataRequest(request), MonitoringMessages::decodeMetricData);
    }

    @Override
    public Stream<Map<String, Object>> logs(LogRequest request) {
        return calls.stream(MonitoringDataSourceGrpc.getLogsMethod(), MonitoringMessages.encodeLogRequest(request),
                MonitoringMessages::decodeLogs);
    }
}
