package dev.canopy.plugins.kubernetes;

import dev.canopy.plugin.api.PluginException;

import java.util.List;
import java.util.Map;

/**
 * The collector's options.
 *
 * @param clusterName the cluster's name when the credentials do not give one, or null
 * @param pageSize    objects per list call ({@code limit}); the next page is asked for with {@code continue}
 */
record KubernetesCollectorOptions(String clusterName, long pageSize) {

    static final long DEFAULT_PAGE_SIZE = 500;
    static final long MAX_PAGE_SIZE = 5_000;

    /** Reads the options; anything malformed is the caller's mistake: {@code REJECTED}. */
    static KubernetesCollectorOptions parse(Map<String, Object> options) {
        Object clusterName = options.get("cluster_name");
        if (clusterName != null && (!(clusterName instanceof String name) || name.isBlank())) {
            throw PluginException.rejected("cluster_name must be a non-blank string");
        }
        long pageSize = DEFAULT_PAGE_SIZE;
        Object given = options.get("page_size");
        if (given != null) {
            if (!(given instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                    || number.longValue() < 1 || number.longValue() > MAX_PAGE_SIZE) {
                throw PluginException.rejected("page_size must be a whole number from 1 to " + MAX_PAGE_SIZE);
            }
            pageSize = number.longValue();
        }
        return new KubernetesCollectorOptions((String) clusterName, pageSize);
    }

    /** The JSON Schema of the options, for {@code init}. */
    static Map<String, Object> schema() {
        return Map.of("type", "object", "properties", Map.of(
                "cluster_name", Map.of("type", "string", "title", "Cluster name", "minLength", 1L,
                        "description", "The account and region of every item, when the credentials do not name the cluster"),
                "page_size", Map.of("type", "integer", "title", "Objects per list call", "minimum", 1L,
                        "maximum", MAX_PAGE_SIZE, "default", DEFAULT_PAGE_SIZE)),
                "required", List.of());
    }
}
