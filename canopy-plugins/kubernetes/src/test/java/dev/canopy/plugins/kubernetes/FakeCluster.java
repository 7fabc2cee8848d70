package dev.canopy.plugins.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A two-node cluster on fabric8's mock API server, on the loopback address: three namespaces, three
 * deployments with their pods, and services of type ClusterIP and LoadBalancer. In front of the mock's
 * in-memory store sits what a real API server does and the store does not: bearer token authentication
 * (401 for any other token), RBAC refusals of chosen resources (403), and list pagination
 * ({@code limit} and {@code continue}). It records the path of every list call. Like a real API server,
 * the store gives each object its uid and creation timestamp.
 */
final class FakeCluster implements AutoCloseable {

    static final String TOKEN = "collector-token-7f3a";
    static final String SERVICE_ACCOUNT = "system:serviceaccount:canopy:collector";

    private final ApiServer apiServer = new ApiServer();
    private final KubernetesMockServer server;

    private FakeCluster() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), apiServer, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
    }

    static FakeCluster start() {
        FakeCluster cluster = new FakeCluster();
        try (KubernetesClient client = cluster.client()) {
            seed(client);
        }
        cluster.apiServer.listPaths.clear();
        return cluster;
    }

    /** The API server's URL, {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
    }

    Map<String, Object> tokenSecret() {
        return Map.of("server", url(), "token", TOKEN);
    }

    /** A kubeconfig with two contexts: {@code canopy-prod} (this cluster, the current one) and {@code other}. */
    String kubeconfig(String token) {
        return """
                apiVersion: v1
                kind: Config
                current-context: canopy-prod
                clusters:
                - name: prod-eu-1
                  cluster:
                    server: %s
                - name: elsewhere
                  cluster:
                    server: http://127.0.0.1:9
                contexts:
                - name: canopy-prod
                  context:
                    cluster: prod-eu-1
                    user: collector
                - name: other
                  context:
                    cluster: elsewhere
                    user: collector
                users:
                - name: collector
                  user:
                    token: %s
                """.formatted(url(), token);
    }

    /** Lists of this resource ({@code deployments}) are refused with 403 until {@link #allowAll()}. */
    void forbid(String plural) {
        apiServer.forbidden.add(plural);
    }

    void allowAll() {
        apiServer.forbidden.clear();
    }

    /** The list calls since the last {@link #clearListPaths()}, with their query strings. */
    List<String> listPaths() {
        return List.copyOf(apiServer.listPaths);
    }

    void clearListPaths() {
        apiServer.listPaths.clear();
    }

    private KubernetesClient client() {
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url()).withOauthToken(TOKEN).build();
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()).build();
    }

    @Override
    public void close() {
        server.destroy();
    }

    private static void seed(KubernetesClient client) {
        for (String name : List.of("default", "shop", "monitoring")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                    .addToLabels("kubernetes.io/metadata.name", name).endMetadata()
                    .withNewStatus().withPhase("Active").endStatus().build()).create();
        }
        node(client, "node-a", "10.0.1.10", "203.0.113.10", "eu-west-1a", true);
        node(client, "node-b", "10.0.2.20", null, "eu-west-1b", false);

        deployment(client, "shop", "web", "nginx:1.27", 2, 2);
        deployment(client, "shop", "api", "registry.example.com/shop/api:3.4.1", 3, 2);
        deployment(client, "monitoring", "prometheus", "quay.io/prometheus/prometheus:v2.53.0", 1, 1);
        pod(client, "shop", "web-7d4b9c-x2k4p", "web", "nginx:1.27", "node-a", "10.244.1.11", "Running", true, 0);
        pod(client, "shop", "web-7d4b9c-q9z8m", "web", "nginx:1.27", "node-b", "10.244.2.12", "Running", true, 0);
        pod(client, "shop", "api-5f6c8d-a1b2c", "api", "registry.example.com/shop/api:3.4.1", "node-a", "10.244.1.21", "Running", true, 1);
        pod(client, "shop", "api-5f6c8d-d3e4f", "api", "registry.example.com/shop/api:3.4.1", "node-b", "10.244.2.22", "Running", true, 0);
        pod(client, "shop", "api-5f6c8d-g5h6i", "api", "registry.example.com/shop/api:3.4.1", "node-b", "10.244.2.23", "Running", false, 7);
        pod(client, "monitoring", "prometheus-6b7c9-z0y1x", "prometheus", "quay.io/prometheus/prometheus:v2.53.0", "node-a", "10.244.1.31", "Running", true, 0);

        client.services().resource(new ServiceBuilder().withNewMetadata().withNamespace("default").withName("kubernetes")
                .addToLabels("component", "apiserver").endMetadata()
                .withNewSpec().withType("ClusterIP").withClusterIP("10.96.0.1").withClusterIPs("10.96.0.1")
                .withPorts(new ServicePortBuilder().withName("https").withProtocol("TCP").withPort(443).withTargetPort(new IntOrString(6443)).build())
                .withSessionAffinity("None").endSpec().build()).create();
        client.services().resource(new ServiceBuilder().withNewMetadata().withNamespace("shop").withName("api")
                .addToLabels("app", "api").endMetadata()
                .withNewSpec().withType("ClusterIP").withClusterIP("10.96.12.40").withClusterIPs("10.96.12.40")
                .addToSelector("app", "api")
                .withPorts(new ServicePortBuilder().withName("grpc").withProtocol("TCP").withPort(9090).withTargetPort(new IntOrString("grpc")).build())
                .endSpec().build()).create();
        client.services().resource(new ServiceBuilder().withNewMetadata().withNamespace("shop").withName("web")
                .addToLabels("app", "web").endMetadata()
                .withNewSpec().withType("LoadBalancer").withClusterIP("10.96.80.8").withClusterIPs("10.96.80.8")
                .addToSelector("app", "web").withExternalTrafficPolicy("Local")
                .withPorts(new ServicePortBuilder().withName("http").withProtocol("TCP").withPort(80).withTargetPort(new IntOrString(8080)).withNodePort(30080).build())
                .endSpec()
                .withNewStatus().withNewLoadBalancer().addNewIngress().withIp("198.51.100.7").endIngress().endLoadBalancer().endStatus()
                .build()).create();
    }

    private static void node(KubernetesClient client, String name, String internalIp, String externalIp,
                             String zone, boolean controlPlane) {
        NodeBuilder node = new NodeBuilder().withNewMetadata().withName(name)
                .addToLabels("kubernetes.io/hostname", name)
                .addToLabels("node.kubernetes.io/instance-type", "m6i.xlarge")
                .addToLabels("topology.kubernetes.io/region", "eu-west-1")
                .addToLabels("topology.kubernetes.io/zone", zone)
                .addToLabels(controlPlane ? "node-role.kubernetes.io/control-plane" : "node-role.kubernetes.io/worker", "")
                .endMetadata()
                .withNewSpec().withPodCIDR(controlPlane ? "10.244.1.0/24" : "10.244.2.0/24")
                .withProviderID("aws:///" + zone + "/i-0" + Integer.toHexString(name.hashCode())).endSpec();
        NodeBuilder withStatus = node.withNewStatus()
                .addNewAddress().withType("InternalIP").withAddress(internalIp).endAddress()
                .addNewAddress().withType("Hostname").withAddress(name).endAddress()
                .addToCapacity("cpu", new Quantity("4")).addToCapacity("memory", new Quantity("16Gi"))
                .addToCapacity("pods", new Quantity("110")).addToCapacity("ephemeral-storage", new Quantity("100Gi"))
                .addToAllocatable("cpu", new Quantity("3920m")).addToAllocatable("memory", new Quantity("15Gi"))
                .addToAllocatable("pods", new Quantity("110"))
                .addNewCondition().withType("MemoryPressure").withStatus("False").withReason("KubeletHasSufficientMemory").endCondition()
                .addNewCondition().withType("Ready").withStatus(controlPlane ? "True" : "False")
                .withReason(controlPlane ? "KubeletReady" : "KubeletNotReady").endCondition()
                .withNewNodeInfo().withKubeletVersion("v1.30.4").withKubeProxyVersion("v1.30.4")
                .withContainerRuntimeVersion("containerd://1.7.20").withOsImage("Ubuntu 22.04.4 LTS")
                .withKernelVersion("6.5.0-1024-aws").withOperatingSystem("linux").withArchitecture("amd64").endNodeInfo()
                .endStatus();
        if (externalIp != null) {
            withStatus.editStatus().addNewAddress().withType("ExternalIP").withAddress(externalIp).endAddress().endStatus();
        }
        client.nodes().resource(withStatus.build()).create();
    }

    private static void deployment(KubernetesClient client, String namespace, String app, String image, int desired, int ready) {
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withNamespace(namespace).withName(app)
                .withGeneration(3L)
                .addToLabels("app", app).endMetadata()
                .withNewSpec().withReplicas(desired).withNewSelector().addToMatchLabels("app", app).endSelector()
                .withNewStrategy().withType("RollingUpdate").endStrategy()
                .withNewTemplate().withNewMetadata().addToLabels("app", app).endMetadata()
                .withNewSpec().addToContainers(new ContainerBuilder().withName(app).withImage(image).build()).endSpec()
                .endTemplate().endSpec()
                .withNewStatus().withReplicas(desired).withReadyReplicas(ready).withAvailableReplicas(ready)
                .withUpdatedReplicas(desired).withUnavailableReplicas(desired - ready).withObservedGeneration(3L)
                .addNewCondition().withType("Available").withStatus(ready == desired ? "True" : "False")
                .withReason(ready == desired ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable").endCondition()
                .endStatus().build();
        client.apps().deployments().resource(deployment).create();
    }

    private static void pod(KubernetesClient client, String namespace, String name, String app, String image, String node,
                            String ip, String phase, boolean ready, int restarts) {
        String replicaSet = name.substring(0, name.lastIndexOf('-'));
        Pod pod = new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .addToLabels("app", app)
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(replicaSet)
                .withController(true).endOwnerReference().endMetadata()
                .withNewSpec().withNodeName(node).withServiceAccountName("default").withRestartPolicy("Always")
                .addToContainers(new ContainerBuilder().withName(app).withImage(image)
                        .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
                        .withNewResources().addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("256Mi"))
                        .addToLimits("memory", new Quantity("512Mi")).endResources().build())
                .endSpec()
                .withNewStatus().withPhase(phase).withPodIP(ip).addNewPodIP().withIp(ip).endPodIP()
                .withHostIP(node.equals("node-a") ? "10.0.1.10" : "10.0.2.20").withQosClass("Burstable")
                .withStartTime("2024-03-05T12:00:05Z")
                .addToContainerStatuses(new ContainerStatusBuilder().withName(app).withImage(image).withReady(ready)
                        .withRestartCount(restarts).withNewState()
                        .withNewWaiting().withReason(ready ? null : "CrashLoopBackOff").endWaiting().endState().build())
                .endStatus().build();
        if (ready) {
            pod.getStatus().getContainerStatuses().get(0).getState().setWaiting(null);
            pod.getStatus().getContainerStatuses().get(0).getState().setRunning(
                    new io.fabric8.kubernetes.api.model.ContainerStateRunningBuilder().withStartedAt("2024-03-05T12:00:06Z").build());
        }
        client.pods().resource(pod).create();
    }

    /** What a real API server adds in front of the store: authentication, RBAC refusals, pagination. */
    private static final class ApiServer extends Dispatcher {

        private final KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
        private final ObjectMapper json = new ObjectMapper();
        private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
        private final List<String> listPaths = new CopyOnWriteArrayList<>();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                return status(401, "Unauthorized", "Unauthorized");
            }
            String path = request.getPath();
            int question = path.indexOf('?');
            String resourcePath = question < 0 ? path : path.substring(0, question);
            Map<String, String> query = query(question < 0 ? "" : path.substring(question + 1));
            if (!"GET".equals(request.getMethod()) || !query.containsKey("limit")) {
                return store.dispatch(request);
            }
            listPaths.add(path);
            String plural = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
            if (forbidden.contains(plural)) {
                return status(403, "Forbidden", plural + " is forbidden: User \"" + SERVICE_ACCOUNT
                        + "\" cannot list resource \"" + plural + "\" at the cluster scope");
            }
            return page(store.handleGet(resourcePath), Integer.parseInt(query.get("limit")),
                    query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0);
        }

        /** The store answers the whole list; a real API server answers {@code limit} items and a continue token. */
        @SuppressWarnings("unchecked")
        private MockResponse page(MockResponse whole, int limit, int offset) {
            if (whole.code() != 200) {
                return whole;
            }
            try {
                Map<String, Object> list = json.readValue(whole.getBody().readUtf8(), Map.class);
                List<Object> items = (List<Object>) list.getOrDefault("items", List.of());
                int end = Math.min(items.size(), offset + limit);
                list.put("items", new ArrayList<>(items.subList(Math.min(offset, end), end)));
                Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) list.getOrDefault("metadata", Map.of()));
                if (end < items.size()) {
                    metadata.put("continue", String.valueOf(end));
                }
                list.put("metadata", metadata);
                return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                        .setBody(json.writeValueAsString(list));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private MockResponse status(int code, String reason, String message) {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("kind", "Status");
            status.put("apiVersion", "v1");
            status.put("metadata", Map.of());
            status.put("status", "Failure");
            status.put("message", message);
            status.put("reason", reason);
            status.put("code", code);
            try {
                return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                        .setBody(json.writeValueAsString(status));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Map<String, String> query(String query) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals),
                            java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return parameters;
        }
    }
}
