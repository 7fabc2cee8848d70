package dev.canopy.server.inventory.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.canopy.server.inventory.InventoryProperties;
import dev.canopy.server.system.CanopyProperties;
import dev.canopy.server.system.ServerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The collection workers of an instance with the worker role: each claims a PENDING task with
 * {@code FOR UPDATE SKIP LOCKED}, so no task runs twice at once, and runs it. While a task runs its
 * heartbeat is renewed; a task whose heartbeat went stale (its instance died) is put back to
 * PENDING, or failed once it has had its attempts, by whichever instance notices first.
 */
@Component
class JobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JdbcTemplate jdbc;
    private final CollectionRun runner;
    private final JobService jobs;
    private final JobWakeUp wakeUp;
    private final InventoryProperties properties;
    private final boolean enabled;
    private final Map<String, CollectionRun.Claimed> running = new ConcurrentHashMap<>();
    private final Map<String, Boolean> canceled = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService upkeep;
    private volatile boolean active;

    JobWorker(JdbcTemplate jdbc, CollectionRun runner, JobService jobs, JobWakeUp wakeUp, InventoryProperties properties,
              CanopyProperties canopy) {
        this.jdbc = jdbc;
        this.runner = runner;
        this.jobs = jobs;
        this.wakeUp = wakeUp;
        this.properties = properties;
        this.enabled = canopy.plays(ServerRole.WORKER);
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        active = true;
        for (int i = 1; i <= properties.workers(); i++) {
            Thread thread = new Thread(this::work, "collection-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        upkeep = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "collection-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeat().toMillis();
        upkeep.scheduleWithFixedDelay(this::upkeep, 0, every, TimeUnit.MILLISECONDS);
    }

    private void work() {
        while (active) {
            try {
                CollectionRun.Claimed task = claim();
                if (task == null) {
                    wakeUp.await(properties.pollInterval().toMillis());
                    continue;
                }
                running.put(task.taskId(), task);
                try {
                    jobs.rollUp(task.domainId(), task.jobId());
                    runner.run(task, () -> !active || canceled.containsKey(task.jobId()));
                } finally {
                    running.remove(task.taskId());
                    canceled.remove(task.jobId());
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                log.warn("A collection worker failed; it goes on", unexpected);
                sleepQuietly(properties.pollInterval());
            }
        }
    }

    private CollectionRun.Claimed claim() {
        return jdbc.query("UPDATE job_task t SET status = 'IN_PROGRESS', attempts = attempts + 1, heartbeat_at = now(),"
                        + " updated_at = now(), doc = t.doc || jsonb_build_object('status', 'IN_PROGRESS', 'started_at',"
                        + " to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), 'attempts', attempts + 1)"
                        + " WHERE (t.domain_id, t.id) = (SELECT domain_id, id FROM job_task WHERE status = 'PENDING'"
                        + " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                        + " RETURNING t.domain_id, t.id, t.job_id, t.collector_id, t.service_account_id, t.doc ->> 'project_id'",
                (rows, n) -> new CollectionRun.Claimed(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6))).stream().findFirst().orElse(null);
    }

    /** Renews the heartbeats of running tasks, notices cancellations, and takes back tasks of dead workers. */
    private void upkeep() {
        try {
            for (CollectionRun.Claimed task : List.copyOf(running.values())) {
                jdbc.update("UPDATE job_task SET heartbeat_at = now() WHERE domain_id = ? AND id = ? AND status = 'IN_PROGRESS'",
                        task.domainId(), task.taskId());
                if (!jdbc.queryForList("SELECT 1 FROM job WHERE domain_id = ? AND id = ? AND status = 'CANCELING'",
                        task.domainId(), task.jobId()).isEmpty()) {
                    canceled.put(task.jobId(), true);
                }
            }
            List<Map<String, Object>> recovered = jdbc.queryForList("UPDATE job_task SET"
                    + " status = CASE WHEN attempts < ? THEN 'PENDING' ELSE 'FAILURE' END, heartbeat_at = NULL, updated_at = now(),"
                    + " doc = doc || jsonb_build_object('status', CASE WHEN attempts < ? THEN 'PENDING' ELSE 'FAILURE' END)"
                    + " || CASE WHEN attempts < ? THEN '{}'::jsonb ELSE jsonb_build_object('errors', coalesce(doc -> 'errors', '[]'::jsonb)"
                    + " || jsonb_build_array(jsonb_build_object('error_code', 'ERROR_WORKER_LOST', 'message',"
                    + " 'the instance running this task stopped; it was tried ' || attempts || ' time(s)'))) END"
                    + " WHERE status = 'IN_PROGRESS' AND heartbeat_at < now() - make_interval(secs => ?)"
                    + " RETURNING domain_id, job_id, id, status",
                    properties.maxAttempts(), properties.maxAttempts(), properties.maxAttempts(),
                    properties.staleAfter().toMillis() / 1000.0);
            for (Map<String, Object> row : recovered) {
                log.warn("Collection task {} lost its worker; now {}", row.get("id"), row.get("status"));
                jobs.rollUp((String) row.get("domain_id"), (String) row.get("job_id"));
            }
            if (!recovered.isEmpty()) {
                wakeUp.afterCommit();
            }
        } catch (RuntimeException failed) {
            log.warn("Collection upkeep failed: {}", failed.toString());
        }
    }

    @Override
    public void stop() {
        active = false;
        if (upkeep != null) {
            upkeep.shutdownNow();
        }
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
