package dev.canopy.plugins.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.canopy.plugins.kubernetes.TypeView.Field.text;

/**
 * Deployments: group {@code Workload}, type {@code Deployment}. {@code data.replicas} is the desired count
 * (1 when the spec leaves it out, as the API defaults it), {@code data.ready_replicas} the ready one;
 * {@code data.status} is Ready when every desired replica is ready, ScaledDown when none is desired,
 * NotReady otherwise.
 */
final class Deployments {

    static final ResourceKind<Deployment> KIND = new ResourceKind<>(
            "Deployment", "Workload", "apis/apps/v1", "deployments", true, false, List.of("Container", "Application Integration"),
            (client, page) -> client.apps().deployments().inAnyNamespace().list(page),
            Deployments::details,
            new TypeView(
                    List.of(text("data.namespace", "Namespace"), new TypeView.Field("data.status", "Status", "state"),
                            text("data.ready", "Ready"), text("data.updated_replicas", "Up-to-date"),
                            text("data.available_replicas", "Available"),
                            new TypeView.Field("data.container_images", "Images", "list"),
                            new TypeView.Field("launched_at", "Created", "datetime")),
                    List.of(text("name", "Name"), text("data.namespace", "Namespace"), text("data.status", "Status"),
                            text("data.container_images", "Image"), text("data.strategy", "Strategy")),
                    List.of(text("name", "Name"), text("data.uid", "UID"), text("data.namespace", "Namespace"),
                            text("data.status", "Status"), text("data.replicas", "Desired Replicas"),
                            text("data.ready_replicas", "Ready Replicas"), text("data.available_replicas", "Available Replicas"),
                            text("data.updated_replicas", "Updated Replicas"), text("data.strategy", "Strategy"),
                            text("data.selector", "Selector"), text("data.containers", "Containers"),
                            text("data.conditions", "Conditions"), text("data.labels", "Labels"))));

    private Deployments() {
    }

    private static ObjectDetails details(Deployment deployment) {
        DeploymentSpec spec = deployment.getSpec() == null ? new DeploymentSpec() : deployment.getSpec();
        DeploymentStatus status = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        PodSpec template = spec.getTemplate() == null || spec.getTemplate().getSpec() == null
                ? new PodSpec() : spec.getTemplate().getSpec();
        List<Container> containers = template.getContainers() == null ? List.of() : template.getContainers();
        long desired = spec.getReplicas() == null ? 1L : spec.getReplicas();
        long ready = JsonValues.wholeOrZero(status.getReadyReplicas());

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", deployment.getMetadata().getUid());
        data.put("namespace", deployment.getMetadata().getNamespace());
        data.put("labels", JsonValues.strings(deployment.getMetadata().getLabels()));
        data.put("status", desired == 0 ? "ScaledDown" : ready >= desired ? "Ready" : "NotReady");
        data.put("ready", ready + "/" + desired);
        data.put("replicas", desired);
        data.put("ready_replicas", ready);
        data.put("available_replicas", JsonValues.wholeOrZero(status.getAvailableReplicas()));
        data.put("updated_replicas", JsonValues.wholeOrZero(status.getUpdatedReplicas()));
        data.put("unavailable_replicas", JsonValues.wholeOrZero(status.getUnavailableReplicas()));
        data.put("strategy", spec.getStrategy() == null ? null : spec.getStrategy().getType());
        data.put("selector", JsonValues.strings(spec.getSelector() == null ? null : spec.getSelector().getMatchLabels()));
        data.put("container_images", containers.stream().map(container -> (Object) container.getImage()).toList());
        data.put("containers", containers.stream().map(Deployments::container).toList());
        data.put("conditions", JsonValues.each(status.getConditions(), Deployments::condition));
        data.put("generation", deployment.getMetadata().getGeneration());
        data.put("observed_generation", status.getObservedGeneration());
        return ObjectDetails.of(data);
    }

    private static Object container(Container container) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", container.getName());
        json.put("image", container.getImage());
        return json;
    }

    private static Object condition(DeploymentCondition condition) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", condition.getType());
        json.put("status", condition.getStatus());
        json.put("reason", condition.getReason());
        json.put("message", condition.getMessage());
        return json;
    }
}
