package dev.canopy.server.inventory.cloudservice;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.ChangeHistoryList;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.CloudServiceAnalyze;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.CloudServiceCreate;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.CloudServiceId;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.CloudServiceList;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.CloudServiceStat;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.CloudServiceUpdate;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.NoteCreate;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.NoteId;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.NoteList;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.NoteUpdate;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.RecordId;
import dev.canopy.server.inventory.cloudservice.CloudServiceRequests.ServerId;
import dev.canopy.server.store.AnalyzeResult;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The verbs of {@code inventory.CloudService}, its {@code ChangeHistory} and the {@code Note}s on it. */
@Component
class CloudServiceVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    CloudServiceVerbs(CloudServiceService services) {
        verbs = List.of(
                Verb.of("inventory", "CloudService", "create", "Enters a cloud service by hand",
                        CloudServiceCreate.class, ObjectNode.class, services::create),
                Verb.of("inventory", "CloudService", "update", "Changes a cloud service's name, project or custom tags",
                        CloudServiceUpdate.class, ObjectNode.class, services::update),
                Verb.of("inventory", "CloudService", "delete", "Marks a cloud service DELETED; its history stays",
                        CloudServiceId.class, ObjectNode.class, services::delete),
                Verb.of("inventory", "CloudService", "get", "Reads a cloud service",
                        CloudServiceId.class, ObjectNode.class, services::get),
                Verb.of("inventory", "CloudService", "list", "Lists cloud services matching a query",
                        CloudServiceList.class, ListResult.class, services::list),
                Verb.of("inventory", "CloudService", "stat", "Computes statistics over cloud services",
                        CloudServiceStat.class, StatResult.class, services::stat),
                Verb.of("inventory", "CloudService", "analyze", "Groups cloud services by keys and periods",
                        CloudServiceAnalyze.class, AnalyzeResult.class, services::analyze),
                Verb.of("inventory", "Server", "get", "Reads a server: a cloud service that is a compute instance",
                        ServerId.class, ObjectNode.class, services::server),
                Verb.of("inventory", "Server", "list", "Lists servers: the cloud services whose type is labelled Server",
                        CloudServiceList.class, ListResult.class, services::servers),
                Verb.of("inventory", "Server", "stat", "Computes statistics over servers",
                        CloudServiceStat.class, StatResult.class, services::serverStat),
                Verb.of("inventory", "Server", "analyze", "Groups servers by keys and periods",
                        CloudServiceAnalyze.class, AnalyzeResult.class, services::serverAnalyze),
                Verb.of("inventory", "ChangeHistory", "list", "Lists the change records of a cloud service, newest first",
                        ChangeHistoryList.class, ListResult.class, services::history),
                Verb.of("inventory", "ChangeHistory", "get", "Reads a change record: who changed which keys, before and after",
                        RecordId.class, ObjectNode.class, services::record),
                Verb.of("inventory", "Note", "create", "Adds a note to a change record",
                        NoteCreate.class, ObjectNode.class, services::createNote),
                Verb.of("inventory", "Note", "update", "Changes a note",
                        NoteUpdate.class, ObjectNode.class, services::updateNote),
                Verb.of("inventory", "Note", "delete", "Deletes a note",
                        NoteId.class, ObjectNode.class, services::deleteNote),
                Verb.of("inventory", "Note", "get", "Reads a note",
                        NoteId.class, ObjectNode.class, services::getNote),
                Verb.of("inventory", "Note", "list", "Lists the notes of a change record or of a cloud service",
                        NoteList.class, ListResult.class, services::listNotes));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
