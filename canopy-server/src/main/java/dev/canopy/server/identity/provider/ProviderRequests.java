package dev.canopy.server.identity.provider;

import java.util.List;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code identity.Provider} and {@code identity.Schema}. */
final class ProviderRequests {

    static final String PROVIDER_KEY = "[a-z][a-z0-9_]{1,39}";
    static final String SCHEMA_ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,99}";
    static final String SCHEMA_TYPES = "SERVICE_ACCOUNT|SECRET|TRUSTED_ACCOUNT|TRUSTED_SECRET";
    static final String COLOR = "#[0-9A-Fa-f]{6}";
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_ORDER = 1_000_000;

    private ProviderRequests() {
    }

    // Providers

    /** {@code provider} is the key the provider is known by: lower case, digits and {@code _}. */
    record ProviderCreate(@NotBlank @Pattern(regexp = PROVIDER_KEY) String provider,
                          @NotBlank @Size(max = MAX_NAME_LENGTH) String name, @Size(max = MAX_NAME_LENGTH) String alias,
                          @Pattern(regexp = COLOR) String color, @Size(max = 2048) String icon,
                          @Min(0) @Max(MAX_ORDER) Integer order, ObjectNode reference, ObjectNode options, ObjectNode tags) {
    }

    /** Absent parts stay as they are. */
    record ProviderUpdate(@NotBlank @Size(max = 64) String provider, @Size(min = 1, max = MAX_NAME_LENGTH) String name,
                          @Size(max = MAX_NAME_LENGTH) String alias, @Pattern(regexp = COLOR) String color,
                          @Size(max = 2048) String icon, @Min(0) @Max(MAX_ORDER) Integer order, ObjectNode reference,
                          ObjectNode options, ObjectNode tags) {
    }

    record ProviderKey(@NotBlank @Size(max = 64) String provider) {
    }

    /** {@code list}: a query over managed and custom providers alike. */
    record ProviderList(Query query) {
    }

    record ProviderStat(@NotNull StatisticsQuery query) {
    }

    // Schemas

    /** {@code schema} is a JSON Schema document, itself checked; {@code schema_id} is its key. */
    record SchemaCreate(@NotBlank @Pattern(regexp = SCHEMA_ID) String schemaId,
                        @NotBlank @Size(max = MAX_NAME_LENGTH) String name,
                        @NotBlank @Pattern(regexp = SCHEMA_TYPES) String schemaType,
                        @NotBlank @Size(max = 64) String provider, @NotNull ObjectNode schema,
                        @Size(max = 50) List<@NotBlank @Size(max = 100) String> relatedSchemas,
                        ObjectNode options, ObjectNode tags) {
    }

    /** Absent parts stay as they are; a schema's type and provider never change, since data depends on them. */
    record SchemaUpdate(@NotBlank @Size(max = 100) String schemaId, @Size(min = 1, max = MAX_NAME_LENGTH) String name,
                        ObjectNode schema, @Size(max = 50) List<@NotBlank @Size(max = 100) String> relatedSchemas,
                        ObjectNode options, ObjectNode tags) {
    }

    record SchemaKey(@NotBlank @Size(max = 100) String schemaId) {
    }

    /** {@code list}: a query over managed and custom schemas alike, with shortcuts for two filters. */
    record SchemaList(Query query, @Size(max = 64) String provider, @Pattern(regexp = SCHEMA_TYPES) String schemaType) {
    }

    record SchemaStat(@NotNull StatisticsQuery query) {
    }
}
