package dev.canopy.plugin.api.cost;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * @param start                first month to synchronise
 * @param lastSynchronizedAt   when the previous synchronisation ended, or null for the first
 */
public record CostTaskRequest(
        Map<String, Object> options,
        Map<String, Object> secretData,
        YearMonth start,
        Instant lastSynchronizedAt,
        List<String> linkedAccounts) {

    public CostTaskRequest {
        options = options == null ? Map.of() : options;
        secretData = secretData == null ? Map.of() : secretData;
        linkedAccounts = linkedAccounts == null ? List.of() : linkedAccounts;
    }
}
