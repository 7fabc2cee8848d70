package dev.canopy.plugin.api.monitoring;

import java.time.Instant;
import java.util.Map;

/**
 * @param period seconds between points, or null for the plugin's choice
 * @param stat   AVERAGE, MAX, MIN or SUM
 */
public record MetricDataRequest(
        Map<String, Object> options,
        Map<String, Object> secretData,
        Map<String, Object> metricQuery,
        String metric,
        Instant start,
        Instant end,
        Integer period,
        String stat) {

    public MetricDataRequest {
        options = options == null ? Map.of() : options;
        secretData = secretData == null ? Map.of() : secretData;
        metricQuery = metricQuery == null ? Map.of() : metricQuery;
    }
}
