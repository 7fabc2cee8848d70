package dev.canopy.plugins.kubernetes;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.canopy.plugins.kubernetes.TypeView.Field.text;

/**
 * Services: group {@code Network}, type {@code Service}. {@code instance_type} is the service type (ClusterIP,
 * NodePort, LoadBalancer, ExternalName); {@code ip_addresses} its cluster IPs, external IPs and load balancer
 * ingress IPs.
 */
final class Services {

    static final ResourceKind<Service> KIND = new ResourceKind<>(
            "Service", "Network", "api/v1", "services", true, true, List.of("Container", "Networking"),
            (client, page) -> client.services().inAnyNamespace().list(page),
            Services::details,
            new TypeView(
                    List.of(text("data.namespace", "Namespace"), text("data.type", "Type"),
                            text("data.cluster_ip", "Cluster IP"),
                            new TypeView.Field("data.external_addresses", "External Address", "list"),
                            new TypeView.Field("data.port_summary", "Ports", "list"),
                            new TypeView.Field("launched_at", "Created", "datetime")),
                    List.of(text("name", "Name"), text("data.namespace", "Namespace"), text("data.type", "Type"),
                            text("data.cluster_ip", "Cluster IP"), text("ip_addresses", "IP Address")),
                    List.of(text("name", "Name"), text("data.uid", "UID"), text("data.namespace", "Namespace"),
                            text("data.type", "Type"), text("data.cluster_ip", "Cluster IP"),
                            text("data.external_ips", "External IPs"), text("data.load_balancer_ingress", "Load Balancer"),
                            text("data.ports", "Ports"), text("data.selector", "Selector"),
                            text("data.session_affinity", "Session Affinity"),
                            text("data.external_traffic_policy", "External Traffic Policy"), text("data.labels", "Labels"))));

    private Services() {
    }

    private static ObjectDetails details(Service service) {
        ServiceSpec spec = service.getSpec() == null ? new ServiceSpec() : service.getSpec();
        ServiceStatus status = service.getStatus();
        List<LoadBalancerIngress> ingress = status == null || status.getLoadBalancer() == null
                || status.getLoadBalancer().getIngress() == null ? List.of() : status.getLoadBalancer().getIngress();
        List<String> clusterIps = clusterIps(spec);
        List<String> externalIps = spec.getExternalIPs() == null ? List.of() : spec.getExternalIPs();

        List<Object> externalAddresses = new ArrayList<>(externalIps);
        ingress.forEach(entry -> externalAddresses.add(entry.getIp() != null ? entry.getIp() : entry.getHostname()));
        externalAddresses.removeIf(Objects::isNull);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", service.getMetadata().getUid());
        data.put("namespace", service.getMetadata().getNamespace());
        data.put("labels", JsonValues.strings(service.getMetadata().getLabels()));
        data.put("type", spec.getType() == null ? "ClusterIP" : spec.getType());
        data.put("cluster_ip", spec.getClusterIP());
        data.put("cluster_ips", List.copyOf(clusterIps));
        data.put("external_ips", List.copyOf(externalIps));
        data.put("external_name", spec.getExternalName());
        data.put("load_balancer_ingress", ingress.stream().map(Services::ingress).toList());
        data.put("external_addresses", externalAddresses);
        data.put("ports", JsonValues.each(spec.getPorts(), Services::port));
        data.put("port_summary", JsonValues.each(spec.getPorts(), Services::portSummary));
        data.put("selector", JsonValues.strings(spec.getSelector()));
        data.put("session_affinity", spec.getSessionAffinity());
        data.put("external_traffic_policy", spec.getExternalTrafficPolicy());
        data.put("ip_families", spec.getIpFamilies() == null ? List.of() : List.copyOf(spec.getIpFamilies()));

        List<String> ips = new ArrayList<>(clusterIps);
        ips.addAll(externalIps);
        ingress.stream().map(LoadBalancerIngress::getIp).filter(Objects::nonNull).forEach(ips::add);
        return new ObjectDetails(data, ips.stream().distinct().toList(), (String) data.get("type"), null);
    }

    /** The cluster IPs, without {@code None} (headless services). */
    private static List<String> clusterIps(ServiceSpec spec) {
        List<String> ips = new ArrayList<>();
        if (spec.getClusterIPs() != null) {
            ips.addAll(spec.getClusterIPs());
        }
        if (ips.isEmpty() && spec.getClusterIP() != null) {
            ips.add(spec.getClusterIP());
        }
        ips.removeIf(ip -> ip == null || ip.isBlank() || "None".equals(ip));
        return ips;
    }

    private static Object ingress(LoadBalancerIngress entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ip", entry.getIp());
        json.put("hostname", entry.getHostname());
        return json;
    }

    private static Object port(ServicePort port) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", port.getName());
        json.put("protocol", port.getProtocol());
        json.put("port", JsonValues.whole(port.getPort()));
        json.put("target_port", port.getTargetPort() == null ? null
                : port.getTargetPort().getStrVal() != null ? port.getTargetPort().getStrVal()
                : String.valueOf(port.getTargetPort().getIntVal()));
        json.put("node_port", JsonValues.whole(port.getNodePort()));
        return json;
    }

    /** {@code 80/TCP}, or {@code 80:30080/TCP} with a node port, as kubectl shows it. */
    private static Object portSummary(ServicePort port) {
        String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
        return port.getPort() + (port.getNodePort() == null ? "" : ":" + port.getNodePort()) + "/" + protocol;
    }
}
