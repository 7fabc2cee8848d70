package dev.canopy.server.inventory.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A collector scheduled for the current hour gets one job in that hour, however often schedules fire. */
class CollectorSchedulesIT extends TestServer {

    @LocalServerPort
    int port;

    @Autowired
    CollectorSchedules schedules;

    @Autowired
    JdbcClient jdbc;

    @Test
    void firesOncePerHour() {
        ApiClient admin = ApiClient.admin(port);
        String run = Long.toString(System.nanoTime(), 36);
        String group = admin.post("/api/identity/project-group/create", "{\"name\": \"sched-" + run + "\"}").body()
                .get("project_group_id").asString();
        String project = admin.post("/api/identity/project/create", "{\"name\": \"sched-" + run + "\", \"project_group_id\": \""
                + group + "\"}").body().get("project_id").asString();
        String account = admin.post("/api/identity/service-account/create", "{\"name\": \"sched-" + run + "\", \"provider\": \"demo\","
                + " \"project_id\": \"" + project + "\"}").body().get("service_account_id").asString();
        String everyHour = IntStream.range(0, 24).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        ApiClient.Response created = admin.post("/api/inventory/collector/create", "{\"name\": \"sched-" + run + "\", \"provider\": \"demo\","
                + " \"plugin_info\": {\"plugin_id\": \"plugin-demo-inven-collector\", \"options\": {\"size\": 10}},"
                + " \"schedule\": {\"state\": \"ENABLED\", \"hours\": [" + everyHour + "]},"
                + " \"secret_filter\": {\"service_accounts\": [\"" + account + "\"]}}");
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        String collectorId = created.body().get("collector_id").asString();

        schedules.fireDue();
        schedules.fireDue();

        long jobs = jdbc.sql("SELECT count(*) FROM job WHERE collector_id = ?").param(collectorId).query(Long.class).single();
        assertThat(jobs).isEqualTo(1);
        assertThat(admin.post("/api/inventory/collector/get", "{\"collector_id\": \"" + collectorId + "\"}").body()
                .get("last_scheduled_hour").asString()).isNotBlank();
    }
}
