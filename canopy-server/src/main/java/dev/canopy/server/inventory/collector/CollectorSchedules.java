package dev.canopy.server.inventory.collector;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.canopy.server.system.CanopyProperties;
import dev.canopy.server.system.ServerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fires collector schedules on instances with the scheduler role: once a minute, each ENABLED
 * collector whose hours include the current UTC hour gets one job for that hour. The hour is
 * claimed with a conditional update first, so that several schedulers start it once.
 */
@Component
class CollectorSchedules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CollectorSchedules.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final CollectorService collectors;
    private final boolean enabled;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService timer;

    CollectorSchedules(JdbcClient jdbc, CollectorService collectors, CanopyProperties canopy) {
        this.jdbc = jdbc;
        this.collectors = collectors;
        this.enabled = canopy.plays(ServerRole.SCHEDULER);
    }

    /** Starts the jobs due now; returns how many. */
    int fireDue() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        String hour = HOUR.format(now);
        List<String[]> due = jdbc.sql("SELECT domain_id, id FROM collector WHERE doc #>> '{schedule,state}' = 'ENABLED'"
                        + " AND doc #> '{schedule,hours}' @> to_jsonb(?::int)"
                        + " AND (doc ->> 'last_scheduled_hour') IS DISTINCT FROM ?")
                .params(now.getHour(), hour).query((rows, n) -> new String[] {rows.getString(1), rows.getString(2)}).list();
        int fired = 0;
        for (String[] collector : due) {
            List<ObjectNode> claimed = jdbc.sql("UPDATE collector SET doc = doc || jsonb_build_object('last_scheduled_hour', ?::text)"
                            + " WHERE domain_id = ? AND id = ? AND (doc ->> 'last_scheduled_hour') IS DISTINCT FROM ? RETURNING doc::text")
                    .params(hour, collector[0], collector[1], hour)
                    .query((rows, n) -> (ObjectNode) JSON.readTree(rows.getString(1))).list();
            if (!claimed.isEmpty()) {
                try {
                    collectors.collectScheduled(collector[0], claimed.get(0));
                    fired++;
                } catch (RuntimeException failed) {
                    log.warn("The scheduled collection of {} could not start: {}", collector[1], failed.getMessage());
                }
            }
        }
        return fired;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "collector-schedules");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                fireDue();
            } catch (RuntimeException failed) {
                log.warn("Firing collector schedules failed: {}", failed.toString());
            }
        }, 10, 60, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
