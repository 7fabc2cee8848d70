package dev.canopy.plugin.grpc.monitoring;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.monitoring.LogRequest;
import dev.canopy.plugin.api.monitoring.MetricData;
import dev.canopy.plugin.api.monitoring.MetricDataRequest;
import dev.canopy.plugin.api.monitoring.MetricInfo;
import dev.canopy.plugin.api.monitoring.MonitoringDataSourcePlugin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** A small metric and log source for the contract tests: two metrics, one point per five minutes. */
public final class SampleMonitoringDataSourcePlugin implements MonitoringDataSourcePlugin {

    public static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("plugin-sample-mon-datasource",
            "Sample monitoring", "1.0.0", PluginKind.MONITORING_DATA_SOURCE, "sample", Map.of("monitoring_type", "METRIC"),
            List.of(), Map.of());

    @Override
    public PluginMetadata init(Map<String, Object> options) {
        return PluginMetadata.of(Map.of("supported_stat", List.of("AVERAGE", "MAX"), "required_keys", List.of("data.cpu")));
    }

    @Override
    public void verify(Map<String, Object> options, Map<String, Object> secretData) {
        requireToken(secretData);
    }

    @Override
    public List<MetricInfo> listMetrics(Map<String, Object> options, Map<String, Object> secretData, Map<String, Object> query) {
        requireToken(secretData);
        return List.of(
                new MetricInfo("cpu", "CPU utilisation", "Compute", Map.of("x", "Timestamp", "y", "Percent"),
                        Map.of("resource_ids", List.of("i-1", "i-2"), "metric", "cpu")),
                new MetricInfo("disk", "Disk reads", null, Map.of("x", "Timestamp", "y", "Count"),
                        Map.of("resource_ids", List.of("i-1"), "metric", "disk")));
    }

    @Override
    @SuppressWarnings("unchecked")
    public MetricData metricData(MetricDataRequest request) {
        requireToken(request.secretData());
        List<Instant> labels = new ArrayList<>();
        Instant first = request.start().plus(Duration.ofMinutes(5));
        for (Instant label = first; !label.isAfter(request.end()); label = label.plus(Duration.ofMinutes(5))) {
            labels.add(label);
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String resource : (List<String>) request.metricQuery().get("resource_ids")) {
            List<Double> points = new ArrayList<>();
            for (int index = 0; index < labels.size(); index++) {
                points.add(index == 1 ? null : index * 1.5);
            }
            values.put(resource, points);
        }
        return new MetricData(labels, values);
    }

    @Override
    public Stream<Map<String, Object>> logs(LogRequest request) {
        requireToken(request.secretData());
        long limit = request.limit() == null ? 1_000 : request.limit();
        return LongStream.range(0, limit).mapToObj(index -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("message", "log line " + index);
            entry.put("level", index % 10 == 0 ? "ERROR" : "INFO");
            entry.put("sequence", index);
            return entry;
        });
    }

    private static void requireToken(Map<String, Object> secretData) {
        if (!(secretData.get("token") instanceof String token) || token.isBlank()) {
            throw PluginException.rejected("secret data needs a token");
        }
    }
}
