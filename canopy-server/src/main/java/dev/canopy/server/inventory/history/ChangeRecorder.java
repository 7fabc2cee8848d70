package dev.canopy.server.inventory.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.server.store.IdGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes change records of cloud services, in batches, inside the caller's transaction. A record
 * says what happened (CREATE, UPDATE, DELETE), to what, which keys changed, and who did it: a
 * collector's job, or a user.
 */
@Component
public class ChangeRecorder {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    ChangeRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Who made a change: {@code COLLECTOR} with the collector and job, or {@code USER} with the user id. */
    public record Actor(String type, String id, String collectorId, String jobId) {

        public static Actor user(String userId) {
            return new Actor("USER", userId, null, null);
        }

        public static Actor collector(String collectorId, String jobId) {
            return new Actor("COLLECTOR", collectorId, collectorId, jobId);
        }
    }

    /** One change to record. */
    public record Change(String cloudServiceId, String action, ArrayNode diff) {
    }

    public void record(String domainId, Actor actor, List<Change> changes, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp timestamp = Timestamp.from(at);
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change change : changes) {
            String recordId = IdGenerator.next("record");
            ObjectNode doc = JsonNodeFactory.instance.objectNode()
                    .put("record_id", recordId)
                    .put("cloud_service_id", change.cloudServiceId())
                    .put("action", change.action())
                    .put("updated_by", actor.id())
                    .put("updated_by_type", actor.type());
            if (actor.collectorId() != null) {
                doc.put("collector_id", actor.collectorId());
            }
            if (actor.jobId() != null) {
                doc.put("job_id", actor.jobId());
            }
            doc.set("diff", change.diff() != null ? change.diff() : JsonNodeFactory.instance.arrayNode());
            doc.put("domain_id", domainId).put("created_at", TIMESTAMP.format(at)).put("updated_at", TIMESTAMP.format(at));
            rows.add(new Object[] {recordId, domainId, change.cloudServiceId(), change.action(), timestamp, timestamp,
                    JSON.writeValueAsString(doc)});
        }
        jdbc.batchUpdate("INSERT INTO cloud_service_record (id, domain_id, cloud_service_id, action, created_at, updated_at, doc)"
                + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))", rows);
    }
}
