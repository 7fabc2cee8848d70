package dev.canopy.server.inventory.cloudservice;

import java.time.Instant;
import java.util.List;

import dev.canopy.query.Query;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.ApiJson;
import dev.canopy.server.api.Caller;
import dev.canopy.server.inventory.InventoryKinds;
import dev.canopy.server.inventory.history.ChangeDiff;
import dev.canopy.server.inventory.history.ChangeRecorder;
import dev.canopy.server.store.AnalyzeResult;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cloud services as users see and change them, scoped to the projects a caller reaches; every
 * change a user makes is recorded in the change history as the collectors' are.
 */
@Service
class CloudServiceService {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final ChangeRecorder recorder;
    private final JsonMapper json;

    CloudServiceService(DocumentStore store, ChangeRecorder recorder, ApiJson apiJson) {
        this.store = store;
        this.recorder = recorder;
        this.json = apiJson.mapper();
    }

    @Transactional
    ObjectNode create(Caller caller, CloudServiceRequests.CloudServiceCreate request) {
        if (request.projectId() != null) {
            caller.requireProject(request.projectId());
        }
        ObjectNode document = json.valueToTree(request);
        document.put("state", "ACTIVE");
        for (String key : List.of("data", "metadata", "reference", "tags")) {
            if (!document.path(key).isObject()) {
                document.set(key, NODES.objectNode());
            }
        }
        if (!document.path("ip_addresses").isArray()) {
            document.set("ip_addresses", NODES.arrayNode());
        }
        document.set("custom_tags", NODES.objectNode());
        ObjectNode created = store.create(InventoryKinds.CLOUD_SERVICE, StoreScope.of(caller, InventoryKinds.CLOUD_SERVICE), document);
        recorder.record(caller.domainId(), ChangeRecorder.Actor.user(caller.userId()),
                List.of(new ChangeRecorder.Change(created.get("cloud_service_id").asString(), "CREATE", null)), Instant.now());
        return created;
    }

    @Transactional
    ObjectNode update(Caller caller, CloudServiceRequests.CloudServiceUpdate request) {
        ObjectNode before = get(caller, new CloudServiceRequests.CloudServiceId(request.cloudServiceId()));
        ObjectNode changes = NODES.objectNode();
        if (request.name() != null) {
            changes.put("name", request.name().strip());
        }
        if (request.projectId() != null) {
            caller.requireProject(request.projectId());
            changes.put("project_id", request.projectId());
        }
        boolean collected = before.path("collection_info").hasNonNull("collector_id");
        if (request.tags() != null) {
            if (collected) {
                throw ApiException.invalidParameter("tags", "the provider's tags of a collected cloud service are managed by its"
                        + " collector; set custom_tags instead");
            }
            changes.set("tags", request.tags());
        }
        if (request.data() != null) {
            if (collected) {
                throw ApiException.invalidParameter("data", "the data of a collected cloud service is managed by its collector");
            }
            changes.set("data", request.data());
        }
        if (request.customTags() != null) {
            changes.set("custom_tags", request.customTags());
        }
        ObjectNode after = store.update(InventoryKinds.CLOUD_SERVICE, StoreScope.of(caller, InventoryKinds.CLOUD_SERVICE),
                request.cloudServiceId(), changes);
        ObjectNode comparableBefore = before.deepCopy();
        ObjectNode comparableAfter = after.deepCopy();
        comparableBefore.remove("updated_at");
        comparableAfter.remove("updated_at");
        recorder.record(caller.domainId(), ChangeRecorder.Actor.user(caller.userId()), List.of(new ChangeRecorder.Change(
                request.cloudServiceId(), "UPDATE", ChangeDiff.between(comparableBefore, comparableAfter))), Instant.now());
        return after;
    }

    /** Marks a cloud service DELETED; its history stays. */
    @Transactional
    ObjectNode delete(Caller caller, CloudServiceRequests.CloudServiceId request) {
        get(caller, request);
        store.update(InventoryKinds.CLOUD_SERVICE, StoreScope.of(caller, InventoryKinds.CLOUD_SERVICE), request.cloudServiceId(),
                NODES.objectNode().put("state", "DELETED"));
        recorder.record(caller.domainId(), ChangeRecorder.Actor.user(caller.userId()), List.of(new ChangeRecorder.Change(
                request.cloudServiceId(), "DELETE", NODES.arrayNode().add(NODES.objectNode().put("key", "state")
                        .put("type", "CHANGED").put("after", "DELETED")))), Instant.now());
        return NODES.objectNode();
    }

    ObjectNode get(Caller caller, CloudServiceRequests.CloudServiceId request) {
        return store.get(InventoryKinds.CLOUD_SERVICE, StoreScope.of(caller, InventoryKinds.CLOUD_SERVICE), request.cloudServiceId())
                .orElseThrow(() -> ApiException.notFound("cloud_service_id", request.cloudServiceId()));
    }

    ListResult list(Caller caller, CloudServiceRequests.CloudServiceList request) {
        return store.list(InventoryKinds.CLOUD_SERVICE, StoreScope.of(caller, InventoryKinds.CLOUD_SERVICE),
                request.query() != null ? request.query() : Query.ALL);
    }

    StatResult stat(Caller caller, CloudServiceRequests.CloudServiceStat request) {
        return store.stat(InventoryKinds.CLOUD_SERVICE, StoreScope.of(caller, InventoryKinds.CLOUD_SERVICE), request.query());
    }

    AnalyzeResult analyze(Caller caller, CloudServiceRequests.CloudServiceAnalyze request) {
        return store.analyze(InventoryKinds.CLOUD_SERVICE, StoreScope.of(caller, InventoryKinds.CLOUD_SERVICE), request.query());
    }

    ObjectNode server(Caller caller, CloudServiceRequests.ServerId request) {
        return store.get(InventoryKinds.SERVER, StoreScope.of(caller, InventoryKinds.SERVER), request.serverId())
                .orElseThrow(() -> ApiException.notFound("server_id", request.serverId()));
    }

    ListResult servers(Caller caller, CloudServiceRequests.CloudServiceList request) {
        return store.list(InventoryKinds.SERVER, StoreScope.of(caller, InventoryKinds.SERVER),
                request.query() != null ? request.query() : Query.ALL);
    }

    StatResult serverStat(Caller caller, CloudServiceRequests.CloudServiceStat request) {
        return store.stat(InventoryKinds.SERVER, StoreScope.of(caller, InventoryKinds.SERVER), request.query());
    }

    AnalyzeResult serverAnalyze(Caller caller, CloudServiceRequests.CloudServiceAnalyze request) {
        return store.analyze(InventoryKinds.SERVER, StoreScope.of(caller, InventoryKinds.SERVER), request.query());
    }

    /** The change records of a cloud service the caller reaches. */
    ListResult history(Caller caller, CloudServiceRequests.ChangeHistoryList request) {
        StoreScope scope = StoreScope.domain(caller.domainId());
        if (request.cloudServiceId() != null) {
            get(caller, new CloudServiceRequests.CloudServiceId(request.cloudServiceId()));
            scope = scope.where("cloud_service_id", request.cloudServiceId());
        } else {
            caller.requireWholeDomain();
        }
        return store.list(InventoryKinds.RECORD, scope, request.query() != null ? request.query() : Query.ALL);
    }

    ObjectNode record(Caller caller, CloudServiceRequests.RecordId request) {
        ObjectNode record = store.get(InventoryKinds.RECORD, StoreScope.domain(caller.domainId()), request.recordId())
                .orElseThrow(() -> ApiException.notFound("record_id", request.recordId()));
        reachable(caller, record.path("cloud_service_id").asString(), "record_id", request.recordId());
        return record;
    }

    @Transactional
    ObjectNode createNote(Caller caller, CloudServiceRequests.NoteCreate request) {
        ObjectNode record = record(caller, new CloudServiceRequests.RecordId(request.recordId()));
        ObjectNode note = NODES.objectNode().put("record_id", request.recordId())
                .put("cloud_service_id", record.path("cloud_service_id").asString())
                .put("note", request.note()).put("created_by", caller.userId());
        return store.create(InventoryKinds.NOTE, StoreScope.domain(caller.domainId()), note);
    }

    @Transactional
    ObjectNode updateNote(Caller caller, CloudServiceRequests.NoteUpdate request) {
        getNote(caller, new CloudServiceRequests.NoteId(request.noteId()));
        return store.update(InventoryKinds.NOTE, StoreScope.domain(caller.domainId()), request.noteId(),
                NODES.objectNode().put("note", request.note()));
    }

    @Transactional
    ObjectNode deleteNote(Caller caller, CloudServiceRequests.NoteId request) {
        getNote(caller, request);
        store.delete(InventoryKinds.NOTE, StoreScope.domain(caller.domainId()), request.noteId());
        return NODES.objectNode();
    }

    ObjectNode getNote(Caller caller, CloudServiceRequests.NoteId request) {
        ObjectNode note = store.get(InventoryKinds.NOTE, StoreScope.domain(caller.domainId()), request.noteId())
                .orElseThrow(() -> ApiException.notFound("note_id", request.noteId()));
        reachable(caller, note.path("cloud_service_id").asString(), "note_id", request.noteId());
        return note;
    }

    ListResult listNotes(Caller caller, CloudServiceRequests.NoteList request) {
        StoreScope scope = StoreScope.domain(caller.domainId());
        if (request.recordId() != null) {
            reachable(caller, record(caller, new CloudServiceRequests.RecordId(request.recordId())).path("cloud_service_id").asString(),
                    "record_id", request.recordId());
            scope = scope.where("record_id", request.recordId());
        } else if (request.cloudServiceId() != null) {
            get(caller, new CloudServiceRequests.CloudServiceId(request.cloudServiceId()));
            scope = scope.where("cloud_service_id", request.cloudServiceId());
        } else {
            caller.requireWholeDomain();
        }
        return store.list(InventoryKinds.NOTE, scope, request.query() != null ? request.query() : Query.ALL);
    }

    /** History and notes are as visible as their cloud service: not found otherwise. */
    private void reachable(Caller caller, String cloudServiceId, String key, String value) {
        if (store.get(InventoryKinds.CLOUD_SERVICE, StoreScope.of(caller, InventoryKinds.CLOUD_SERVICE), cloudServiceId).isEmpty()) {
            throw ApiException.notFound(key, value);
        }
    }
}
