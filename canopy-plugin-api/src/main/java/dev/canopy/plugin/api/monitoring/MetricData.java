package dev.canopy.plugin.api.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Points of one metric: {@code labels} are the timestamps, {@code values} one series per resource id, each
 * as long as {@code labels}.
 */
public record MetricData(List<Instant> labels, Map<String, List<Double>> values) {

    public MetricData {
        labels = labels == null ? List.of() : labels;
        values = values == null ? Map.of() : values;
    }
}
