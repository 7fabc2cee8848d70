package dev.canopy.server.inventory.job;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.canopy.query.Condition;
import dev.canopy.query.Operator;
import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.identity.ServiceAccounts;
import dev.canopy.server.inventory.InventoryKinds;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Jobs of collectors and their tasks: a job has one task per service account; workers claim the
 * tasks; the job's status and counts sum its tasks' once the last one ends.
 */
@Service
public class JobService {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> COUNTS = List.of("created_count", "updated_count", "disconnected_count",
            "deleted_count", "failure_count");

    private final DocumentStore store;
    private final JdbcClient jdbc;
    private final JobWakeUp wakeUp;

    JobService(DocumentStore store, JdbcClient jdbc, JobWakeUp wakeUp) {
        this.store = store;
        this.jdbc = jdbc;
        this.wakeUp = wakeUp;
    }

    /** Creates a job of {@code collector} with a PENDING task per account, and wakes the workers. */
    @Transactional
    public ObjectNode start(String domainId, ObjectNode collector, List<ServiceAccounts.AccountRef> accounts,
                            String requestedServiceAccountId) {
        StoreScope scope = StoreScope.domain(domainId);
        String collectorId = collector.get("collector_id").asString();
        ObjectNode job = NODES.objectNode().put("collector_id", collectorId).put("status", "PENDING")
                .put("plugin_id", collector.path("plugin_info").path("plugin_id").asString())
                .put("total_tasks", accounts.size()).put("remained_tasks", accounts.size())
                .put("success_tasks", 0).put("failure_tasks", 0);
        COUNTS.forEach(count -> job.put(count, 0));
        if (requestedServiceAccountId != null) {
            job.put("request_service_account_id", requestedServiceAccountId);
        }
        ObjectNode created = store.create(InventoryKinds.JOB, scope, job);
        String jobId = created.get("job_id").asString();
        for (ServiceAccounts.AccountRef account : accounts) {
            ObjectNode task = NODES.objectNode().put("job_id", jobId).put("collector_id", collectorId)
                    .put("service_account_id", account.serviceAccountId()).put("status", "PENDING");
            if (account.projectId() != null) {
                task.put("project_id", account.projectId());
            }
            COUNTS.forEach(count -> task.put(count, 0));
            task.set("errors", NODES.arrayNode());
            store.create(InventoryKinds.JOB_TASK, scope, task);
        }
        jdbc.sql("UPDATE collector SET doc = doc || jsonb_build_object('last_collected_at', ?::text) WHERE domain_id = ? AND id = ?")
                .params(created.get("created_at").asString(), domainId, collectorId).update();
        wakeUp.afterCommit();
        return created;
    }

    /**
     * Ends a job whose tasks all ended: its status (SUCCESS when every task succeeded, CANCELED when it
     * was canceled, FAILURE otherwise) and the sums of its tasks' counts.
     */
    @Transactional
    public void rollUp(String domainId, String jobId) {
        ObjectNode job = jdbc.sql("SELECT doc::text FROM job WHERE domain_id = ? AND id = ? FOR UPDATE").params(domainId, jobId)
                .query((rows, n) -> (ObjectNode) JSON.readTree(rows.getString(1))).optional().orElse(null);
        if (job == null) {
            return;
        }
        List<ObjectNode> tasks = jdbc.sql("SELECT doc::text FROM job_task WHERE domain_id = ? AND job_id = ?").params(domainId, jobId)
                .query((rows, n) -> (ObjectNode) JSON.readTree(rows.getString(1))).list();
        long remained = tasks.stream().filter(task -> List.of("PENDING", "IN_PROGRESS").contains(task.path("status").asString())).count();
        long success = tasks.stream().filter(task -> "SUCCESS".equals(task.path("status").asString())).count();
        long failure = tasks.stream().filter(task -> "FAILURE".equals(task.path("status").asString())).count();
        job.put("remained_tasks", remained).put("success_tasks", success).put("failure_tasks", failure);
        for (String count : COUNTS) {
            job.put(count, tasks.stream().mapToLong(task -> task.path(count).asLong()).sum());
        }
        String status = job.path("status").asString();
        if (remained == 0 && !List.of("SUCCESS", "FAILURE", "CANCELED").contains(status)) {
            status = "CANCELING".equals(status) || tasks.stream().anyMatch(task -> "CANCELED".equals(task.path("status").asString()))
                    ? "CANCELED" : failure > 0 ? "FAILURE" : "SUCCESS";
            job.put("finished_at", TIMESTAMP.format(Instant.now()));
        } else if (remained > 0 && "PENDING".equals(status) && tasks.stream().anyMatch(task -> !"PENDING".equals(task.path("status").asString()))) {
            status = "IN_PROGRESS";
        }
        job.put("status", status);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        job.put("updated_at", TIMESTAMP.format(now));
        jdbc.sql("UPDATE job SET status = ?, updated_at = ?, doc = CAST(? AS jsonb) WHERE domain_id = ? AND id = ?")
                .params(status, Timestamp.from(now), JSON.writeValueAsString(job), domainId, jobId).update();
    }

    /** Cancels a job: pending tasks at once, running ones at their next batch. */
    @Transactional
    ObjectNode cancel(Caller caller, JobRequests.JobId request) {
        ObjectNode job = get(caller, request);
        if (List.of("SUCCESS", "FAILURE", "CANCELED").contains(job.path("status").asString())) {
            throw ApiException.invalidParameter("job_id", "the job has ended already (" + job.path("status").asString() + ")");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("UPDATE job_task SET status = 'CANCELED', updated_at = ?, doc = doc || jsonb_build_object('status', 'CANCELED',"
                        + " 'finished_at', ?::text) WHERE domain_id = ? AND job_id = ? AND status = 'PENDING'")
                .params(Timestamp.from(now), TIMESTAMP.format(now), caller.domainId(), request.jobId()).update();
        jdbc.sql("UPDATE job SET status = 'CANCELING', doc = doc || '{\"status\": \"CANCELING\"}' WHERE domain_id = ? AND id = ?")
                .params(caller.domainId(), request.jobId()).update();
        rollUp(caller.domainId(), request.jobId());
        return get(caller, request);
    }

    @Transactional
    ObjectNode delete(Caller caller, JobRequests.JobId request) {
        ObjectNode job = get(caller, request);
        if (!List.of("SUCCESS", "FAILURE", "CANCELED").contains(job.path("status").asString())) {
            throw ApiException.invalidParameter("job_id", "a job still running cannot be deleted; cancel it first");
        }
        jdbc.sql("DELETE FROM job_task WHERE domain_id = ? AND job_id = ?").params(caller.domainId(), request.jobId()).update();
        store.delete(InventoryKinds.JOB, StoreScope.of(caller, InventoryKinds.JOB), request.jobId());
        return NODES.objectNode();
    }

    ObjectNode get(Caller caller, JobRequests.JobId request) {
        return store.get(InventoryKinds.JOB, StoreScope.of(caller, InventoryKinds.JOB), request.jobId())
                .orElseThrow(() -> ApiException.notFound("job_id", request.jobId()));
    }

    ListResult list(Caller caller, JobRequests.JobList request) {
        return store.list(InventoryKinds.JOB, StoreScope.of(caller, InventoryKinds.JOB), request.query() != null ? request.query() : Query.ALL);
    }

    StatResult stat(Caller caller, JobRequests.JobStat request) {
        return store.stat(InventoryKinds.JOB, StoreScope.of(caller, InventoryKinds.JOB), request.query());
    }

    ObjectNode getTask(Caller caller, JobRequests.JobTaskId request) {
        return store.get(InventoryKinds.JOB_TASK, StoreScope.of(caller, InventoryKinds.JOB_TASK), request.jobTaskId())
                .orElseThrow(() -> ApiException.notFound("job_task_id", request.jobTaskId()));
    }

    ListResult listTasks(Caller caller, JobRequests.JobTaskList request) {
        Query query = request.query() != null ? request.query() : Query.ALL;
        if (request.jobId() != null) {
            query = query.and(new Condition("job_id", StringNode.valueOf(request.jobId()), Operator.EQ));
        }
        return store.list(InventoryKinds.JOB_TASK, StoreScope.of(caller, InventoryKinds.JOB_TASK), query);
    }

    StatResult statTasks(Caller caller, JobRequests.JobStat request) {
        return store.stat(InventoryKinds.JOB_TASK, StoreScope.of(caller, InventoryKinds.JOB_TASK), request.query());
    }

    /** The request bodies of {@code inventory.Job} and {@code inventory.JobTask}. */
    static final class JobRequests {

        private JobRequests() {
        }

        record JobId(@NotBlank @Size(max = 64) String jobId) {
        }

        record JobTaskId(@NotBlank @Size(max = 64) String jobTaskId) {
        }

        record JobList(Query query) {
        }

        record JobTaskList(@Size(max = 64) String jobId, Query query) {
        }

        record JobStat(@NotNull StatisticsQuery query) {
        }
    }
}
