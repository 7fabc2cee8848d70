package dev.canopy.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.canopy.server.ApiClient;
import dev.canopy.server.PackagedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The packaged server killed in the middle of a collection: after the restart the task is taken up
 * again, the job ends, and no cloud service exists twice.
 */
class CollectionCrashIT {

    private static final String PASSWORD = "Crash-Test-Admin-1";
    private static final int SIZE = 20_000;

    @TempDir
    Path dataDir;

    private PackagedServer server;

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
    }

    @Test
    void aKilledServerLeavesNoDuplicateAndNoJobInProgress() throws Exception {
        server = new PackagedServer(dataDir, "--canopy.identity.admin-password=" + PASSWORD,
                "--canopy.inventory.heartbeat=1s", "--canopy.inventory.stale-after=4s", "--canopy.inventory.batch-size=200");
        server.start();
        ApiClient api = ApiClient.signedIn(server.port(), null, "admin", PASSWORD);
        String group = ok(api, "/api/identity/project-group/create", "{\"name\": \"crash\"}").get("project_group_id").asString();
        String project = ok(api, "/api/identity/project/create", "{\"name\": \"crash\", \"project_group_id\": \"" + group + "\"}")
                .get("project_id").asString();
        String account = ok(api, "/api/identity/service-account/create", "{\"name\": \"crash\", \"provider\": \"demo\","
                + " \"project_id\": \"" + project + "\"}").get("service_account_id").asString();
        String collectorId = ok(api, "/api/inventory/collector/create", "{\"name\": \"crash\", \"provider\": \"demo\", \"plugin_info\":"
                + " {\"plugin_id\": \"plugin-demo-inven-collector\", \"options\": {\"size\": " + SIZE + ", \"seed\": 4,"
                + " \"generation\": 1}}, \"secret_filter\": {\"service_accounts\": [\"" + account + "\"]}}")
                .get("collector_id").asString();
        String jobId = ok(api, "/api/inventory/collector/collect", "{\"collector_id\": \"" + collectorId + "\"}").get("job_id").asString();

        await(Duration.ofSeconds(120), () -> collected(api, collectorId) > 1_000, "the collection got under way");
        assertThat(ok(api, "/api/inventory/job/get", "{\"job_id\": \"" + jobId + "\"}").get("status").asString())
                .isEqualTo("IN_PROGRESS");
        server.kill();

        server.start();
        JsonNode job = awaitEnd(api, jobId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCESS");
        JsonNode task = ok(api, "/api/inventory/job-task/list", "{\"job_id\": \"" + jobId + "\"}").at("/results/0");
        assertThat(task.get("attempts").asInt()).as("taken up again after the crash").isEqualTo(2);

        assertThat(collected(api, collectorId)).isEqualTo(SIZE);
        JsonNode distinct = ok(api, "/api/inventory/cloud-service/stat", "{\"query\": {\"filter\": [{\"k\": \"collection_info.collector_id\","
                + " \"v\": \"" + collectorId + "\", \"o\": \"eq\"}], \"aggregate\": [{\"group\": {\"keys\": [{\"key\": \"reference.resource_id\","
                + " \"name\": \"id\"}]}}, {\"count\": {\"name\": \"n\"}}]}}");
        assertThat(distinct.at("/results/0/n").asLong()).as("one cloud service per resource").isEqualTo(SIZE);
        JsonNode stuck = ok(api, "/api/inventory/job/list", "{\"query\": {\"filter\": [{\"k\": \"status\", \"v\": \"IN_PROGRESS\","
                + " \"o\": \"eq\"}]}}");
        assertThat(stuck.get("total_count").asLong()).isZero();
    }

    private static long collected(ApiClient api, String collectorId) {
        return ok(api, "/api/inventory/cloud-service/list", "{\"query\": {\"filter\": [{\"k\": \"collection_info.collector_id\","
                + " \"v\": \"" + collectorId + "\", \"o\": \"eq\"}], \"count_only\": true}}").get("total_count").asLong();
    }

    private static JsonNode awaitEnd(ApiClient api, String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = ok(api, "/api/inventory/job/get", "{\"job_id\": \"" + jobId + "\"}");
            if (job.get("status").asString().matches("SUCCESS|FAILURE|CANCELED")) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + jobId + " did not end after the restart");
    }

    private static void await(Duration limit, java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + limit + ": " + what);
    }

    private static JsonNode ok(ApiClient api, String path, String body) {
        ApiClient.Response response = api.post(path, body);
        assertThat(response.status()).as(path + " -> " + response.raw()).isEqualTo(200);
        return response.body();
    }
}
