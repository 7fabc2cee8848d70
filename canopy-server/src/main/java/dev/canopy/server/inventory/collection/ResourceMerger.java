package dev.canopy.server.inventory.collection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.server.inventory.history.ChangeDiff;
import dev.canopy.server.inventory.history.ChangeRecorder;
import dev.canopy.server.store.IdGenerator;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges what one collection task streams into the inventory, batch by batch, each batch in one
 * transaction: a cloud service is found by the first of its match rules whose keys it has values
 * for (within its domain, provider and account), inserted when new, rewritten when changed, and
 * left alone when its content is the same as stored (no write). At the end of a complete run, the
 * task's cloud services it did not see become DISCONNECTED, and DELETED after {@code deleteAfter}
 * runs in a row. Memory holds one batch and the ids seen, whatever the size of the stream.
 */
public final class ResourceMerger {

    public static final String CLOUD_SERVICE = "inventory.CloudService";
    public static final String CLOUD_SERVICE_TYPE = "inventory.CloudServiceType";
    public static final String REGION = "inventory.Region";
    public static final String ERROR_RESOURCE = "inventory.ErrorResource";
    /** Keys a match rule may use that the fast path finds through the {@code resource_id} index. */
    private static final Set<String> INDEXED_KEYS = Set.of("reference.resource_id", "provider", "account",
            "cloud_service_group", "cloud_service_type");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_ERRORS = 1000;

    /** Whose collection this is. */
    public record Context(String domainId, String collectorId, String serviceAccountId, String projectId, String jobId) {
    }

    /** What a run did; {@code errors} are {@code {index, resource_type, error_code, message}}. */
    public record Counts(long created, long updated, long unchanged, long disconnected, long deleted, long failed,
                         List<ObjectNode> errors) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ChangeRecorder recorder;
    private final Context context;
    private final int batchSize;
    private final int deleteAfter;
    private final ChangeRecorder.Actor actor;
    private final List<Item> batch = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<String> erroredRegions = new HashSet<>();
    private final Set<String> erroredTypes = new HashSet<>();
    private final List<ObjectNode> errors = new ArrayList<>();
    private long index;
    private long created;
    private long updated;
    private long unchanged;
    private long failed;

    public ResourceMerger(JdbcTemplate jdbc, TransactionTemplate transactions, ChangeRecorder recorder, Context context,
                          int batchSize, int deleteAfter) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.recorder = recorder;
        this.context = context;
        this.batchSize = batchSize;
        this.deleteAfter = deleteAfter;
        this.actor = ChangeRecorder.Actor.collector(context.collectorId(), context.jobId());
    }

    /** Takes one streamed item; writes when a batch is full. */
    public void accept(CollectedResource item) {
        long position = index++;
        if (item.state() == CollectedResource.State.FAILURE || ERROR_RESOURCE.equals(item.resourceType())) {
            Map<String, Object> scope = item.resource();
            if (scope.get("region_code") instanceof String region) {
                erroredRegions.add(region);
            } else if (scope.get("cloud_service_group") instanceof String group && scope.get("cloud_service_type") instanceof String type) {
                erroredTypes.add(group + "/" + type);
            } else {
                erroredTypes.add("*");
            }
            error(position, item.resourceType(), "ERROR_PLUGIN", item.message().isBlank() ? "the plugin reported a failure" : item.message());
            return;
        }
        ObjectNode resource;
        try {
            resource = JSON.valueToTree(item.resource());
        } catch (RuntimeException notJson) {
            error(position, item.resourceType(), "ERROR_MALFORMED_RESOURCE", "the resource is not JSON");
            return;
        }
        String problem = switch (String.valueOf(item.resourceType())) {
            case CLOUD_SERVICE -> missing(resource, "provider", "cloud_service_group", "cloud_service_type");
            case CLOUD_SERVICE_TYPE -> missing(resource, "name", "group", "provider");
            case REGION -> missing(resource, "region_code", "provider");
            default -> "unknown resource_type " + item.resourceType();
        };
        if (problem != null) {
            error(position, item.resourceType(), "ERROR_MALFORMED_RESOURCE", problem);
            return;
        }
        batch.add(new Item(position, item.resourceType(), item.matchRules(), resource));
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    /**
     * Writes what is left; when the run saw everything ({@code complete}), disconnects what it did not
     * see, except where the plugin reported a failure (a region, a type) that may have hidden it.
     */
    public Counts finish(boolean complete) {
        flush();
        long[] gone = complete && !erroredTypes.contains("*") ? disconnectUnseen() : new long[2];
        return new Counts(created, updated, unchanged, gone[0], gone[1], failed, List.copyOf(errors));
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<Item> items = List.copyOf(batch);
        batch.clear();
        transactions.executeWithoutResult(status -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<ChangeRecorder.Change> changes = new ArrayList<>();
            mergeCloudServices(items.stream().filter(item -> CLOUD_SERVICE.equals(item.type())).toList(), now, changes);
            for (Item item : items) {
                if (CLOUD_SERVICE_TYPE.equals(item.type())) {
                    mergeNamed(item, "cloud_service_type", "cloud_service_type_id", "cloud-svc-type",
                            "provider = ? AND doc ->> 'group' = ? AND name = ?",
                            new Object[] {text(item.resource(), "provider"), text(item.resource(), "group"), text(item.resource(), "name")}, now);
                } else if (REGION.equals(item.type())) {
                    mergeNamed(item, "region", "region_id", "region", "provider = ? AND region_code = ?",
                            new Object[] {text(item.resource(), "provider"), text(item.resource(), "region_code")}, now);
                }
            }
            recorder.record(context.domainId(), actor, changes, now);
        });
    }

    private void mergeCloudServices(List<Item> items, Instant now, List<ChangeRecorder.Change> changes) {
        if (items.isEmpty()) {
            return;
        }
        Map<Item, List<String>> rules = new LinkedHashMap<>();
        Map<String, List<Item>> byAccount = new HashMap<>();
        for (Item item : items) {
            List<String> rule = item.matchRules().stream()
                    .filter(keys -> !keys.isEmpty() && keys.stream().allMatch(key -> value(item.resource(), key) != null))
                    .findFirst().orElse(null);
            if (rule == null) {
                error(item.index(), item.type(), "ERROR_MATCH_RULE", "no match rule has values in the resource");
                continue;
            }
            rules.put(item, rule);
            if (INDEXED_KEYS.containsAll(rule) && rule.contains("reference.resource_id")) {
                byAccount.computeIfAbsent(text(item.resource(), "provider") + "\u0000" + Objects.toString(text(item.resource(), "account"), ""),
                        key -> new ArrayList<>()).add(item);
            }
        }
        Map<Item, Stored> matches = new HashMap<>();
        byAccount.values().forEach(group -> findByResourceId(group, rules, matches));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Map<String, String> insertedInBatch = new HashMap<>();
        Timestamp timestamp = Timestamp.from(now);
        for (Map.Entry<Item, List<String>> entry : rules.entrySet()) {
            Item item = entry.getKey();
            Stored stored = matches.containsKey(item) ? matches.get(item) : findByContent(item, entry.getValue());
            if (stored == Stored.AMBIGUOUS) {
                error(item.index(), item.type(), "ERROR_TOO_MANY_MATCH", "more than one cloud service matches " + entry.getValue());
                continue;
            }
            ObjectNode collected = collectedPart(item.resource());
            byte[] hash = hash(collected);
            String matchKey = matchKey(item, entry.getValue());
            if (stored == null && insertedInBatch.containsKey(matchKey)) {
                unchanged++; // the same item twice in one batch: the first one stands
                continue;
            }
            if (stored == null) {
                String id = IdGenerator.next("cloud-svc");
                ObjectNode doc = collected.deepCopy();
                doc.set("custom_tags", NODES.objectNode());
                doc.put("cloud_service_id", id).put("domain_id", context.domainId())
                        .put("created_at", TIMESTAMP.format(now)).put("updated_at", TIMESTAMP.format(now));
                inserts.add(Row.of(id, doc, hash).insertParameters(context, timestamp));
                insertedInBatch.put(matchKey, id);
                seen.add(id);
                changes.add(new ChangeRecorder.Change(id, "CREATE", null));
                created++;
                continue;
            }
            seen.add(stored.id());
            if (Arrays.equals(stored.hash(), hash) && "ACTIVE".equals(stored.state()) && stored.misses() == 0) {
                unchanged++;
                continue;
            }
            ObjectNode doc = collected.deepCopy();
            doc.put("cloud_service_id", stored.id()).put("domain_id", context.domainId())
                    .put("created_at", stored.doc().path("created_at").asString());
            doc.set("custom_tags", stored.doc().has("custom_tags") ? stored.doc().get("custom_tags") : NODES.objectNode());
            changes.add(new ChangeRecorder.Change(stored.id(), "UPDATE", ChangeDiff.between(comparable(stored.doc()), comparable(doc))));
            doc.put("updated_at", TIMESTAMP.format(now));
            updates.add(Row.of(stored.id(), doc, hash).updateParameters(context, timestamp));
            updated++;
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO cloud_service (id, domain_id, name, state, provider, cloud_service_group, cloud_service_type,"
                    + " account, region_code, project_id, collector_id, service_account_id, resource_id, content_hash, misses,"
                    + " created_at, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, CAST(? AS jsonb))",
                    inserts);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE cloud_service SET name = ?, state = ?, provider = ?, cloud_service_group = ?,"
                    + " cloud_service_type = ?, account = ?, region_code = ?, project_id = ?, collector_id = ?, service_account_id = ?,"
                    + " resource_id = ?, content_hash = ?, misses = 0, updated_at = ?, doc = CAST(? AS jsonb)"
                    + " WHERE domain_id = ? AND id = ?", updates);
        }
    }

    /** The item as the collector states it, with what this collection adds: its project and origin. */
    private ObjectNode collectedPart(ObjectNode resource) {
        ObjectNode doc = resource.deepCopy();
        doc.put("state", "ACTIVE");
        if (context.projectId() != null && !doc.hasNonNull("project_id")) {
            doc.put("project_id", context.projectId());
        }
        doc.set("collection_info", NODES.objectNode().put("collector_id", context.collectorId())
                .put("service_account_id", context.serviceAccountId()));
        return doc;
    }

    private void findByResourceId(List<Item> group, Map<Item, List<String>> rules, Map<Item, Stored> matches) {
        Item first = group.get(0);
        String[] resourceIds = group.stream().map(item -> value(item.resource(), "reference.resource_id").asString())
                .distinct().toArray(String[]::new);
        Map<String, List<Stored>> found = new HashMap<>();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Array ids = connection.createArrayOf("text", resourceIds);
            // "account = ?" rather than IS NOT DISTINCT FROM: only an equality is an index condition, so
            // the lookup reads the batch's keys instead of every row of the provider.
            String account = text(first.resource(), "account");
            try (var statement = connection.prepareStatement("SELECT id, state, misses, content_hash, doc::text, resource_id"
                    + " FROM cloud_service WHERE domain_id = ? AND provider = ? AND "
                    + (account != null ? "account = ?" : "account IS NULL")
                    + " AND resource_id = ANY(?) FOR UPDATE")) {
                int parameter = 1;
                statement.setString(parameter++, context.domainId());
                statement.setString(parameter++, text(first.resource(), "provider"));
                if (account != null) {
                    statement.setString(parameter++, account);
                }
                statement.setArray(parameter, ids);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.computeIfAbsent(rows.getString(6), key -> new ArrayList<>()).add(new Stored(rows.getString(1),
                                rows.getString(2), rows.getInt(3), rows.getBytes(4), (ObjectNode) JSON.readTree(rows.getString(5))));
                    }
                }
            }
            return null;
        });
        for (Item item : group) {
            List<Stored> candidates = found.getOrDefault(value(item.resource(), "reference.resource_id").asString(), List.of())
                    .stream().filter(stored -> rules.get(item).stream().allMatch(key ->
                            Objects.equals(value(stored.doc(), key), value(item.resource(), key)))).toList();
            matches.put(item, candidates.isEmpty() ? null : candidates.size() == 1 ? candidates.get(0) : Stored.AMBIGUOUS);
        }
    }

    /** Match rules on other keys: the document containment index finds them, one item at a time. */
    private Stored findByContent(Item item, List<String> rule) {
        ObjectNode probe = NODES.objectNode();
        for (String key : rule) {
            ObjectNode parent = probe;
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
            }
            parent.set(parts[parts.length - 1], value(item.resource(), key));
        }
        List<Stored> found = jdbc.query("SELECT id, state, misses, content_hash, doc::text FROM cloud_service"
                        + " WHERE domain_id = ? AND provider = ? AND doc @> CAST(? AS jsonb) LIMIT 2 FOR UPDATE",
                (rows, rowNumber) -> new Stored(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getBytes(4),
                        (ObjectNode) JSON.readTree(rows.getString(5))),
                context.domainId(), text(item.resource(), "provider"), JSON.writeValueAsString(probe));
        return found.isEmpty() ? null : found.size() == 1 ? found.get(0) : Stored.AMBIGUOUS;
    }

    /** Cloud service types and regions: few, so found one by one, and rewritten only when changed. */
    private void mergeNamed(Item item, String table, String idKey, String prefix, String where, Object[] keys, Instant now) {
        List<Object> parameters = new ArrayList<>(List.of(context.domainId()));
        parameters.addAll(Arrays.asList(keys));
        List<ObjectNode> existing = jdbc.query("SELECT doc::text FROM " + table + " WHERE domain_id = ? AND " + where + " FOR UPDATE",
                (rows, rowNumber) -> (ObjectNode) JSON.readTree(rows.getString(1)), parameters.toArray());
        ObjectNode doc = item.resource().deepCopy();
        doc.put("domain_id", context.domainId());
        Timestamp timestamp = Timestamp.from(now);
        if (existing.isEmpty()) {
            String id = IdGenerator.next(prefix);
            doc.put(idKey, id).put("created_at", TIMESTAMP.format(now)).put("updated_at", TIMESTAMP.format(now));
            String columns = table.equals("region") ? "name, region_code, provider" : "name, provider";
            Object[] values = table.equals("region")
                    ? new Object[] {id, context.domainId(), Objects.toString(text(doc, "name"), text(doc, "region_code")),
                    text(doc, "region_code"), text(doc, "provider"), timestamp, timestamp, JSON.writeValueAsString(doc)}
                    : new Object[] {id, context.domainId(), text(doc, "name"), text(doc, "provider"), timestamp, timestamp,
                    JSON.writeValueAsString(doc)};
            String marks = table.equals("region") ? "?, ?, ?" : "?, ?";
            jdbc.update("INSERT INTO " + table + " (id, domain_id, " + columns + ", created_at, updated_at, doc) VALUES (?, ?, "
                    + marks + ", ?, ?, CAST(? AS jsonb))", values);
            created++;
            return;
        }
        ObjectNode stored = existing.get(0);
        doc.put(idKey, stored.path(idKey).asString()).put("created_at", stored.path("created_at").asString())
                .put("updated_at", stored.path("updated_at").asString());
        if (doc.equals(stored)) {
            unchanged++;
            return;
        }
        doc.put("updated_at", TIMESTAMP.format(now));
        jdbc.update("UPDATE " + table + " SET name = ?, updated_at = ?, doc = CAST(? AS jsonb) WHERE domain_id = ? AND id = ?",
                Objects.toString(text(doc, "name"), text(doc, "region_code")), timestamp, JSON.writeValueAsString(doc),
                context.domainId(), stored.path(idKey).asString());
        updated++;
    }

    /** Marks what this collector and account did not see this time; returns {disconnected, deleted}. */
    private long[] disconnectUnseen() {
        return transactions.execute(status -> jdbc.execute((ConnectionCallback<long[]>) connection -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<ChangeRecorder.Change> changes = new ArrayList<>();
            long disconnected = 0;
            long deleted = 0;
            // The ids seen go in as one array, anti-joined as a set: a hash join, whatever their number.
            try (var statement = connection.prepareStatement("WITH seen AS (SELECT unnest(?::text[]) AS id)"
                    + " UPDATE cloud_service SET"
                    + " state = CASE WHEN misses + 1 >= ? THEN 'DELETED' ELSE 'DISCONNECTED' END, misses = misses + 1, updated_at = ?,"
                    + " doc = doc || jsonb_build_object('state', CASE WHEN misses + 1 >= ? THEN 'DELETED' ELSE 'DISCONNECTED' END,"
                    + " 'updated_at', ?::text)"
                    + " WHERE domain_id = ? AND collector_id = ? AND service_account_id IS NOT DISTINCT FROM ? AND state <> 'DELETED'"
                    + " AND NOT EXISTS (SELECT 1 FROM seen WHERE seen.id = cloud_service.id)"
                    + " AND (region_code IS NULL OR region_code <> ALL(?))"
                    + " AND (cloud_service_group || '/' || cloud_service_type) <> ALL(?)"
                    + " RETURNING id, state")) {
                statement.setArray(1, connection.createArrayOf("text", seen.toArray(String[]::new)));
                statement.setInt(2, deleteAfter);
                statement.setTimestamp(3, Timestamp.from(now));
                statement.setInt(4, deleteAfter);
                statement.setString(5, TIMESTAMP.format(now));
                statement.setString(6, context.domainId());
                statement.setString(7, context.collectorId());
                statement.setString(8, context.serviceAccountId());
                statement.setArray(9, connection.createArrayOf("text", erroredRegions.toArray(String[]::new)));
                statement.setArray(10, connection.createArrayOf("text", erroredTypes.toArray(String[]::new)));
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        boolean gone = "DELETED".equals(rows.getString(2));
                        ObjectNode diff = NODES.objectNode().put("key", "state").put("type", "CHANGED")
                                .put("after", rows.getString(2));
                        changes.add(new ChangeRecorder.Change(rows.getString(1), gone ? "DELETE" : "UPDATE",
                                NODES.arrayNode().add(diff)));
                        if (gone) {
                            deleted++;
                        } else {
                            disconnected++;
                        }
                    }
                }
            }
            recorder.record(context.domainId(), actor, changes, now);
            return new long[] {disconnected, deleted};
        }));
    }

    private void error(long position, String type, String code, String message) {
        failed++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(NODES.objectNode().put("index", position).put("resource_type", String.valueOf(type))
                    .put("error_code", code).put("message", message));
        }
    }

    private static String missing(ObjectNode resource, String... keys) {
        List<String> absent = Arrays.stream(keys).filter(key -> !resource.path(key).isString()
                || resource.path(key).asString().isBlank()).toList();
        return absent.isEmpty() ? null : "missing " + String.join(", ", absent);
    }

    private static ObjectNode comparable(ObjectNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.remove("updated_at");
        return copy;
    }

    private static String matchKey(Item item, List<String> rule) {
        StringBuilder key = new StringBuilder();
        rule.forEach(part -> key.append(value(item.resource(), part)).append('\u0000'));
        return key.toString();
    }

    private static JsonNode value(ObjectNode doc, String dottedKey) {
        JsonNode node = doc;
        for (String part : dottedKey.split("\\.")) {
            node = node.get(part);
            if (node == null || node.isNull()) {
                return null;
            }
        }
        return node;
    }

    private static String text(ObjectNode doc, String key) {
        JsonNode value = doc.get(key);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static byte[] hash(ObjectNode collected) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(collected).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A cloud service as its table row holds it: the document and the columns copied from it. */
    private record Row(String id, ObjectNode doc, byte[] hash, String name, String provider, String group, String type,
                       String account, String regionCode, String projectId, String resourceId) {

        static Row of(String id, ObjectNode doc, byte[] hash) {
            JsonNode resourceId = value(doc, "reference.resource_id");
            return new Row(id, doc, hash, text(doc, "name"), text(doc, "provider"), text(doc, "cloud_service_group"),
                    text(doc, "cloud_service_type"), text(doc, "account"), text(doc, "region_code"), text(doc, "project_id"),
                    resourceId == null ? null : resourceId.asString());
        }

        Object[] insertParameters(Context context, Timestamp now) {
            return new Object[] {id, context.domainId(), name, "ACTIVE", provider, group, type, account, regionCode, projectId,
                    context.collectorId(), context.serviceAccountId(), resourceId, hash, now, now, JSON.writeValueAsString(doc)};
        }

        Object[] updateParameters(Context context, Timestamp now) {
            return new Object[] {name, "ACTIVE", provider, group, type, account, regionCode, projectId, context.collectorId(),
                    context.serviceAccountId(), resourceId, hash, now, JSON.writeValueAsString(doc), context.domainId(), id};
        }
    }

    /** One streamed item; compared by identity, as the same content may come twice. */
    private record Item(long index, String type, List<List<String>> matchRules, ObjectNode resource) {

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private record Stored(String id, String state, int misses, byte[] hash, ObjectNode doc) {
        static final Stored AMBIGUOUS = new Stored("", "", 0, new byte[0], JsonNodeFactory.instance.objectNode());
    }
}
