package dev.canopy.plugin.api.cost;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A synchronisation plan.
 *
 * @param tasks   the options of each task, passed back to {@link CostDataSourcePlugin#costData}
 * @param changed the periods whose stored rows the new rows replace
 */
public record CostTasks(List<Map<String, Object>> tasks, List<Changed> changed) {

    public CostTasks {
        tasks = tasks == null ? List.of() : tasks;
        changed = changed == null ? List.of() : changed;
    }

    /** A replaced period; {@code end} null means up to now, {@code filter} narrows it (e.g. one account). */
    public record Changed(LocalDate start, LocalDate end, Map<String, Object> filter) {

        public Changed {
            filter = filter == null ? Map.of() : filter;
        }
    }
}
