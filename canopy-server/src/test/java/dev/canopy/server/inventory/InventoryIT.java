package dev.canopy.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The inventory as a new user tries it over the API: an account, a collector, a collection, the
 * resources, a second run, resources that vanish, and the change history.
 */
class InventoryIT extends TestServer {

    private static final String EXAMPLE = "plugin-example-inven-collector";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    String run;

    @BeforeEach
    void setUp() {
        admin = ApiClient.admin(port);
        run = Long.toString(System.nanoTime(), 36);
    }

    private JsonNode ok(String path, String body) {
        ApiClient.Response response = admin.post(path, body);
        assertThat(response.status()).as(path + " " + body + " -> " + response.raw()).isEqualTo(200);
        return response.body();
    }

    /** A provider of its own (each test's accounts stay apart), a project and one account in it. */
    private String serviceAccount(String provider) {
        ok("/api/identity/provider/create", "{\"provider\": \"" + provider + "\", \"name\": \"Example " + run + "\"}");
        ok("/api/identity/schema/create", "{\"schema_id\": \"" + provider + "_token\", \"name\": \"Token\", \"schema_type\": \"SECRET\","
                + " \"provider\": \"" + provider + "\", \"schema\": {\"type\": \"object\", \"properties\": {\"token\": {\"type\": \"string\"}},"
                + " \"required\": [\"token\"]}}");
        String group = ok("/api/identity/project-group/create", "{\"name\": \"inventory-" + provider + "\"}").get("project_group_id").asString();
        String project = ok("/api/identity/project/create", "{\"name\": \"estate-" + provider + "\", \"project_group_id\": \"" + group + "\"}")
                .get("project_id").asString();
        return ok("/api/identity/service-account/create", "{\"name\": \"account-" + provider + "\", \"provider\": \"" + provider + "\","
                + " \"project_id\": \"" + project + "\", \"secret_schema_id\": \"" + provider + "_token\","
                + " \"secret_data\": {\"token\": \"example-token\"}}").get("service_account_id").asString();
    }

    private String collector(String provider, String pluginId, String options) {
        JsonNode collector = ok("/api/inventory/collector/create", "{\"name\": \"collector-" + provider + "\", \"provider\": \""
                + provider + "\", \"plugin_info\": {\"plugin_id\": \"" + pluginId + "\", \"options\": " + options + "}}");
        return collector.get("collector_id").asString();
    }

    private JsonNode collect(String collectorId) throws InterruptedException {
        String jobId = ok("/api/inventory/collector/collect", "{\"collector_id\": \"" + collectorId + "\"}").get("job_id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = ok("/api/inventory/job/get", "{\"job_id\": \"" + jobId + "\"}");
            if (job.get("status").asString().matches("SUCCESS|FAILURE|CANCELED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not end");
    }

    private JsonNode services(String provider, String state) {
        return ok("/api/inventory/cloud-service/list", "{\"query\": {\"filter\": [{\"k\": \"collection_info.collector_id\", \"v\": null,"
                + " \"o\": \"not\"}, {\"k\": \"account\", \"v\": \"" + provider + "\", \"o\": \"contain\"}, {\"k\": \"state\", \"v\": \""
                + state + "\", \"o\": \"eq\"}]}}");
    }

    @Test
    void collectsSearchesRecollectsAndFollowsWhatVanishes() throws Exception {
        String provider = "ex" + run;
        String account = serviceAccount(provider);
        String collectorId = collector(provider, EXAMPLE, "{\"count\": 30, \"seed\": 5, \"regions\": [\"ex-north-1\", \"ex-south-1\"]}");
        JsonNode collector = ok("/api/inventory/collector/get", "{\"collector_id\": \"" + collectorId + "\"}");
        assertThat(collector.at("/plugin_info/metadata/supported_resource_type").isArray()).isTrue();
        assertThat(collector.at("/plugin_info/version").asString()).isNotBlank();
        assertThat(collector.at("/plugin_info/plugin_id").asString()).isEqualTo(EXAMPLE);
        assertThat(collector.at("/plugin_info/upgrade_mode").asString()).isEqualTo("AUTO");
        assertThat(collector.at("/schedule/state").asString()).isEqualTo("DISABLED");

        JsonNode first = collect(collectorId);
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("SUCCESS");
        assertThat(first.get("plugin_id").asString()).isEqualTo(EXAMPLE);
        assertThat(first.get("created_count").asLong()).isGreaterThanOrEqualTo(30);
        JsonNode tasks = ok("/api/inventory/job-task/list", "{\"job_id\": \"" + first.get("job_id").asString() + "\"}");
        assertThat(tasks.get("total_count").asLong()).isEqualTo(1);
        assertThat(tasks.at("/results/0/service_account_id").asString()).isEqualTo(account);

        JsonNode active = ok("/api/inventory/cloud-service/list", "{\"query\": {\"filter\": [{\"k\": \"collection_info.collector_id\","
                + " \"v\": \"" + collectorId + "\", \"o\": \"eq\"}], \"sort\": [{\"key\": \"name\"}]}}");
        assertThat(active.get("total_count").asLong()).isEqualTo(30);
        JsonNode one = active.at("/results/0");
        assertThat(one.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(one.get("project_id").asString()).isNotBlank();
        assertThat(one.at("/reference/resource_id").asString()).isNotBlank();
        JsonNode searched = ok("/api/inventory/cloud-service/list", "{\"query\": {\"keyword\": \"" + one.get("name").asString()
                + "\", \"filter\": [{\"k\": \"collection_info.collector_id\", \"v\": \"" + collectorId + "\", \"o\": \"eq\"}]}}");
        assertThat(searched.get("total_count").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode byRegion = ok("/api/inventory/cloud-service/stat", "{\"query\": {\"filter\": [{\"k\": \"collection_info.collector_id\","
                + " \"v\": \"" + collectorId + "\", \"o\": \"eq\"}], \"aggregate\": [{\"group\": {\"keys\": [{\"key\": \"region_code\","
                + " \"name\": \"region\"}], \"fields\": [{\"name\": \"n\", \"operator\": \"count\"}]}}]}}");
        assertThat(byRegion.get("results")).hasSize(2);
        assertThat(ok("/api/inventory/region/list", "{\"query\": {\"filter\": [{\"k\": \"region_code\", \"v\": \"ex-north-1\","
                + " \"o\": \"eq\"}]}}").get("total_count").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode again = collect(collectorId);
        assertThat(again.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(again.get("created_count").asLong()).isZero();
        assertThat(again.get("updated_count").asLong()).isZero();
        long records = jdbc.sql("SELECT count(*) FROM cloud_service_record r JOIN cloud_service c ON c.domain_id = r.domain_id"
                + " AND c.id = r.cloud_service_id WHERE c.collector_id = ?").param(collectorId).query(Long.class).single();
        assertThat(records).as("a run that changes nothing records nothing").isEqualTo(30);

        // Five instances vanish: DISCONNECTED at the next run, DELETED at the third in a row.
        ok("/api/inventory/collector/update_plugin", "{\"collector_id\": \"" + collectorId + "\", \"options\": {\"count\": 25,"
                + " \"seed\": 5, \"regions\": [\"ex-north-1\", \"ex-south-1\"]}}");
        JsonNode third = collect(collectorId);
        assertThat(third.get("disconnected_count").asLong()).isEqualTo(5);
        assertThat(countByState(collectorId, "DISCONNECTED")).isEqualTo(5);
        collect(collectorId);
        JsonNode fifth = collect(collectorId);
        assertThat(fifth.get("deleted_count").asLong()).isEqualTo(5);
        assertThat(countByState(collectorId, "DELETED")).isEqualTo(5);
        assertThat(countByState(collectorId, "ACTIVE")).isEqualTo(25);

        String vanished = jdbc.sql("SELECT id FROM cloud_service WHERE collector_id = ? AND state = 'DELETED' LIMIT 1")
                .param(collectorId).query(String.class).single();
        JsonNode history = ok("/api/inventory/change-history/list", "{\"cloud_service_id\": \"" + vanished + "\"}");
        assertThat(history.get("total_count").asLong()).isEqualTo(4);
        assertThat(history.at("/results/0/action").asString()).isEqualTo("DELETE");
        assertThat(history.at("/results/0/updated_by").asString()).isEqualTo(collectorId);
        assertThat(history.at("/results/0/job_id").asString()).isEqualTo(fifth.get("job_id").asString());
        assertThat(history.at("/results/3/action").asString()).isEqualTo("CREATE");
        JsonNode disconnected = history.at("/results/2");
        assertThat(disconnected.at("/diff/0/key").asString()).isEqualTo("state");
        assertThat(disconnected.at("/diff/0/after").asString()).isEqualTo("DISCONNECTED");

        // A user's change is recorded with its keys, before and after; notes go on records.
        String kept = active.at("/results/0/cloud_service_id").asString();
        ok("/api/inventory/cloud-service/update", "{\"cloud_service_id\": \"" + kept + "\", \"custom_tags\": {\"owner\": \"finops\"}}");
        JsonNode userChange = ok("/api/inventory/change-history/list", "{\"cloud_service_id\": \"" + kept + "\"}").at("/results/0");
        assertThat(userChange.get("updated_by_type").asString()).isEqualTo("USER");
        assertThat(userChange.at("/diff/0/key").asString()).isEqualTo("custom_tags.owner");
        assertThat(userChange.at("/diff/0/after").asString()).isEqualTo("finops");
        JsonNode note = ok("/api/inventory/note/create", "{\"record_id\": \"" + userChange.get("record_id").asString()
                + "\", \"note\": \"tagged for the cost review\"}");
        assertThat(ok("/api/inventory/note/list", "{\"cloud_service_id\": \"" + kept + "\"}").at("/results/0/note_id").asString())
                .isEqualTo(note.get("note_id").asString());
        ApiClient.Response managedTags = admin.post("/api/inventory/cloud-service/update", "{\"cloud_service_id\": \"" + kept
                + "\", \"tags\": {\"env\": \"prod\"}}");
        assertThat(managedTags.status()).isEqualTo(400);
        assertThat(managedTags.errorKey()).isEqualTo("tags");

        // Seen again, a vanished resource is ACTIVE again.
        ok("/api/inventory/collector/update_plugin", "{\"collector_id\": \"" + collectorId + "\", \"options\": {\"count\": 30,"
                + " \"seed\": 5, \"regions\": [\"ex-north-1\", \"ex-south-1\"]}}");
        JsonNode back = collect(collectorId);
        assertThat(back.get("updated_count").asLong()).isEqualTo(5);
        assertThat(countByState(collectorId, "ACTIVE")).isEqualTo(30);
    }

    @Test
    void malformedItemsBecomeTaskErrorsAndTheRestIsCollected() throws Exception {
        String provider = "un" + run;
        serviceAccount(provider);
        String collectorId = collector(provider, UnrulyCollectorFactory.PLUGIN_ID, "{}");

        JsonNode job = collect(collectorId);

        assertThat(job.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(job.get("created_count").asLong()).isEqualTo(2);
        assertThat(job.get("failure_count").asLong()).isEqualTo(4);
        JsonNode task = ok("/api/inventory/job-task/list", "{\"job_id\": \"" + job.get("job_id").asString() + "\"}").at("/results/0");
        assertThat(task.get("errors")).hasSize(4);
        assertThat(task.at("/errors/0/index").asLong()).isEqualTo(1);
        assertThat(task.at("/errors/0/message").asString()).contains("provider");
        assertThat(task.at("/errors/1/message").asString()).contains("inventory.Mystery");
        assertThat(task.at("/errors/2/message").asString()).contains("ex-west-9");
        assertThat(task.at("/errors/3/error_code").asString()).isEqualTo("ERROR_MATCH_RULE");
        assertThat(countByState(collectorId, "ACTIVE")).isEqualTo(2);
    }

    @Test
    void aPluginThatFailsMidwayFailsItsTaskAndDisconnectsNothing() throws Exception {
        String provider = "fa" + run;
        serviceAccount(provider);
        String collectorId = collector(provider, EXAMPLE, "{\"count\": 10, \"seed\": 2, \"regions\": [\"ex-north-1\"]}");
        assertThat(collect(collectorId).get("status").asString()).isEqualTo("SUCCESS");

        ok("/api/inventory/collector/update_plugin", "{\"collector_id\": \"" + collectorId + "\", \"options\": {\"count\": 10,"
                + " \"seed\": 2, \"regions\": [\"ex-north-1\"], \"fail_after\": 4}}");
        JsonNode failed = collect(collectorId);

        assertThat(failed.get("status").asString()).isEqualTo("FAILURE");
        JsonNode task = ok("/api/inventory/job-task/list", "{\"job_id\": \"" + failed.get("job_id").asString() + "\"}").at("/results/0");
        assertThat(task.at("/errors/0/error_code").asString()).isEqualTo("ERROR_PLUGIN_INTERNAL");
        assertThat(failed.get("disconnected_count").asLong()).isZero();
        assertThat(countByState(collectorId, "ACTIVE")).isEqualTo(10);
    }

    @Test
    void theDemoCollectorGivesAMultiCloudEstateThatChangesBetweenGenerations() throws Exception {
        String group = ok("/api/identity/project-group/create", "{\"name\": \"demo-" + run + "\"}").get("project_group_id").asString();
        String project = ok("/api/identity/project/create", "{\"name\": \"demo-" + run + "\", \"project_group_id\": \"" + group + "\"}")
                .get("project_id").asString();
        String account = ok("/api/identity/service-account/create", "{\"name\": \"demo-" + run + "\", \"provider\": \"demo\","
                + " \"project_id\": \"" + project + "\"}").get("service_account_id").asString();
        String collectorId = ok("/api/inventory/collector/create", "{\"name\": \"demo-" + run + "\", \"provider\": \"demo\","
                + " \"plugin_info\": {\"plugin_id\": \"plugin-demo-inven-collector\", \"options\": {\"size\": 300, \"seed\": 11,"
                + " \"generation\": 1, \"account\": \"" + run + "\"}}, \"secret_filter\": {\"service_accounts\": [\"" + account + "\"]}}")
                .get("collector_id").asString();

        JsonNode first = collect(collectorId);
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("SUCCESS");
        JsonNode providers = ok("/api/inventory/cloud-service/stat", "{\"query\": {\"filter\": [{\"k\": \"collection_info.collector_id\","
                + " \"v\": \"" + collectorId + "\", \"o\": \"eq\"}], \"aggregate\": [{\"group\": {\"keys\": [{\"key\": \"provider\","
                + " \"name\": \"provider\"}], \"fields\": [{\"name\": \"n\", \"operator\": \"count\"}]}},"
                + " {\"sort\": {\"key\": \"provider\"}}]}}");
        assertThat(providers.get("results")).extracting(row -> row.get("provider").asString())
                .containsExactly("aws", "azure", "google_cloud");
        assertThat(countByState(collectorId, "ACTIVE")).isEqualTo(300);
        assertThat(ok("/api/inventory/cloud-service-type/list", "{\"query\": {\"filter\": [{\"k\": \"provider\", \"v\": \"aws\","
                + " \"o\": \"eq\"}]}}").get("total_count").asLong()).isGreaterThanOrEqualTo(5);

        JsonNode servers = ok("/api/inventory/server/list", "{\"query\": {\"filter\": [{\"k\": \"collection_info.collector_id\","
                + " \"v\": \"" + collectorId + "\", \"o\": \"eq\"}]}}");
        long instances = jdbc.sql("SELECT count(*) FROM cloud_service WHERE collector_id = ? AND cloud_service_type = 'Instance'"
                + " AND cloud_service_group IN ('EC2', 'VirtualMachines', 'ComputeEngine')")
                .param(collectorId).query(Long.class).single();
        assertThat(servers.get("total_count").asLong()).isEqualTo(instances).isPositive();
        JsonNode server = servers.at("/results/0");
        assertThat(server.get("server_id").asString()).isEqualTo(server.get("cloud_service_id").asString());
        assertThat(server.get("primary_ip_address").asString()).isEqualTo(server.at("/ip_addresses/0").asString());
        assertThat(ok("/api/inventory/server/get", "{\"server_id\": \"" + server.get("server_id").asString() + "\"}")
                .get("cloud_service_type").asString()).isEqualTo("Instance");

        ok("/api/inventory/collector/update_plugin", "{\"collector_id\": \"" + collectorId + "\", \"options\": {\"size\": 300,"
                + " \"seed\": 11, \"generation\": 2, \"account\": \"" + run + "\"}}");
        JsonNode second = collect(collectorId);
        assertThat(second.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(second.get("updated_count").asLong()).isPositive();
        assertThat(second.get("created_count").asLong()).isEqualTo(second.get("disconnected_count").asLong());
        String changed = jdbc.sql("SELECT r.cloud_service_id FROM cloud_service_record r JOIN cloud_service c ON c.domain_id = r.domain_id"
                + " AND c.id = r.cloud_service_id WHERE c.collector_id = ? AND r.action = 'UPDATE' LIMIT 1").param(collectorId)
                .query(String.class).single();
        JsonNode update = ok("/api/inventory/change-history/list", "{\"cloud_service_id\": \"" + changed + "\"}").at("/results/0");
        assertThat(update.get("action").asString()).isEqualTo("UPDATE");
        assertThat(update.get("diff")).isNotEmpty();
        assertThat(update.at("/diff/0/before")).isNotEqualTo(update.at("/diff/0/after"));
    }

    @Test
    void aCollectorWithAutoUpgradeMovesToTheNewestVersionAndRunsItsInit() throws Exception {
        String provider = "up" + run;
        serviceAccount(provider);
        String jar = java.nio.file.Path.of("target", "test-plugins", "canopy-plugin-example-plugin.jar").toAbsolutePath().toString();
        String pluginId = "example-upgrade-" + run;
        ok("/api/repository/plugin/register", "{\"plugin_id\": \"" + pluginId + "\", \"name\": \"Example\", \"service_type\":"
                + " \"inventory.Collector\", \"registry_type\": \"MANAGED\", \"versions\": [{\"version\": \"1.0.0\", \"artifact\": \""
                + jar + "\"}]}");
        String collectorId = collector(provider, pluginId, "{\"count\": 3, \"seed\": 1, \"regions\": [\"ex-north-1\"]}");
        assertThat(ok("/api/inventory/collector/get", "{\"collector_id\": \"" + collectorId + "\"}").at("/plugin_info/version")
                .asString()).isEqualTo("1.0.0");

        ok("/api/repository/plugin/update", "{\"plugin_id\": \"" + pluginId + "\", \"versions\": [{\"version\": \"1.1.0\","
                + " \"artifact\": \"" + jar + "\"}, {\"version\": \"1.0.0\", \"artifact\": \"" + jar + "\"}]}");
        assertThat(collect(collectorId).get("status").asString()).isEqualTo("SUCCESS");

        JsonNode upgraded = ok("/api/inventory/collector/get", "{\"collector_id\": \"" + collectorId + "\"}").get("plugin_info");
        assertThat(upgraded.get("version").asString()).isEqualTo("1.1.0");
        assertThat(upgraded.at("/metadata/supported_resource_type").isArray()).isTrue();
    }

    @Test
    void usersEnterRegionsTypesAndCloudServicesByHand() {
        String provider = "hand" + run;
        JsonNode region = ok("/api/inventory/region/create", "{\"name\": \"Lab\", \"region_code\": \"lab-1\", \"provider\": \""
                + provider + "\"}");
        assertThat(region.get("region_code").asString()).isEqualTo("lab-1");
        JsonNode type = ok("/api/inventory/cloud-service-type/create", "{\"name\": \"Rack\", \"group\": \"Hardware\","
                + " \"provider\": \"" + provider + "\", \"is_primary\": true, \"labels\": [\"Server\"]}");
        assertThat(type.get("is_primary").asBoolean()).isTrue();
        assertThat(admin.post("/api/inventory/cloud-service-type/create", "{\"name\": \"Rack\", \"group\": \"Hardware\","
                + " \"provider\": \"" + provider + "\"}").status()).isEqualTo(409);
        JsonNode created = ok("/api/inventory/cloud-service/create", "{\"name\": \"rack-7\", \"provider\": \"" + provider + "\","
                + " \"cloud_service_group\": \"Hardware\", \"cloud_service_type\": \"Rack\", \"region_code\": \"lab-1\","
                + " \"ip_addresses\": [\"10.0.0.7\"], \"data\": {\"units\": 42}, \"tags\": {\"room\": \"b\"}}");
        String id = created.get("cloud_service_id").asString();
        assertThat(created.get("cloud_service_group").asString()).isEqualTo("Hardware");
        assertThat(created.get("state").asString()).isEqualTo("ACTIVE");

        JsonNode edited = ok("/api/inventory/cloud-service/update", "{\"cloud_service_id\": \"" + id + "\", \"tags\": {\"room\": \"c\"}}");
        assertThat(edited.at("/tags/room").asString()).as("a cloud service no collector keeps has editable tags").isEqualTo("c");
        JsonNode server = ok("/api/inventory/server/get", "{\"server_id\": \"" + id + "\"}");
        assertThat(server.get("primary_ip_address").asString()).isEqualTo("10.0.0.7");
        JsonNode history = ok("/api/inventory/change-history/list", "{\"cloud_service_id\": \"" + id + "\"}");
        assertThat(history.get("results")).extracting(record -> record.get("action").asString()).containsExactly("UPDATE", "CREATE");
        assertThat(history.at("/results/0/diff/0/key").asString()).isEqualTo("tags.room");
        assertThat(history.at("/results/0/diff/0/before").asString()).isEqualTo("b");

        ok("/api/inventory/cloud-service/delete", "{\"cloud_service_id\": \"" + id + "\"}");
        assertThat(ok("/api/inventory/cloud-service/get", "{\"cloud_service_id\": \"" + id + "\"}").get("state").asString())
                .isEqualTo("DELETED");
    }

    private long countByState(String collectorId, String state) {
        return jdbc.sql("SELECT count(*) FROM cloud_service WHERE collector_id = ? AND state = ?").params(collectorId, state)
                .query(Long.class).single();
    }
}
