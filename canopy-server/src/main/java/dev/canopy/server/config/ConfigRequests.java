package dev.canopy.server.config;

import dev.canopy.query.AnalyzeQuery;
import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of the config verbs; the same for domain and user configs. */
final class ConfigRequests {

    static final int MAX_NAME_LENGTH = 255;

    private ConfigRequests() {
    }

    /** {@code create} and {@code set}: a whole config. */
    record Write(@NotBlank @Size(max = MAX_NAME_LENGTH) String name, @NotNull ObjectNode data, ObjectNode tags) {
    }

    /** {@code update}: the parts to change; absent parts stay as they are. */
    record Update(@NotBlank @Size(max = MAX_NAME_LENGTH) String name, ObjectNode data, ObjectNode tags) {
    }

    /** {@code get} and {@code delete}. */
    record Name(@NotBlank @Size(max = MAX_NAME_LENGTH) String name) {
    }

    /** {@code list}: a query, and a name as a shortcut for a filter on it. */
    record List(Query query, @Size(max = MAX_NAME_LENGTH) String name) {
    }

    /** {@code stat}. */
    record Stat(@NotNull StatisticsQuery query) {
    }

    /** {@code analyze}. */
    record Analyze(@NotNull AnalyzeQuery query) {
    }
}
