package dev.canopy.server.repository;

import java.util.List;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code repository.Plugin}. */
final class PluginRequests {

    private PluginRequests() {
    }

    /**
     * {@code register}: a remote endpoint or a managed artifact, with its versions; the caller chooses
     * the plugin id.
     */
    record PluginRegister(@NotBlank @Size(max = 64) String pluginId, @NotBlank @Size(max = 255) String name,
                          @NotBlank String serviceType, @NotNull RegistryType registryType,
                          @NotEmpty @Size(max = 100) List<PluginVersion> versions,
                          @Size(max = 64) String provider, ObjectNode capability,
                          @Size(max = 50) List<@Size(max = 64) String> labels, ObjectNode tags) {
    }

    /** {@code update}: what to change; {@code versions} replaces the list when given. */
    record PluginUpdate(@NotBlank @Size(max = 64) String pluginId, @Size(max = 255) String name,
                        @Size(max = 100) List<PluginVersion> versions, @Size(max = 64) String provider,
                        ObjectNode capability, @Size(max = 50) List<@Size(max = 64) String> labels, ObjectNode tags) {
    }

    /** {@code get}, {@code deregister}, {@code enable}, {@code disable} and {@code get_versions}. */
    record PluginId(@NotBlank @Size(max = 64) String pluginId) {
    }

    record PluginList(Query query) {
    }

    record PluginStat(@NotNull StatisticsQuery query) {
    }

    /** {@code get_versions}: newest first, as AUTO upgrade reads them. */
    record PluginVersions(List<String> results, long totalCount) {
    }
}
