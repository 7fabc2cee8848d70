package dev.canopy.plugins.kubernetes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Taint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.canopy.plugins.kubernetes.TypeView.Field.text;

/**
 * Nodes: group {@code Cluster}, type {@code Node}. {@code data.status} is Ready, NotReady or Unknown (the Ready
 * condition); {@code instance_type} is the node's {@code node.kubernetes.io/instance-type} label and
 * {@code instance_size} its CPU cores. The cloud region and zone of the node's labels are kept in
 * {@code data.region} and {@code data.zone}; {@code region_code} stays the cluster's name.
 */
final class Nodes {

    static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";

    static final ResourceKind<Node> KIND = new ResourceKind<>(
            "Node", "Cluster", "api/v1", "nodes", false, true, List.of("Container", "Compute", "Server"),
            (client, page) -> client.nodes().list(page),
            Nodes::details,
            new TypeView(
                    List.of(new TypeView.Field("data.status", "Status", "state"), text("data.roles", "Roles"),
                            text("data.kubelet_version", "Kubelet"), text("data.internal_ip", "Internal IP"),
                            text("instance_type", "Instance Type"), text("data.capacity.cpu", "CPU"),
                            text("data.capacity.memory", "Memory"), text("data.zone", "Zone"),
                            new TypeView.Field("launched_at", "Created", "datetime")),
                    List.of(text("name", "Name"), text("data.status", "Status"), text("data.roles", "Role"),
                            text("data.kubelet_version", "Kubelet Version"), text("instance_type", "Instance Type"),
                            text("data.zone", "Zone"), text("ip_addresses", "IP Address")),
                    List.of(text("name", "Name"), text("data.uid", "UID"), text("data.status", "Status"),
                            text("data.roles", "Roles"), text("data.unschedulable", "Unschedulable"),
                            text("data.internal_ip", "Internal IP"), text("data.external_ip", "External IP"),
                            text("data.pod_cidr", "Pod CIDR"), text("data.provider_id", "Provider ID"),
                            text("data.region", "Region"), text("data.zone", "Zone"),
                            text("data.capacity", "Capacity"), text("data.allocatable", "Allocatable"),
                            text("data.kubelet_version", "Kubelet Version"),
                            text("data.container_runtime_version", "Container Runtime"),
                            text("data.os_image", "OS Image"), text("data.kernel_version", "Kernel"),
                            text("data.architecture", "Architecture"), text("data.taints", "Taints"))));

    private Nodes() {
    }

    private static ObjectDetails details(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        NodeSpec spec = node.getSpec() == null ? new NodeSpec() : node.getSpec();
        NodeStatus status = node.getStatus() == null ? new NodeStatus() : node.getStatus();
        NodeSystemInfo info = status.getNodeInfo() == null ? new NodeSystemInfo() : status.getNodeInfo();
        List<NodeAddress> addresses = status.getAddresses() == null ? List.of() : status.getAddresses();
        String instanceType = JsonValues.first(labels, "node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type");
        Number cpuCores = JsonValues.amount(status.getCapacity(), "cpu");

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", node.getMetadata().getUid());
        data.put("labels", JsonValues.strings(labels));
        data.put("status", readiness(status.getConditions()));
        data.put("roles", roles(labels));
        data.put("unschedulable", Boolean.TRUE.equals(spec.getUnschedulable()));
        data.put("conditions", JsonValues.each(status.getConditions(), Nodes::condition));
        data.put("taints", JsonValues.each(spec.getTaints(), Nodes::taint));
        data.put("addresses", JsonValues.each(addresses, Nodes::address));
        data.put("internal_ip", address(addresses, "InternalIP"));
        data.put("external_ip", address(addresses, "ExternalIP"));
        data.put("hostname", address(addresses, "Hostname"));
        data.put("pod_cidr", spec.getPodCIDR());
        data.put("provider_id", spec.getProviderID());
        data.put("region", JsonValues.first(labels, "topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/region"));
        data.put("zone", JsonValues.first(labels, "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"));
        data.put("instance_type", instanceType);
        data.put("capacity", JsonValues.quantities(status.getCapacity()));
        data.put("allocatable", JsonValues.quantities(status.getAllocatable()));
        data.put("cpu_cores", cpuCores);
        data.put("memory_bytes", JsonValues.amount(status.getCapacity(), "memory"));
        data.put("pods_capacity", JsonValues.amount(status.getCapacity(), "pods"));
        data.put("kubelet_version", info.getKubeletVersion());
        data.put("kube_proxy_version", info.getKubeProxyVersion());
        data.put("container_runtime_version", info.getContainerRuntimeVersion());
        data.put("os_image", info.getOsImage());
        data.put("kernel_version", info.getKernelVersion());
        data.put("operating_system", info.getOperatingSystem());
        data.put("architecture", info.getArchitecture());

        List<String> ips = addresses.stream()
                .filter(address -> "InternalIP".equals(address.getType()) || "ExternalIP".equals(address.getType()))
                .map(NodeAddress::getAddress).filter(Objects::nonNull).distinct().toList();
        return new ObjectDetails(data, ips, instanceType, cpuCores);
    }

    /** Ready, NotReady or Unknown, from the Ready condition. */
    static String readiness(List<NodeCondition> conditions) {
        if (conditions != null) {
            for (NodeCondition condition : conditions) {
                if ("Ready".equals(condition.getType())) {
                    return switch (String.valueOf(condition.getStatus())) {
                        case "True" -> "Ready";
                        case "False" -> "NotReady";
                        default -> "Unknown";
                    };
                }
            }
        }
        return "Unknown";
    }

    /** The roles of {@code node-role.kubernetes.io/<role>} labels, sorted. */
    private static List<Object> roles(Map<String, String> labels) {
        if (labels == null) {
            return List.of();
        }
        return labels.keySet().stream()
                .filter(key -> key.startsWith(ROLE_LABEL_PREFIX) && key.length() > ROLE_LABEL_PREFIX.length())
                .map(key -> (Object) key.substring(ROLE_LABEL_PREFIX.length()))
                .sorted()
                .toList();
    }

    private static Object condition(NodeCondition condition) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", condition.getType());
        json.put("status", condition.getStatus());
        json.put("reason", condition.getReason());
        json.put("last_transition_time", JsonValues.instant(condition.getLastTransitionTime()));
        return json;
    }

    private static Object address(NodeAddress address) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", address.getType());
        json.put("address", address.getAddress());
        return json;
    }

    private static Object taint(Taint taint) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", taint.getKey());
        json.put("value", taint.getValue());
        json.put("effect", taint.getEffect());
        return json;
    }

    private static String address(List<NodeAddress> addresses, String type) {
        return addresses.stream().filter(address -> type.equals(address.getType()))
                .map(NodeAddress::getAddress).findFirst().orElse(null);
    }
}
