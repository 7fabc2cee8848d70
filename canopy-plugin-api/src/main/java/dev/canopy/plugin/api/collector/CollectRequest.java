package dev.canopy.plugin.api.collector;

import java.util.Map;

/**
 * One collection call.
 *
 * @param filter      narrows what to collect, in the plugin's own terms
 * @param taskOptions the options of one task from {@link CollectorPlugin#tasks}; empty for the whole account
 */
public record CollectRequest(
        Map<String, Object> options,
        Map<String, Object> secretData,
        Map<String, Object> filter,
        Map<String, Object> taskOptions) {

    public CollectRequest {
        options = options == null ? Map.of() : options;
        secretData = secretData == null ? Map.of() : secretData;
        filter = filter == null ? Map.of() : filter;
        taskOptions = taskOptions == null ? Map.of() : taskOptions;
    }
}
