package dev.canopy.plugin.api.monitoring;

import dev.canopy.plugin.api.Plugin;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Monitoring data source: metrics and logs of cloud resources. */
public interface MonitoringDataSourcePlugin extends Plugin {

    /** The metrics available for the resources the query names. */
    List<MetricInfo> listMetrics(Map<String, Object> options, Map<String, Object> secretData, Map<String, Object> query);

    MetricData metricData(MetricDataRequest request);

    /** Log entries, streamed; plugins without logs return an empty stream. */
    default Stream<Map<String, Object>> logs(LogRequest request) {
        return Stream.empty();
    }
}
