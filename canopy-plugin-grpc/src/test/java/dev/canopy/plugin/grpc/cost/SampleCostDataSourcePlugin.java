package dev.canopy.plugin.grpc.cost;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.cost.CostDataSourcePlugin;
import dev.canopy.plugin.api.cost.CostRow;
import dev.canopy.plugin.api.cost.CostTaskRequest;
import dev.canopy.plugin.api.cost.CostTasks;
import dev.canopy.plugin.api.cost.LinkedAccount;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** A cost source for the contract tests: one task per month from the start, a row per day and product. */
public final class SampleCostDataSourcePlugin implements CostDataSourcePlugin {

    public static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("plugin-sample-cost-datasource",
            "Sample cost", "1.0.0", PluginKind.COST_DATA_SOURCE, "sample", Map.of(), List.of(), Map.of());

    @Override
    public PluginMetadata init(Map<String, Object> options) {
        return PluginMetadata.of(Map.of("currency", "USD", "supported_secret_types", List.of("MANUAL"),
                "data_source_rules", List.of()));
    }

    @Override
    public void verify(Map<String, Object> options, Map<String, Object> secretData) {
        requireToken(secretData);
    }

    @Override
    public CostTasks tasks(CostTaskRequest request) {
        requireToken(request.secretData());
        YearMonth start = request.start() == null ? YearMonth.of(2024, 1) : request.start();
        List<Map<String, Object>> tasks = List.of(
                Map.of("month", start.toString()), Map.of("month", start.plusMonths(1).toString()));
        return new CostTasks(tasks, List.of(new CostTasks.Changed(start.atDay(1), null, Map.of())));
    }

    @Override
    public List<LinkedAccount> linkedAccounts(Map<String, Object> options, Map<String, Object> secretData) {
        requireToken(secretData);
        return List.of(new LinkedAccount("111111111111", "production"), new LinkedAccount("222222222222", null));
    }

    @Override
    public Stream<CostRow> costData(Map<String, Object> options, Map<String, Object> secretData, Map<String, Object> taskOptions) {
        requireToken(secretData);
        YearMonth month = YearMonth.parse((String) taskOptions.get("month"));
        return IntStream.rangeClosed(1, month.lengthOfMonth()).boxed().flatMap(day -> Stream.of("Compute", "Storage")
                .map(product -> row(month.atDay(day), product)));
    }

    private static CostRow row(LocalDate day, String product) {
        return new CostRow(day.getDayOfMonth() * 0.25, product.equals("Compute") ? 24.0 : null, "Hours", "sample",
                "region-a", product, "BoxUsage", "i-" + day.getDayOfMonth(), day, Map.of("team", "platform"),
                Map.of("account", "111111111111"), Map.of("line_items", 3L));
    }

    private static void requireToken(Map<String, Object> secretData) {
        if (!(secretData.get("token") instanceof String token) || token.isBlank()) {
            throw PluginException.rejected("secret data needs a token");
        }
    }
}
