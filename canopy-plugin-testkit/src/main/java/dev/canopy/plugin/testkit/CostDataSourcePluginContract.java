package dev.canopy.plugin.testkit;

import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.cost.CostDataSourcePlugin;
import dev.canopy.plugin.api.cost.CostRow;
import dev.canopy.plugin.api.cost.CostTaskRequest;
import dev.canopy.plugin.api.cost.CostTasks;
import dev.canopy.plugin.api.cost.LinkedAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.canopy.plugin.testkit.ContractAssertions.assertJsonObject;
import static dev.canopy.plugin.testkit.ContractAssertions.assertRejected;
import static dev.canopy.plugin.testkit.ContractAssertions.consume;
import static dev.canopy.plugin.testkit.ContractAssertions.takeOneAndClose;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a cost data source: {@code init} metadata is JSON, with a three-letter
 * {@code currency} and known {@code supported_secret_types} if it names them; {@code verify} passes
 * with good credentials and rejects bad ones; a synchronisation from {@link #start()} plans tasks
 * (JSON options) and changed periods (start before end); every row of every task has a finite cost and
 * a billed date not before the start month; linked accounts have unique ids; cost data is rejected with
 * bad credentials and stops cleanly when the caller closes the stream early.
 */
@Timeout(60)
public abstract class CostDataSourcePluginContract {

    public static final Set<String> SECRET_TYPES = Set.of("MANUAL", "USE_SERVICE_ACCOUNT_SECRET");

    protected abstract CostDataSourcePlugin plugin();

    protected abstract Map<String, Object> options();

    protected abstract Map<String, Object> secretData();

    protected abstract Map<String, Object> badSecretData();

    /** The first month synchronised: the previous one by default. */
    protected YearMonth start() {
        return YearMonth.now().minusMonths(1);
    }

    protected int rowLimit() {
        return 100_000;
    }

    @Test
    @SuppressWarnings("unchecked")
    void initAnswersJsonMetadata() {
        PluginMetadata metadata = plugin().init(options());
        assertJsonObject("init metadata", metadata.values());
        Object currency = metadata.values().get("currency");
        if (currency != null) {
            assertThat(currency).asString().matches("[A-Z]{3}");
        }
        Object secretTypes = metadata.values().get("supported_secret_types");
        if (secretTypes != null) {
            assertThat((List<Object>) secretTypes).allSatisfy(type -> assertThat(SECRET_TYPES).contains((String) type));
        }
    }

    @Test
    void verifyPassesWithGoodCredentials() {
        plugin().verify(options(), secretData());
    }

    @Test
    void verifyRejectsBadCredentials() {
        assertRejected("verify with bad secret data", () -> plugin().verify(options(), badSecretData()));
    }

    @Test
    void tasksAndChangedPeriodsAreWellFormed() {
        CostTasks tasks = plugin().tasks(taskRequest());
        assertThat(tasks.tasks()).isNotEmpty();
        tasks.tasks().forEach(task -> assertJsonObject("task options", task));
        for (CostTasks.Changed changed : tasks.changed()) {
            assertThat(changed.start()).as("changed period start").isNotNull();
            if (changed.end() != null) {
                assertThat(changed.end()).as("changed period end").isAfterOrEqualTo(changed.start());
            }
            assertJsonObject("changed period filter", changed.filter());
        }
    }

    @Test
    void everyRowHasAFiniteCostAndABilledDateFromTheStart() {
        CostDataSourcePlugin plugin = plugin();
        List<CostRow> rows = new ArrayList<>();
        for (Map<String, Object> task : plugin.tasks(taskRequest()).tasks()) {
            rows.addAll(consume("cost data of task " + task, plugin.costData(options(), secretData(), task), rowLimit()));
        }
        assertThat(rows).isNotEmpty();
        for (CostRow row : rows) {
            String where = "row " + row.billedDate() + " " + row.product();
            assertThat(Double.isFinite(row.cost())).as(where + " cost " + row.cost()).isTrue();
            assertThat(row.billedDate()).as(where + " billed date").isAfterOrEqualTo(start().atDay(1));
            if (row.usageQuantity() != null) {
                assertThat(Double.isFinite(row.usageQuantity())).as(where + " usage quantity").isTrue();
            }
            row.tags().forEach((key, value) -> assertThat(value).as(where + " tag " + key).isNotNull());
            assertJsonObject(where + " additional_info", row.additionalInfo());
            assertJsonObject(where + " data", row.data());
        }
    }

    @Test
    void linkedAccountsHaveUniqueIds() {
        List<LinkedAccount> accounts = plugin().linkedAccounts(options(), secretData());
        assertThat(accounts).extracting(LinkedAccount::accountId)
                .doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank());
    }

    @Test
    void costDataRejectsBadCredentials() {
        Map<String, Object> task = plugin().tasks(taskRequest()).tasks().get(0);
        assertRejected("cost data with bad secret data",
                () -> consume("cost data", plugin().costData(options(), badSecretData(), task), rowLimit()));
    }

    @Test
    void closingTheStreamEarlyStopsIt() {
        CostDataSourcePlugin plugin = plugin();
        Map<String, Object> task = plugin.tasks(taskRequest()).tasks().get(0);
        takeOneAndClose(plugin.costData(options(), secretData(), task));
        assertThat(consume("cost data after an early close", plugin.costData(options(), secretData(), task), rowLimit()))
                .isNotEmpty();
    }

    private CostTaskRequest taskRequest() {
        return new CostTaskRequest(options(), secretData(), start(), null, List.of());
    }
}
