package dev.canopy.server.identity.apikey;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code identity.APIKey}. */
final class ApiKeyRequests {

    private ApiKeyRequests() {
    }

    /** {@code create}: a key for a user of the caller's domain. */
    record ApiKeyCreate(@NotBlank @Size(max = 255) String userId, ObjectNode tags) {
    }

    /** {@code get}, {@code delete}, {@code enable} and {@code disable}. */
    record ApiKeyId(@NotBlank @Size(max = 64) String apiKeyId) {
    }

    /** {@code list}. */
    record ApiKeyList(Query query) {
    }

    /** {@code stat}. */
    record ApiKeyStat(@NotNull StatisticsQuery query) {
    }
}
