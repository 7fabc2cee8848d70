package dev.canopy.plugin.testkit;

import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.monitoring.LogRequest;
import dev.canopy.plugin.api.monitoring.MetricData;
import dev.canopy.plugin.api.monitoring.MetricDataRequest;
import dev.canopy.plugin.api.monitoring.MetricInfo;
import dev.canopy.plugin.api.monitoring.MonitoringDataSourcePlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.canopy.plugin.testkit.ContractAssertions.assertJsonObject;
import static dev.canopy.plugin.testkit.ContractAssertions.assertRejected;
import static dev.canopy.plugin.testkit.ContractAssertions.consume;
import static dev.canopy.plugin.testkit.ContractAssertions.takeOneAndClose;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a monitoring data source: {@code init} metadata is JSON and any
 * {@code supported_stat} is among Cloudforet's stats; {@code verify} passes with good credentials and
 * rejects bad ones; the metrics listed have a unique key and a name; the data of each metric has
 * increasing timestamps within the asked range and one point per timestamp in every series; logs are
 * JSON, respect the asked limit, and stop cleanly when the caller closes the stream early.
 */
@Timeout(60)
public abstract class MonitoringDataSourcePluginContract {

    public static final Set<String> STATS = Set.of("AVERAGE", "MAX", "MIN", "SUM");

    protected abstract MonitoringDataSourcePlugin plugin();

    protected abstract Map<String, Object> options();

    protected abstract Map<String, Object> secretData();

    protected abstract Map<String, Object> badSecretData();

    /** The query that names the resources whose metrics and logs are read. */
    protected abstract Map<String, Object> query();

    /** The range of the metric data read: the last hour by default. */
    protected Instant dataEnd() {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES);
    }

    protected Duration dataSpan() {
        return Duration.ofHours(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void initAnswersJsonMetadata() {
        PluginMetadata metadata = plugin().init(options());
        assertJsonObject("init metadata", metadata.values());
        Object stats = metadata.values().get("supported_stat");
        if (stats != null) {
            assertThat(stats).isInstanceOf(List.class);
            assertThat((List<Object>) stats).allSatisfy(stat -> assertThat(STATS).contains((String) stat));
        }
    }

    @Test
    void verifyPassesWithGoodCredentials() {
        plugin().verify(options(), secretData());
    }

    @Test
    void verifyRejectsBadCredentials() {
        assertRejected("verify with bad secret data", () -> plugin().verify(options(), badSecretData()));
    }

    @Test
    void listedMetricsHaveAUniqueKeyAndAName() {
        List<MetricInfo> metrics = plugin().listMetrics(options(), secretData(), query());
        assertThat(metrics).isNotEmpty();
        assertThat(metrics).extracting(MetricInfo::key).doesNotHaveDuplicates().allSatisfy(key -> assertThat(key).isNotBlank());
        for (MetricInfo metric : metrics) {
            assertThat(metric.name()).as(metric.key() + " name").isNotBlank();
            assertJsonObject(metric.key() + " unit", metric.unit());
            assertJsonObject(metric.key() + " metric_query", metric.metricQuery());
        }
    }

    @Test
    void metricDataHasOnePointPerTimestampInEverySeries() {
        MonitoringDataSourcePlugin plugin = plugin();
        Instant end = dataEnd();
        Instant start = end.minus(dataSpan());
        for (MetricInfo metric : plugin.listMetrics(options(), secretData(), query())) {
            MetricData data = plugin.metricData(new MetricDataRequest(options(), secretData(), metric.metricQuery(),
                    metric.key(), start, end, null, "AVERAGE"));
            String where = "data of " + metric.key();
            assertThat(data.labels()).as(where + " timestamps").isNotEmpty().isSorted().doesNotHaveDuplicates()
                    .allSatisfy(label -> assertThat(label).isBetween(start, end));
            assertThat(data.values()).as(where + " series").isNotEmpty();
            data.values().forEach((resource, points) -> {
                assertThat(points).as(where + " series of " + resource).hasSameSizeAs(data.labels());
                points.forEach(point -> assertThat(point == null || Double.isFinite(point))
                        .as(where + " point " + point).isTrue());
            });
        }
    }

    @Test
    void logsAreJsonAndRespectTheLimit() {
        List<Map<String, Object>> entries = consume("logs", plugin().logs(logRequest(5)), 5);
        entries.forEach(entry -> assertJsonObject("log entry", entry));
    }

    @Test
    void closingTheLogStreamEarlyStopsIt() {
        MonitoringDataSourcePlugin plugin = plugin();
        takeOneAndClose(plugin.logs(logRequest(null)));
        plugin.verify(options(), secretData());
    }

    private LogRequest logRequest(Integer limit) {
        Instant end = dataEnd();
        return new LogRequest(options(), secretData(), query(), null, end.minus(dataSpan()), end, null, true, limit);
    }
}
