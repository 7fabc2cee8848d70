package dev.canopy.server.inventory.collector;

import java.util.List;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import dev.canopy.server.plugin.PluginInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code inventory.Collector}. */
final class CollectorRequests {

    private CollectorRequests() {
    }

    /** When a collector runs by itself: at these hours of the day (UTC), if ENABLED. */
    record Schedule(@NotNull State state, @Size(max = 24) List<@NotNull @Min(0) @Max(23) Integer> hours) {
    }

    enum State { ENABLED, DISABLED }

    /** Which service accounts a collector collects: the given ones, or all of its provider when none are given. */
    record SecretFilter(@Size(max = 1000) List<@NotBlank String> serviceAccounts) {
    }

    record CollectorCreate(@NotBlank @Size(max = 255) String name, @NotNull @Valid PluginInfo pluginInfo,
                           @Size(max = 64) String provider, @Valid Schedule schedule, @Valid SecretFilter secretFilter,
                           ObjectNode tags) {
    }

    record CollectorUpdate(@NotBlank @Size(max = 64) String collectorId, @Size(max = 255) String name,
                           @Valid Schedule schedule, @Valid SecretFilter secretFilter, ObjectNode tags) {
    }

    /** {@code update_plugin}: a new version, options or upgrade mode; {@code init} runs again. */
    record CollectorUpdatePlugin(@NotBlank @Size(max = 64) String collectorId, @Size(max = 64) String version,
                                 ObjectNode options, PluginInfo.UpgradeMode upgradeMode) {
    }

    record CollectorId(@NotBlank @Size(max = 64) String collectorId) {
    }

    /** {@code verify_plugin} and {@code collect}: one service account, or (collect only) all of them. */
    record CollectorAccount(@NotBlank @Size(max = 64) String collectorId, @Size(max = 64) String serviceAccountId) {
    }

    record CollectorList(Query query) {
    }

    record CollectorStat(@NotNull StatisticsQuery query) {
    }
}
