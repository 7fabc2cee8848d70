package dev.canopy.plugin.api.monitoring;

import java.time.Instant;
import java.util.Map;

/** A log search; {@code limit} caps the entries, null for the plugin's default. */
public record LogRequest(
        Map<String, Object> options,
        Map<String, Object> secretData,
        Map<String, Object> query,
        String keyword,
        Instant start,
        Instant end,
        String sortKey,
        boolean descending,
        Integer limit) {

    public LogRequest {
        options = options == null ? Map.of() : options;
        secretData = secretData == null ? Map.of() : secretData;
        query = query == null ? Map.of() : query;
    }
}
