package dev.canopy.plugin.grpc.cost;

import dev.canopy.plugin.api.cost.CostDataSourcePlugin;
import dev.canopy.plugin.testkit.CostDataSourcePluginContract;

import java.util.Map;

/** The cost data source contract, in process. */
class SampleCostDataSourcePluginTest extends CostDataSourcePluginContract {

    @Override
    protected CostDataSourcePlugin plugin() {
        return new SampleCostDataSourcePlugin();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of();
    }

    @Override
    protected Map<String, Object> secretData() {
        return Map.of("token", "sample-token");
    }

    @Override
    protected Map<String, Object> badSecretData() {
        return Map.of("token", "");
    }
}
