package dev.canopy.plugin.grpc.monitoring;

import dev.canopy.plugin.api.monitoring.LogRequest;
import dev.canopy.plugin.api.monitoring.MetricData;
import dev.canopy.plugin.api.monitoring.MetricDataRequest;
import dev.canopy.plugin.api.monitoring.MetricInfo;
import dev.canopy.plugin.grpc.JsonBytes;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.proto.LogEntry;
import dev.canopy.plugin.proto.ListMetricsRequest;
import dev.canopy.plugin.proto.ListMetricsResponse;
import dev.canopy.plugin.proto.LogsRequest;
import dev.canopy.plugin.proto.MetricDataResponse;
import dev.canopy.plugin.proto.MetricSeries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.canopy.plugin.grpc.internal.WireValues.instant;
import static dev.canopy.plugin.grpc.internal.WireValues.orNull;
import static dev.canopy.plugin.grpc.internal.WireValues.timestamp;

/**
 * Monitoring records to messages and back. A missing point (null) of a metric series travels as NaN
 * and comes back as null; decoding rejects a series whose length differs from the labels'.
 */
final class MonitoringMessages {

    private MonitoringMessages() {
    }

    static ListMetricsRequest encodeListMetrics(Map<String, Object> options, Map<String, Object> secretData,
                                                Map<String, Object> query) {
        return ListMetricsRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(options))
                .setSecretData(JsonStructs.toStruct(secretData))
                .setQuery(JsonStructs.toStruct(query))
                .build();
    }

    static ListMetricsResponse encodeMetrics(List<MetricInfo> metrics) {
        ListMetricsResponse.Builder response = ListMetricsResponse.newBuilder();
        for (MetricInfo metric : metrics) {
            dev.canopy.plugin.proto.MetricInfo.Builder message = response.addMetricsBuilder()
                    .setKey(metric.key())
                    .setName(metric.name())
                    .setUnit(JsonStructs.toStruct(metric.unit()))
                    .setMetricQuery(JsonStructs.toStruct(metric.metricQuery()));
            if (metric.group() != null) {
                message.setGroup(metric.group());
            }
        }
        return response.build();
    }

    static List<MetricInfo> decodeMetrics(ListMetricsResponse response) {
        List<MetricInfo> metrics = new ArrayList<>(response.getMetricsCount());
        for (dev.canopy.plugin.proto.MetricInfo metric : response.getMetricsList()) {
            if (metric.getKey().isEmpty()) {
                throw new IllegalArgumentException("metric without a key");
            }
            metrics.add(new MetricInfo(metric.getKey(), metric.getName(), orNull(metric.hasGroup(), metric.getGroup()),
                    JsonStructs.toMap(metric.getUnit()), JsonStructs.toMap(metric.getMetricQuery())));
        }
        return metrics;
    }

    static dev.canopy.plugin.proto.MetricDataRequest encodeMetricDataRequest(MetricDataRequest request) {
        dev.canopy.plugin.proto.MetricDataRequest.Builder message = dev.canopy.plugin.proto.MetricDataRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(request.options()))
                .setSecretData(JsonStructs.toStruct(request.secretData()))
                .setMetricQuery(JsonStructs.toStruct(request.metricQuery()));
        if (request.metric() != null) {
            message.setMetric(request.metric());
        }
        if (request.start() != null) {
            message.setStart(timestamp(request.start()));
        }
        if (request.end() != null) {
            message.setEnd(timestamp(request.end()));
        }
        if (request.period() != null) {
            message.setPeriod(request.period());
        }
        if (request.stat() != null) {
            message.setStat(request.stat());
        }
        return message.build();
    }

    static MetricDataRequest decodeMetricDataRequest(dev.canopy.plugin.proto.MetricDataRequest request) {
        return new MetricDataRequest(JsonStructs.toMap(request.getOptions()), JsonStructs.toMap(request.getSecretData()),
                JsonStructs.toMap(request.getMetricQuery()), request.getMetric().isEmpty() ? null : request.getMetric(),
                request.hasStart() ? instant(request.getStart()) : null,
                request.hasEnd() ? instant(request.getEnd()) : null,
                request.hasPeriod() ? request.getPeriod() : null,
                orNull(request.hasStat(), request.getStat()));
    }

    static MetricDataResponse encodeMetricData(MetricData data) {
        MetricDataResponse.Builder response = MetricDataResponse.newBuilder();
        for (Instant label : data.labels()) {
            response.addLabels(timestamp(label));
        }
        for (Map.Entry<String, List<Double>> series : data.values().entrySet()) {
            MetricSeries.Builder points = MetricSeries.newBuilder();
            for (Double point : series.getValue()) {
                points.addPoints(point == null ? Double.NaN : point);
            }
            response.putValues(series.getKey(), points.build());
        }
        return response.build();
    }

    static MetricData decodeMetricData(MetricDataResponse response) {
        List<Instant> labels = new ArrayList<>(response.getLabelsCount());
        response.getLabelsList().forEach(label -> labels.add(instant(label)));
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Map.Entry<String, MetricSeries> series : response.getValuesMap().entrySet()) {
            if (series.getValue().getPointsCount() != labels.size()) {
                throw new IllegalArgumentException("series " + series.getKey() + " has " + series.getValue().getPointsCount()
                        + " points for " + labels.size() + " labels");
            }
            List<Double> points = new ArrayList<>(labels.size());
            for (double point : series.getValue().getPointsList()) {
                points.add(Double.isNaN(point) ? null : point);
            }
            values.put(series.getKey(), points);
        }
        return new MetricData(labels, values);
    }

    static LogsRequest encodeLogRequest(LogRequest request) {
        LogsRequest.Builder message = LogsRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(request.options()))
                .setSecretData(JsonStructs.toStruct(request.secretData()))
                .setQuery(JsonStructs.toStruct(request.query()))
                .setDescending(request.descending());
        if (request.keyword() != null) {
            message.setKeyword(request.keyword());
        }
        if (request.start() != null) {
            message.setStart(timestamp(request.start()));
        }
        if (request.end() != null) {
            message.setEnd(timestamp(request.end()));
        }
        if (request.sortKey() != null) {
            message.setSortKey(request.sortKey());
        }
        if (request.limit() != null) {
            message.setLimit(request.limit());
        }
        return message.build();
    }

    static LogRequest decodeLogRequest(LogsRequest request) {
        return new LogRequest(JsonStructs.toMap(request.getOptions()), JsonStructs.toMap(request.getSecretData()),
                JsonStructs.toMap(request.getQuery()), orNull(request.hasKeyword(), request.getKeyword()),
                request.hasStart() ? instant(request.getStart()) : null,
                request.hasEnd() ? instant(request.getEnd()) : null,
                orNull(request.hasSortKey(), request.getSortKey()), request.getDescending(),
                request.hasLimit() ? request.getLimit() : null);
    }

    static LogEntry encodeLogEntry(Map<String, Object> entry) {
        return LogEntry.newBuilder().setJson(JsonBytes.toBytes(entry)).build();
    }

    static List<Map<String, Object>> decodeLogs(dev.canopy.plugin.proto.LogsResponse response) {
        List<Map<String, Object>> entries = new ArrayList<>(response.getEntriesCount());
        for (LogEntry entry : response.getEntriesList()) {
            entries.add(switch (entry.getEntryCase()) {
                case JSON -> JsonBytes.toMap(entry.getJson());
                case FIELDS -> JsonStructs.toMap(entry.getFields());
                case ENTRY_NOT_SET -> throw new IllegalArgumentException("empty log entry");
            });
        }
        return entries;
    }
}
