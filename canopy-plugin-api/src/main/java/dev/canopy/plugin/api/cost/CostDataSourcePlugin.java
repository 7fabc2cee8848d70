package dev.canopy.plugin.api.cost;

import dev.canopy.plugin.api.Plugin;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Cost data source: reads billing data of a cloud account, month by month. */
public interface CostDataSourcePlugin extends Plugin {

    /** Plans a synchronisation: the tasks to run and the periods whose stored rows they replace. */
    CostTasks tasks(CostTaskRequest request);

    /** The accounts billed under these credentials, e.g. the members of an AWS organisation. */
    default List<LinkedAccount> linkedAccounts(Map<String, Object> options, Map<String, Object> secretData) {
        return List.of();
    }

    /** Streams the cost rows of one task. */
    Stream<CostRow> costData(Map<String, Object> options, Map<String, Object> secretData, Map<String, Object> taskOptions);
}
