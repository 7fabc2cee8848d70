package dev.canopy.server.inventory.job;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.ApiJson;
import dev.canopy.server.identity.ServiceAccounts;
import dev.canopy.server.inventory.InventoryProperties;
import dev.canopy.server.inventory.collection.ResourceMerger;
import dev.canopy.server.inventory.history.ChangeRecorder;
import dev.canopy.server.plugin.PluginInfo;
import dev.canopy.server.plugin.PluginRuntime;
import dev.canopy.server.plugin.PluginSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one claimed task: the account's credentials to the collector's plugin, every plugin task
 * collected in turn, each item into the {@link ResourceMerger}; then the task's outcome and counts.
 * A plugin failure fails the task, never the worker; items the plugin reports as failed, or that
 * break the format, become task errors while the rest goes on.
 */
@Component
class CollectionRun {

    private static final Logger log = LoggerFactory.getLogger(CollectionRun.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int CANCEL_CHECK_EVERY = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ChangeRecorder recorder;
    private final PluginRuntime plugins;
    private final ServiceAccounts accounts;
    private final JobService jobs;
    private final InventoryProperties properties;
    private final JsonMapper apiShape;

    CollectionRun(JdbcTemplate jdbc, TransactionTemplate transactions, ChangeRecorder recorder, PluginRuntime plugins,
                  ServiceAccounts accounts, JobService jobs, InventoryProperties properties, ApiJson apiJson) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.recorder = recorder;
        this.plugins = plugins;
        this.accounts = accounts;
        this.jobs = jobs;
        this.properties = properties;
        this.apiShape = apiJson.mapper();
    }

    /** A task a worker holds. */
    record Claimed(String domainId, String taskId, String jobId, String collectorId, String serviceAccountId, String projectId) {
    }

    void run(Claimed task, BooleanSupplier canceled) {
        ResourceMerger.Counts counts = null;
        String fatalCode = null;
        String fatalMessage = null;
        try {
            ObjectNode collector = jdbc.query("SELECT doc::text FROM collector WHERE domain_id = ? AND id = ?",
                    (rows, n) -> (ObjectNode) JSON.readTree(rows.getString(1)), task.domainId(), task.collectorId())
                    .stream().findFirst().orElseThrow(() -> ApiException.notFound("collector_id", task.collectorId()));
            PluginInfo info = apiShape.treeToValue(collector.get("plugin_info"), PluginInfo.class);
            Map<String, Object> secret = plugins.map(accounts.credentials(task.domainId(), task.serviceAccountId()).merged());
            Map<String, Object> options = plugins.map(info.options());
            ResourceMerger merger = new ResourceMerger(jdbc, transactions, recorder, new ResourceMerger.Context(task.domainId(),
                    task.collectorId(), task.serviceAccountId(), task.projectId(), task.jobId()),
                    properties.batchSize(), properties.deleteAfter());
            boolean complete = true;
            try (PluginSession<CollectorPlugin> session = plugins.open(info, CollectorPlugin.class)) {
                if (!session.version().equals(info.version())) {
                    upgraded(task, info, session, options);
                }
                List<CollectTask> parts = session.plugin().tasks(new CollectRequest(options, secret, null, null));
                for (CollectTask part : parts) {
                    if (!collect(session.plugin(), new CollectRequest(options, secret, null, part.taskOptions()), merger, canceled)) {
                        complete = false;
                        break;
                    }
                }
            } catch (PluginException failed) {
                complete = false;
                fatalCode = failed.failure().errorCode();
                fatalMessage = "Plugin " + info.pluginId() + ": " + failed.getMessage();
            }
            counts = merger.finish(complete);
        } catch (ApiException refused) {
            fatalCode = refused.code().name();
            fatalMessage = refused.getMessage();
        } catch (RuntimeException unexpected) {
            log.warn("Collection task {} of job {} failed", task.taskId(), task.jobId(), unexpected);
            fatalCode = "ERROR_UNKNOWN";
            fatalMessage = "the collection failed unexpectedly: " + unexpected.getClass().getSimpleName();
        }
        String status = canceled.getAsBoolean() ? "CANCELED" : fatalCode != null ? "FAILURE" : "SUCCESS";
        finish(task, status, counts, fatalCode, fatalMessage);
        jobs.rollUp(task.domainId(), task.jobId());
    }

    /** AUTO upgrade found a newer version: its {@code init} runs and the collector keeps what it says, as on binding. */
    private void upgraded(Claimed task, PluginInfo info, PluginSession<CollectorPlugin> session, Map<String, Object> options) {
        PluginInfo rebound = info.withResolved(session.version(), JSON.valueToTree(session.plugin().init(options).values()));
        jdbc.update("UPDATE collector SET doc = jsonb_set(doc, '{plugin_info}', CAST(? AS jsonb)) WHERE domain_id = ? AND id = ?",
                apiShape.writeValueAsString(rebound), task.domainId(), task.collectorId());
        log.info("Collector {} now uses plugin {} {}", task.collectorId(), info.pluginId(), session.version());
    }

    /** Streams one plugin task into the merger; false when canceled before its end. */
    private static boolean collect(CollectorPlugin plugin, CollectRequest request, ResourceMerger merger, BooleanSupplier canceled) {
        try (Stream<CollectedResource> stream = plugin.collect(request)) {
            Iterator<CollectedResource> items = stream.iterator();
            long taken = 0;
            while (items.hasNext()) {
                if (++taken % CANCEL_CHECK_EVERY == 0 && canceled.getAsBoolean()) {
                    return false;
                }
                merger.accept(items.next());
            }
            return !canceled.getAsBoolean();
        }
    }

    private void finish(Claimed task, String status, ResourceMerger.Counts counts, String fatalCode, String fatalMessage) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode changes = NODES.objectNode().put("status", status).put("finished_at", JobService.TIMESTAMP.format(now))
                .put("updated_at", JobService.TIMESTAMP.format(now));
        ArrayNode errors = NODES.arrayNode();
        if (counts != null) {
            changes.put("created_count", counts.created()).put("updated_count", counts.updated())
                    .put("disconnected_count", counts.disconnected()).put("deleted_count", counts.deleted())
                    .put("failure_count", counts.failed()).put("unchanged_count", counts.unchanged());
            counts.errors().forEach(errors::add);
        }
        if (fatalCode != null) {
            errors.addObject().put("error_code", fatalCode).put("message", fatalMessage);
        }
        changes.set("errors", errors);
        jdbc.update("UPDATE job_task SET status = ?, updated_at = ?, heartbeat_at = NULL, doc = doc || CAST(? AS jsonb)"
                + " WHERE domain_id = ? AND id = ? AND status = 'IN_PROGRESS'", status, Timestamp.from(now), JSON.writeValueAsString(changes),
                task.domainId(), task.taskId());
    }
}
