package dev.canopy.plugin.grpc;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.auth.AuthPlugin;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.api.cost.CostDataSourcePlugin;
import dev.canopy.plugin.api.cost.CostTaskRequest;
import dev.canopy.plugin.api.monitoring.LogRequest;
import dev.canopy.plugin.api.monitoring.MetricDataRequest;
import dev.canopy.plugin.api.monitoring.MetricInfo;
import dev.canopy.plugin.api.monitoring.MonitoringDataSourcePlugin;
import dev.canopy.plugin.api.webhook.WebhookPlugin;
import dev.canopy.plugin.grpc.auth.SampleAuthPlugin;
import dev.canopy.plugin.grpc.collector.SampleCollectorPlugin;
import dev.canopy.plugin.grpc.cost.SampleCostDataSourcePlugin;
import dev.canopy.plugin.grpc.monitoring.SampleMonitoringDataSourcePlugin;
import dev.canopy.plugin.grpc.notification.SampleNotificationProtocolPlugin;
import dev.canopy.plugin.grpc.webhook.SampleWebhookPlugin;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers cannot tell a plugin in process from the same plugin behind gRPC: one endpoint serves a
 * sample of every kind, and each answer through the adapters equals the in-process answer.
 */
@Timeout(30)
class InProcessAndGrpcEquivalenceTest {

    private static final Map<String, Object> SECRET = Map.of("token", "sample-token");
    private static final GrpcPluginSettings SETTINGS = GrpcPluginSettings.defaults();
    private static LoopbackEndpoint endpoint;

    @BeforeAll
    static void serveEveryKind() {
        endpoint = LoopbackEndpoint.serve(
                new ServedPlugin(SampleCollectorPlugin.DESCRIPTOR, new SampleCollectorPlugin()),
                new ServedPlugin(SampleMonitoringDataSourcePlugin.DESCRIPTOR, new SampleMonitoringDataSourcePlugin()),
                new ServedPlugin(SampleWebhookPlugin.DESCRIPTOR, new SampleWebhookPlugin()),
                new ServedPlugin(SampleNotificationProtocolPlugin.DESCRIPTOR, new SampleNotificationProtocolPlugin()),
                new ServedPlugin(SampleCostDataSourcePlugin.DESCRIPTOR, new SampleCostDataSourcePlugin()),
                new ServedPlugin(SampleAuthPlugin.DESCRIPTOR, new SampleAuthPlugin()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        endpoint.close();
    }

    @Test
    void collectorAnswersAreEqual() {
        CollectorPlugin local = new SampleCollectorPlugin();
        CollectorPlugin remote = (CollectorPlugin) GrpcPlugins.adapter(PluginKind.COLLECTOR, endpoint.channel(), SETTINGS);
        CollectRequest request = new CollectRequest(Map.of("count", 700), SECRET, Map.of(), Map.of());
        assertThat(remote.init(Map.of())).isEqualTo(local.init(Map.of()));
        List<CollectTask> tasks = local.tasks(request);
        assertThat(remote.tasks(request)).isEqualTo(tasks);
        for (CollectTask task : tasks) {
            CollectRequest taskRequest = new CollectRequest(request.options(), SECRET, Map.of(), task.taskOptions());
            assertThat(collect(remote, taskRequest)).isEqualTo(collect(local, taskRequest)).hasSize(702);
        }
    }

    @Test
    void monitoringAnswersAreEqual() {
        MonitoringDataSourcePlugin local = new SampleMonitoringDataSourcePlugin();
        MonitoringDataSourcePlugin remote = (MonitoringDataSourcePlugin) GrpcPlugins.adapter(
                PluginKind.MONITORING_DATA_SOURCE, endpoint.channel(), SETTINGS);
        List<MetricInfo> metrics = local.listMetrics(Map.of(), SECRET, Map.of());
        assertThat(remote.listMetrics(Map.of(), SECRET, Map.of())).isEqualTo(metrics);
        Instant end = Instant.parse("2024-05-01T12:00:00.123456789Z");
        MetricDataRequest request = new MetricDataRequest(Map.of(), SECRET, metrics.get(0).metricQuery(), "cpu",
                end.minusSeconds(3600), end, 300, "AVERAGE");
        assertThat(remote.metricData(request)).isEqualTo(local.metricData(request));
        LogRequest logs = new LogRequest(Map.of(), SECRET, Map.of(), "error", end.minusSeconds(60), end, "time", true, 1_234);
        try (Stream<Map<String, Object>> remoteLogs = remote.logs(logs); Stream<Map<String, Object>> localLogs = local.logs(logs)) {
            assertThat(remoteLogs.toList()).isEqualTo(localLogs.toList());
        }
    }

    @Test
    void webhookCostAndAuthAnswersAreEqual() {
        WebhookPlugin localWebhook = new SampleWebhookPlugin();
        WebhookPlugin remoteWebhook = (WebhookPlugin) GrpcPlugins.adapter(PluginKind.WEBHOOK, endpoint.channel(), SETTINGS);
        Map<String, Object> body = Map.of("alerts", List.of(Map.of("id", 7L, "status", "firing", "name", "Down", "severity", "ERROR")));
        assertThat(remoteWebhook.parseEvent(Map.of(), body).toList()).isEqualTo(localWebhook.parseEvent(Map.of(), body).toList());

        CostDataSourcePlugin localCost = new SampleCostDataSourcePlugin();
        CostDataSourcePlugin remoteCost = (CostDataSourcePlugin) GrpcPlugins.adapter(PluginKind.COST_DATA_SOURCE, endpoint.channel(), SETTINGS);
        CostTaskRequest taskRequest = new CostTaskRequest(Map.of(), SECRET, YearMonth.of(2024, 2),
                Instant.parse("2024-03-01T00:00:00Z"), List.of("111111111111"));
        assertThat(remoteCost.tasks(taskRequest)).isEqualTo(localCost.tasks(taskRequest));
        assertThat(remoteCost.linkedAccounts(Map.of(), SECRET)).isEqualTo(localCost.linkedAccounts(Map.of(), SECRET));
        Map<String, Object> task = localCost.tasks(taskRequest).tasks().get(0);
        assertThat(remoteCost.costData(Map.of(), SECRET, task).toList()).isEqualTo(localCost.costData(Map.of(), SECRET, task).toList());

        AuthPlugin localAuth = new SampleAuthPlugin();
        AuthPlugin remoteAuth = (AuthPlugin) GrpcPlugins.adapter(PluginKind.AUTH, endpoint.channel(), SETTINGS);
        assertThat(remoteAuth.find(Map.of(), SECRET, null, "")).isEqualTo(localAuth.find(Map.of(), SECRET, null, ""));
        Map<String, Object> credentials = Map.of("user_id", "alice", "password", "wonderland");
        assertThat(remoteAuth.login(Map.of(), SECRET, credentials)).isEqualTo(localAuth.login(Map.of(), SECRET, credentials));
    }

    @Test
    void theHostsJsonIsTheSameWhateverNumberTypesThePluginUsed() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("int", 5);
        resource.put("long", 5_000_000_000L);
        resource.put("fraction", 2.5);
        resource.put("nested", Map.of("list", List.of(1, 2.25, "three", true)));
        resource.put("nothing", null);
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> overTheWire = JsonStructs.toMap(JsonStructs.toStruct(resource));
        assertThat(json.writeValueAsString(overTheWire)).isEqualTo(json.writeValueAsString(resource));
    }

    @Test
    void theEndpointDescribesItsPluginsAndIsHealthy() {
        List<PluginDescriptor> described = new PluginInfoClient(endpoint.channel(), SETTINGS).describe();
        assertThat(described).isEqualTo(endpoint.server().descriptors());
        HealthCheckResponse health = HealthGrpc.newBlockingStub(endpoint.channel())
                .check(HealthCheckRequest.newBuilder().setService("").build());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(HealthGrpc.newBlockingStub(endpoint.channel())
                .check(HealthCheckRequest.newBuilder().setService("canopy.plugin.v1.Collector").build()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    private static List<CollectedResource> collect(CollectorPlugin plugin, CollectRequest request) {
        try (Stream<CollectedResource> items = plugin.collect(request)) {
            return new ArrayList<>(items.toList());
        }
    }
}
