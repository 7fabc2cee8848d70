package dev.canopy.plugin.grpc.collector;

import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.grpc.JsonBytes;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.proto.CollectTasksResponse;
import dev.canopy.plugin.proto.MatchRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collector records to messages and back; decoding rejects what breaks the contract. Resources go out as
 * JSON bytes ({@link JsonBytes}); a Struct from another plugin is read too.
 */
final class CollectorMessages {

    private CollectorMessages() {
    }

    static dev.canopy.plugin.proto.CollectRequest encodeRequest(CollectRequest request) {
        return dev.canopy.plugin.proto.CollectRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(request.options()))
                .setSecretData(JsonStructs.toStruct(request.secretData()))
                .setFilter(JsonStructs.toStruct(request.filter()))
                .setTaskOptions(JsonStructs.toStruct(request.taskOptions()))
                .build();
    }

    static CollectRequest decodeRequest(dev.canopy.plugin.proto.CollectRequest request) {
        return new CollectRequest(JsonStructs.toMap(request.getOptions()), JsonStructs.toMap(request.getSecretData()),
                JsonStructs.toMap(request.getFilter()), JsonStructs.toMap(request.getTaskOptions()));
    }

    static CollectTasksResponse encodeTasks(List<CollectTask> tasks) {
        CollectTasksResponse.Builder response = CollectTasksResponse.newBuilder();
        for (CollectTask task : tasks) {
            response.addTasksBuilder().setTaskOptions(JsonStructs.toStruct(task.taskOptions()));
        }
        return response.build();
    }

    static List<CollectTask> decodeTasks(CollectTasksResponse response) {
        List<CollectTask> tasks = new ArrayList<>(response.getTasksCount());
        for (dev.canopy.plugin.proto.CollectTask task : response.getTasksList()) {
            tasks.add(new CollectTask(JsonStructs.toMap(task.getTaskOptions())));
        }
        return tasks;
    }

    static dev.canopy.plugin.proto.CollectedResource encodeResource(CollectedResource resource) {
        dev.canopy.plugin.proto.CollectedResource.Builder message = dev.canopy.plugin.proto.CollectedResource.newBuilder()
                .setState(switch (resource.state()) {
                    case SUCCESS -> dev.canopy.plugin.proto.CollectedResource.State.SUCCESS;
                    case FAILURE -> dev.canopy.plugin.proto.CollectedResource.State.FAILURE;
                })
                .setResourceJson(JsonBytes.toBytes(resource.resource()))
                .setMessage(resource.message());
        if (resource.resourceType() != null) {
            message.setResourceType(resource.resourceType());
        }
        for (List<String> rule : resource.matchRules()) {
            message.addMatchRules(MatchRule.newBuilder().addAllKeys(rule));
        }
        return message.build();
    }

    static List<CollectedResource> decodeBatch(dev.canopy.plugin.proto.CollectResponse response) {
        List<CollectedResource> resources = new ArrayList<>(response.getResourcesCount());
        for (dev.canopy.plugin.proto.CollectedResource resource : response.getResourcesList()) {
            resources.add(decodeResource(resource));
        }
        return resources;
    }

    private static CollectedResource decodeResource(dev.canopy.plugin.proto.CollectedResource resource) {
        CollectedResource.State state = switch (resource.getState()) {
            case SUCCESS -> CollectedResource.State.SUCCESS;
            case FAILURE -> CollectedResource.State.FAILURE;
            case STATE_UNSPECIFIED, UNRECOGNIZED ->
                    throw new IllegalArgumentException("collected item with no known state: " + resource.getStateValue());
        };
        String resourceType = resource.getResourceType().isEmpty() ? null : resource.getResourceType();
        if (state == CollectedResource.State.SUCCESS && resourceType == null) {
            throw new IllegalArgumentException("collected SUCCESS item without a resource_type");
        }
        List<List<String>> matchRules = new ArrayList<>(resource.getMatchRulesCount());
        for (MatchRule rule : resource.getMatchRulesList()) {
            matchRules.add(List.copyOf(rule.getKeysList()));
        }
        Map<String, Object> payload = switch (resource.getPayloadCase()) {
            case RESOURCE_JSON -> JsonBytes.toMap(resource.getResourceJson());
            case RESOURCE -> JsonStructs.toMap(resource.getResource());
            case PAYLOAD_NOT_SET -> new LinkedHashMap<>();
        };
        return new CollectedResource(state, resourceType, matchRules, payload, resource.getMessage());
    }
}
