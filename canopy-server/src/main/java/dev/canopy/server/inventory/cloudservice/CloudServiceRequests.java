package dev.canopy.server.inventory.cloudservice;

import java.util.List;

import dev.canopy.query.AnalyzeQuery;
import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code inventory.CloudService}, {@code inventory.ChangeHistory} and {@code inventory.Note}. */
final class CloudServiceRequests {

    private CloudServiceRequests() {
    }

    /** {@code create}: a cloud service entered by hand (collectors create theirs themselves). */
    record CloudServiceCreate(@Size(max = 255) String name, @NotBlank @Size(max = 64) String provider,
                              @NotBlank @Size(max = 255) String cloudServiceGroup, @NotBlank @Size(max = 255) String cloudServiceType,
                              @Size(max = 255) String account, @Size(max = 64) String regionCode, @Size(max = 64) String projectId,
                              @Size(max = 255) String instanceType, Double instanceSize, @Size(max = 100) List<String> ipAddresses,
                              ObjectNode data, ObjectNode metadata, ObjectNode reference, ObjectNode tags) {
    }

    /**
     * {@code update}: {@code tags} are the provider's and only change on cloud services no collector
     * keeps; {@code custom_tags} are the users' own and collectors leave them alone.
     */
    record CloudServiceUpdate(@NotBlank @Size(max = 64) String cloudServiceId, @Size(max = 255) String name,
                              @Size(max = 64) String projectId, ObjectNode data, ObjectNode tags, ObjectNode customTags) {
    }

    record CloudServiceId(@NotBlank @Size(max = 64) String cloudServiceId) {
    }

    record CloudServiceList(Query query) {
    }

    record CloudServiceStat(@NotNull StatisticsQuery query) {
    }

    record CloudServiceAnalyze(@NotNull AnalyzeQuery query) {
    }

    record ServerId(@NotBlank @Size(max = 64) String serverId) {
    }

    /**
     * {@code inventory.ChangeHistory.list}: the records of one cloud service, newest first by default;
     * without {@code cloud_service_id}, those of the whole domain (for callers that reach it).
     */
    record ChangeHistoryList(@Size(max = 64) String cloudServiceId, Query query) {
    }

    record RecordId(@NotBlank @Size(max = 64) String recordId) {
    }

    record NoteCreate(@NotBlank @Size(max = 64) String recordId, @NotBlank @Size(max = 10000) String note) {
    }

    record NoteUpdate(@NotBlank @Size(max = 64) String noteId, @NotBlank @Size(max = 10000) String note) {
    }

    record NoteId(@NotBlank @Size(max = 64) String noteId) {
    }

    record NoteList(@Size(max = 64) String recordId, @Size(max = 64) String cloudServiceId, Query query) {
    }
}
