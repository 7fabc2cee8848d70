package dev.canopy.server.inventory.catalog;

import java.util.List;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code inventory.CloudServiceType} and {@code inventory.Region}. */
final class CatalogRequests {

    private CatalogRequests() {
    }

    /** A kind of cloud service; {@code metadata} holds its view layouts (table fields, search keys, detail tabs). */
    record CloudServiceTypeCreate(@NotBlank @Size(max = 255) String name, @NotBlank @Size(max = 255) String group,
                                  @NotBlank @Size(max = 64) String provider, @Size(max = 255) String serviceCode,
                                  Boolean isPrimary, Boolean isMajor, @Size(max = 64) String resourceType,
                                  ObjectNode metadata, @Size(max = 50) List<String> labels, ObjectNode tags) {
    }

    record CloudServiceTypeUpdate(@NotBlank @Size(max = 64) String cloudServiceTypeId, @Size(max = 255) String serviceCode,
                                  Boolean isPrimary, Boolean isMajor, ObjectNode metadata, @Size(max = 50) List<String> labels,
                                  ObjectNode tags) {
    }

    record CloudServiceTypeId(@NotBlank @Size(max = 64) String cloudServiceTypeId) {
    }

    record RegionCreate(@NotBlank @Size(max = 255) String name, @NotBlank @Size(max = 64) String regionCode,
                        @NotBlank @Size(max = 64) String provider, ObjectNode tags) {
    }

    record RegionUpdate(@NotBlank @Size(max = 64) String regionId, @Size(max = 255) String name, ObjectNode tags) {
    }

    record RegionId(@NotBlank @Size(max = 64) String regionId) {
    }

    record CatalogList(Query query) {
    }

    record CatalogStat(@NotNull StatisticsQuery query) {
    }
}
