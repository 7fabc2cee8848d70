package dev.canopy.plugin.api.collector;

import java.util.Map;

/** One unit of collection work, e.g. one region; its options come back in {@link CollectRequest#taskOptions}. */
public record CollectTask(Map<String, Object> taskOptions) {

    public CollectTask {
        taskOptions = taskOptions == null ? Map.of() : taskOptions;
    }

    public static CollectTask whole() {
        return new CollectTask(Map.of());
    }
}
