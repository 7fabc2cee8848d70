package dev.canopy.plugin.api.collector;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item of a collection stream, as Cloudforet's {@code ResourceInfo}.
 *
 * @param resourceType {@code inventory.CloudService}, {@code inventory.CloudServiceType},
 *                     {@code inventory.Region} or {@code inventory.ErrorResource}
 * @param matchRules   priority-ordered key sets that identify the item among existing ones, e.g.
 *                     {@code [[reference.resource_id], [name, region_code]]}
 * @param resource     the item itself (name, provider, cloud_service_group, data, tags, ...)
 * @param message      why a {@link State#FAILURE} item failed
 */
public record CollectedResource(
        State state,
        String resourceType,
        List<List<String>> matchRules,
        Map<String, Object> resource,
        String message) {

    public enum State { SUCCESS, FAILURE }

    public CollectedResource {
        Objects.requireNonNull(state, "state");
        matchRules = matchRules == null ? List.of() : matchRules;
        resource = resource == null ? Map.of() : resource;
        message = message == null ? "" : message;
    }

    public static CollectedResource success(String resourceType, List<List<String>> matchRules, Map<String, Object> resource) {
        return new CollectedResource(State.SUCCESS, resourceType, matchRules, resource, "");
    }

    public static CollectedResource failure(String resourceType, String message, Map<String, Object> resource) {
        return new CollectedResource(State.FAILURE, resourceType, List.of(), resource, message);
    }
}
