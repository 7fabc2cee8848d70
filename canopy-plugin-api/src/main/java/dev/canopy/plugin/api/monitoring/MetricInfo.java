package dev.canopy.plugin.api.monitoring;

import java.util.Map;

/**
 * A metric a data source offers.
 *
 * @param unit        e.g. {@code {x: Timestamp, y: Percent}}
 * @param metricQuery what the plugin needs back in {@link MetricDataRequest#metricQuery} to read it
 */
public record MetricInfo(String key, String name, String group, Map<String, Object> unit, Map<String, Object> metricQuery) {

    public MetricInfo {
        unit = unit == null ? Map.of() : unit;
        metricQuery = metricQuery == null ? Map.of() : metricQuery;
    }
}
