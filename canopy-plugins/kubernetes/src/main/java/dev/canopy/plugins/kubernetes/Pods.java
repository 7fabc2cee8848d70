package dev.canopy.plugins.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.canopy.plugins.kubernetes.TypeView.Field.text;

/**
 * Pods: group {@code Workload}, type {@code Pod}. {@code data.phase} is the pod's phase (Pending, Running,
 * Succeeded, Failed, Unknown); {@code ip_addresses} its pod IPs.
 */
final class Pods {

    static final ResourceKind<Pod> KIND = new ResourceKind<>(
            "Pod", "Workload", "api/v1", "pods", true, true, List.of("Container", "Compute"),
            (client, page) -> client.pods().inAnyNamespace().list(page),
            Pods::details,
            new TypeView(
                    List.of(text("data.namespace", "Namespace"), new TypeView.Field("data.phase", "Phase", "state"),
                            text("data.ready", "Ready"), text("data.restart_count", "Restarts"),
                            text("data.node_name", "Node"), text("data.pod_ip", "Pod IP"),
                            new TypeView.Field("data.container_images", "Images", "list"),
                            new TypeView.Field("launched_at", "Created", "datetime")),
                    List.of(text("name", "Name"), text("data.namespace", "Namespace"), text("data.phase", "Phase"),
                            text("data.node_name", "Node"), text("data.pod_ip", "Pod IP"),
                            text("data.container_images", "Image"), text("data.owner.name", "Owner")),
                    List.of(text("name", "Name"), text("data.uid", "UID"), text("data.namespace", "Namespace"),
                            text("data.phase", "Phase"), text("data.status_reason", "Reason"),
                            text("data.node_name", "Node"), text("data.pod_ip", "Pod IP"), text("data.host_ip", "Host IP"),
                            text("data.qos_class", "QoS Class"), text("data.service_account", "Service Account"),
                            text("data.owner.kind", "Owner Kind"), text("data.owner.name", "Owner"),
                            text("data.start_time", "Started"), text("data.containers", "Containers"),
                            text("data.labels", "Labels"))));

    private Pods() {
    }

    private static ObjectDetails details(Pod pod) {
        PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        List<ContainerStatus> statuses = status.getContainerStatuses() == null ? List.of() : status.getContainerStatuses();
        List<Container> containers = spec.getContainers() == null ? List.of() : spec.getContainers();
        long ready = statuses.stream().filter(container -> Boolean.TRUE.equals(container.getReady())).count();
        long restarts = statuses.stream().mapToLong(container -> JsonValues.wholeOrZero(container.getRestartCount())).sum();

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", pod.getMetadata().getUid());
        data.put("namespace", pod.getMetadata().getNamespace());
        data.put("labels", JsonValues.strings(pod.getMetadata().getLabels()));
        data.put("phase", status.getPhase());
        data.put("status_reason", status.getReason());
        data.put("node_name", spec.getNodeName());
        data.put("pod_ip", status.getPodIP());
        data.put("pod_ips", podIps(status));
        data.put("host_ip", status.getHostIP());
        data.put("qos_class", status.getQosClass());
        data.put("service_account", spec.getServiceAccountName());
        data.put("restart_policy", spec.getRestartPolicy());
        data.put("priority_class", spec.getPriorityClassName());
        data.put("owner", owner(pod.getMetadata().getOwnerReferences()));
        data.put("start_time", JsonValues.instant(status.getStartTime()));
        data.put("ready", ready + "/" + containers.size());
        data.put("ready_containers", ready);
        data.put("total_containers", (long) containers.size());
        data.put("restart_count", restarts);
        data.put("container_images", containers.stream().map(container -> (Object) container.getImage()).toList());
        data.put("containers", containers.stream().map(container -> container(container, statuses)).toList());
        data.put("conditions", JsonValues.each(status.getConditions(), Pods::condition));
        return new ObjectDetails(data, podIps(status).stream().map(String.class::cast).toList(), null, null);
    }

    private static List<Object> podIps(PodStatus status) {
        List<Object> ips = new ArrayList<>();
        if (status.getPodIPs() != null) {
            status.getPodIPs().stream().map(PodIP::getIp).filter(Objects::nonNull).forEach(ips::add);
        }
        if (ips.isEmpty() && status.getPodIP() != null) {
            ips.add(status.getPodIP());
        }
        return ips;
    }

    /** The controlling owner (a ReplicaSet, StatefulSet, Job, ...), else the first, else null. */
    private static Map<String, Object> owner(List<OwnerReference> owners) {
        if (owners == null || owners.isEmpty()) {
            return null;
        }
        OwnerReference owner = owners.stream().filter(reference -> Boolean.TRUE.equals(reference.getController()))
                .findFirst().orElse(owners.get(0));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", owner.getKind());
        json.put("name", owner.getName());
        json.put("uid", owner.getUid());
        return json;
    }

    private static Object container(Container container, List<ContainerStatus> statuses) {
        ContainerStatus status = statuses.stream().filter(candidate -> Objects.equals(candidate.getName(), container.getName()))
                .findFirst().orElse(null);
        ResourceRequirements resources = container.getResources();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", container.getName());
        json.put("image", container.getImage());
        json.put("ports", JsonValues.each(container.getPorts(), Pods::port));
        json.put("requests", JsonValues.quantities(resources == null ? null : resources.getRequests()));
        json.put("limits", JsonValues.quantities(resources == null ? null : resources.getLimits()));
        json.put("ready", status != null && Boolean.TRUE.equals(status.getReady()));
        json.put("restart_count", status == null ? 0L : JsonValues.wholeOrZero(status.getRestartCount()));
        json.put("state", status == null ? null : state(status.getState()));
        json.put("state_reason", status == null ? null : stateReason(status.getState()));
        return json;
    }

    private static Object port(ContainerPort port) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", port.getName());
        json.put("container_port", JsonValues.whole(port.getContainerPort()));
        json.put("protocol", port.getProtocol());
        return json;
    }

    private static String state(ContainerState state) {
        if (state == null) {
            return null;
        }
        if (state.getRunning() != null) {
            return "Running";
        }
        if (state.getWaiting() != null) {
            return "Waiting";
        }
        return state.getTerminated() != null ? "Terminated" : null;
    }

    private static String stateReason(ContainerState state) {
        if (state == null) {
            return null;
        }
        if (state.getWaiting() != null) {
            return state.getWaiting().getReason();
        }
        return state.getTerminated() != null ? state.getTerminated().getReason() : null;
    }

    private static Object condition(PodCondition condition) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", condition.getType());
        json.put("status", condition.getStatus());
        json.put("reason", condition.getReason());
        return json;
    }
}
