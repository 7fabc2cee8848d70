package dev.canopy.plugins.kubernetes;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectedResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the collector reads from the fake cluster, field by field, and how it fails. */
@Timeout(60)
class ClusterCollectionTest {

    private static FakeCluster cluster;
    private final KubernetesCollectorPlugin plugin = new KubernetesCollectorPlugin();

    @BeforeAll
    static void startCluster() {
        cluster = FakeCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @AfterEach
    void allowEverything() {
        cluster.allowAll();
        cluster.clearListPaths();
    }

    @Test
    void theWholeClusterHoldsTheRegionTheTypesAndEveryObject() {
        List<CollectedResource> items = collect(Map.of("cluster_name", "prod-eu-1"), cluster.tokenSecret(), Map.of());

        assertThat(items).allSatisfy(item -> assertThat(item.state()).isEqualTo(CollectedResource.State.SUCCESS));
        assertThat(items.get(0).resourceType()).isEqualTo("inventory.Region");
        assertThat(items.get(0).resource()).containsEntry("region_code", "prod-eu-1").containsEntry("provider", "kubernetes");
        assertThat(ofType(items, "inventory.CloudServiceType")).extracting(item -> item.resource().get("group") + "/" + item.resource().get("name"))
                .containsExactly("Cluster/Namespace", "Cluster/Node", "Workload/Pod", "Workload/Deployment", "Network/Service");
        assertThat(services(items, "Namespace")).extracting(item -> item.resource().get("name"))
                .containsExactlyInAnyOrder("default", "shop", "monitoring");
        assertThat(services(items, "Node")).hasSize(2);
        assertThat(services(items, "Pod")).hasSize(6);
        assertThat(services(items, "Deployment")).hasSize(3);
        assertThat(services(items, "Service")).hasSize(3);
        assertThat(ofType(items, "inventory.CloudService")).allSatisfy(item -> {
            assertThat(item.resource()).containsEntry("account", "prod-eu-1").containsEntry("region_code", "prod-eu-1")
                    .containsEntry("provider", "kubernetes").doesNotContainKey("state");
            assertThat(item.matchRules()).containsExactly(
                    List.of("reference.resource_id", "provider", "cloud_service_type", "cloud_service_group"));
        });
    }

    @Test
    void aTypeCarriesItsTableSearchAndDetailLayouts() {
        CollectedResource pods = ofType(collect(Map.of(), cluster.tokenSecret(), Map.of("kind", "Pod")), "inventory.CloudServiceType").get(0);

        assertThat(pods.resource()).containsEntry("name", "Pod").containsEntry("group", "Workload")
                .containsEntry("provider", "kubernetes").containsEntry("is_primary", true).containsEntry("is_major", true)
                .containsEntry("resource_type", "inventory.CloudService");
        assertThat(pods.matchRules()).containsExactly(List.of("name", "group", "provider"));
        Map<String, Object> view = map(map(pods.resource(), "metadata"), "view");
        Map<String, Object> layout = map(map(view, "table"), "layout");
        assertThat(layout).containsEntry("name", "Pod").containsEntry("type", "query-search-table");
        assertThat(list(map(layout, "options"), "fields")).contains(
                Map.of("key", "data.phase", "name", "Phase", "type", "state"),
                Map.of("key", "data.node_name", "name", "Node"));
        assertThat(list(view, "search")).contains(Map.of("key", "data.namespace", "name", "Namespace"));
        Map<String, Object> detail = (Map<String, Object>) list(map(view, "sub_data"), "layouts").get(0);
        assertThat(detail).containsEntry("type", "item");
        assertThat(list(map(detail, "options"), "fields")).contains(Map.of("key", "data.qos_class", "name", "QoS Class"));
    }

    @Test
    void aNodeHasItsStatusRolesCapacityAndVersions() {
        List<CollectedResource> items = collect(Map.of(), cluster.tokenSecret(), Map.of("kind", "Node"));
        Map<String, Object> nodeA = named(services(items, "Node"), "node-a");
        Map<String, Object> nodeB = named(services(items, "Node"), "node-b");

        assertThat(nodeA).containsEntry("cloud_service_group", "Cluster").containsEntry("instance_type", "m6i.xlarge")
                .containsEntry("instance_size", 4L).containsEntry("ip_addresses", List.of("10.0.1.10", "203.0.113.10"));
        assertIdentified(nodeA, cluster.url() + "/api/v1/nodes/node-a");
        assertThat(map(nodeA, "tags")).containsEntry("topology.kubernetes.io/zone", "eu-west-1a");
        Map<String, Object> data = map(nodeA, "data");
        assertThat(data).containsEntry("status", "Ready").containsEntry("roles", List.of("control-plane"))
                .containsEntry("kubelet_version", "v1.30.4").containsEntry("container_runtime_version", "containerd://1.7.20")
                .containsEntry("os_image", "Ubuntu 22.04.4 LTS").containsEntry("architecture", "amd64")
                .containsEntry("internal_ip", "10.0.1.10").containsEntry("external_ip", "203.0.113.10")
                .containsEntry("pod_cidr", "10.244.1.0/24").containsEntry("region", "eu-west-1").containsEntry("zone", "eu-west-1a")
                .containsEntry("cpu_cores", 4L).containsEntry("memory_bytes", 16L * 1024 * 1024 * 1024).containsEntry("pods_capacity", 110L)
                .containsEntry("unschedulable", false);
        assertThat(map(data, "capacity")).containsEntry("cpu", "4").containsEntry("memory", "16Gi")
                .containsEntry("ephemeral_storage", "100Gi");
        assertThat(map(data, "allocatable")).containsEntry("cpu", "3920m").containsEntry("memory", "15Gi");

        assertThat(map(nodeB, "data")).containsEntry("status", "NotReady").containsEntry("roles", List.of("worker"))
                .containsEntry("external_ip", null);
        assertThat(nodeB).containsEntry("ip_addresses", List.of("10.0.2.20"));
    }

    @Test
    void aPodHasItsPhaseNodeAddressesContainersAndOwner() {
        List<CollectedResource> items = collect(Map.of(), cluster.tokenSecret(), Map.of("kind", "Pod"));
        Map<String, Object> crashing = named(services(items, "Pod"), "api-5f6c8d-g5h6i");

        assertThat(crashing).containsEntry("cloud_service_group", "Workload").containsEntry("ip_addresses", List.of("10.244.2.23"))
                .doesNotContainKey("instance_type");
        assertIdentified(crashing, cluster.url() + "/api/v1/namespaces/shop/pods/api-5f6c8d-g5h6i");
        assertThat(map(crashing, "tags")).isEqualTo(Map.of("app", "api"));
        Map<String, Object> data = map(crashing, "data");
        assertThat(data).containsEntry("namespace", "shop").containsEntry("phase", "Running").containsEntry("node_name", "node-b")
                .containsEntry("pod_ip", "10.244.2.23").containsEntry("host_ip", "10.0.2.20").containsEntry("qos_class", "Burstable")
                .containsEntry("ready", "0/1").containsEntry("ready_containers", 0L).containsEntry("restart_count", 7L)
                .containsEntry("container_images", List.of("registry.example.com/shop/api:3.4.1"))
                .containsEntry("start_time", "2024-03-05T12:00:05Z");
        assertThat(map(data, "owner")).containsEntry("kind", "ReplicaSet").containsEntry("name", "api-5f6c8d");
        Map<String, Object> container = (Map<String, Object>) list(data, "containers").get(0);
        assertThat(container).containsEntry("name", "api").containsEntry("ready", false).containsEntry("state", "Waiting")
                .containsEntry("state_reason", "CrashLoopBackOff").containsEntry("restart_count", 7L)
                .containsEntry("ports", List.of(Map.of("name", "http", "container_port", 8080L, "protocol", "TCP")));
        assertThat(map(container, "requests")).isEqualTo(Map.of("cpu", "250m", "memory", "256Mi"));

        assertThat(map(named(services(items, "Pod"), "web-7d4b9c-x2k4p"), "data"))
                .containsEntry("ready", "1/1").containsEntry("node_name", "node-a");
    }

    @Test
    void aDeploymentHasItsDesiredAndReadyReplicas() {
        List<CollectedResource> items = collect(Map.of(), cluster.tokenSecret(), Map.of("kind", "Deployment"));

        Map<String, Object> api = map(named(services(items, "Deployment"), "api"), "data");
        assertThat(api).containsEntry("namespace", "shop").containsEntry("replicas", 3L).containsEntry("ready_replicas", 2L)
                .containsEntry("available_replicas", 2L).containsEntry("unavailable_replicas", 1L)
                .containsEntry("ready", "2/3").containsEntry("status", "NotReady").containsEntry("strategy", "RollingUpdate")
                .containsEntry("selector", Map.of("app", "api"))
                .containsEntry("container_images", List.of("registry.example.com/shop/api:3.4.1"));
        assertThat(map(named(services(items, "Deployment"), "web"), "data")).containsEntry("status", "Ready").containsEntry("ready", "2/2");
        assertThat(map(named(services(items, "Deployment"), "prometheus"), "reference"))
                .containsEntry("external_link", cluster.url() + "/apis/apps/v1/namespaces/monitoring/deployments/prometheus");
    }

    @Test
    void aServiceHasItsTypeAddressesAndPorts() {
        List<CollectedResource> items = collect(Map.of(), cluster.tokenSecret(), Map.of("kind", "Service"));

        Map<String, Object> web = named(services(items, "Service"), "web");
        assertThat(web).containsEntry("cloud_service_group", "Network").containsEntry("instance_type", "LoadBalancer")
                .containsEntry("ip_addresses", List.of("10.96.80.8", "198.51.100.7"));
        assertThat(map(web, "data")).containsEntry("type", "LoadBalancer").containsEntry("cluster_ip", "10.96.80.8")
                .containsEntry("external_addresses", List.of("198.51.100.7")).containsEntry("external_traffic_policy", "Local")
                .containsEntry("port_summary", List.of("80:30080/TCP"));
        assertThat((Map<String, Object>) list(map(web, "data"), "ports").get(0)).containsEntry("port", 80L)
                .containsEntry("target_port", "8080").containsEntry("node_port", 30080L).containsEntry("protocol", "TCP");

        Map<String, Object> api = named(services(items, "Service"), "api");
        assertThat(api).containsEntry("instance_type", "ClusterIP").containsEntry("ip_addresses", List.of("10.96.12.40"));
        assertThat(map(api, "data")).containsEntry("external_addresses", List.of()).containsEntry("port_summary", List.of("9090/TCP"));
        assertThat((Map<String, Object>) list(map(api, "data"), "ports").get(0)).containsEntry("target_port", "grpc");
    }

    @Test
    void aNamespaceHasItsPhase() {
        List<CollectedResource> items = collect(Map.of(), cluster.tokenSecret(), Map.of("kind", "Namespace"));

        Map<String, Object> shop = named(services(items, "Namespace"), "shop");
        assertThat(map(shop, "data")).containsEntry("phase", "Active");
        assertIdentified(shop, cluster.url() + "/api/v1/namespaces/shop");
        assertThat(services(items, "Namespace")).extracting(item -> map(item.resource(), "reference").get("resource_id"))
                .doesNotHaveDuplicates();
    }

    @Test
    void listsAreReadAPageAtATime() {
        collect(Map.of("page_size", 2), cluster.tokenSecret(), Map.of("kind", "Pod"));

        assertThat(cluster.listPaths()).containsExactly(
                "/api/v1/pods?limit=2", "/api/v1/pods?continue=2&limit=2", "/api/v1/pods?continue=4&limit=2");
    }

    @Test
    void closingTheStreamEarlyReadsNoFurtherPage() {
        try (Stream<CollectedResource> items = plugin.collect(request(Map.of("page_size", 2), cluster.tokenSecret(), Map.of("kind", "Pod")))) {
            Iterator<CollectedResource> iterator = items.iterator();
            for (int taken = 0; taken < 3; taken++) {
                iterator.next();
            }
        }
        assertThat(cluster.listPaths()).containsExactly("/api/v1/pods?limit=2");
    }

    @Test
    void aForbiddenKindBecomesOneErrorResourceAndTheRestGoesOn() {
        cluster.forbid("deployments");
        List<CollectedResource> items = collect(Map.of("cluster_name", "prod-eu-1"), cluster.tokenSecret(), Map.of());

        List<CollectedResource> failures = items.stream().filter(item -> item.state() == CollectedResource.State.FAILURE).toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).resourceType()).isEqualTo("inventory.ErrorResource");
        assertThat(failures.get(0).resource()).isEqualTo(Map.of("provider", "kubernetes", "cloud_service_group", "Workload",
                "cloud_service_type", "Deployment", "region_code", "prod-eu-1"));
        assertThat(failures.get(0).message()).contains("listing deployments of cluster prod-eu-1 failed", "HTTP 403", "forbidden")
                .doesNotContain(FakeCluster.TOKEN);
        assertThat(services(items, "Deployment")).isEmpty();
        assertThat(services(items, "Pod")).hasSize(6);
        assertThat(services(items, "Service")).hasSize(3);
    }

    @Test
    void verifyRejectsCredentialsThatMayNotListNamespaces() {
        cluster.forbid("namespaces");
        PluginException failure = catchThrowableOfType(PluginException.class, () -> plugin.verify(Map.of(), cluster.tokenSecret()));

        assertThat(failure.failure()).isEqualTo(PluginFailure.REJECTED);
        assertThat(failure.getMessage()).contains("may not list namespaces", "HTTP 403");
    }

    @Test
    void aRevokedTokenFailsTheWholeCollectionWithoutQuotingIt() {
        PluginException failure = catchThrowableOfType(PluginException.class,
                () -> collect(Map.of(), Map.of("server", cluster.url(), "token", "revoked-token"), Map.of("kind", "Pod")));

        assertThat(failure.failure()).isEqualTo(PluginFailure.REJECTED);
        assertThat(failure.getMessage()).contains("refused the credentials", "HTTP 401").doesNotContain("revoked-token");
    }

    @Test
    void anUnreachableApiServerIsRejected() {
        PluginException failure = catchThrowableOfType(PluginException.class,
                () -> plugin.verify(Map.of(), Map.of("server", "http://127.0.0.1:9", "token", FakeCluster.TOKEN)));

        assertThat(failure.failure()).isEqualTo(PluginFailure.REJECTED);
        assertThat(failure.getMessage()).contains("cannot be reached");
    }

    @Test
    void aKubeconfigNamesTheClusterFromItsCurrentContext() {
        Map<String, Object> secret = Map.of("kubeconfig", cluster.kubeconfig(FakeCluster.TOKEN));
        plugin.verify(Map.of(), secret);

        List<CollectedResource> items = collect(Map.of(), secret, Map.of("kind", "Node"));
        assertThat(items.get(0).resource()).containsEntry("region_code", "prod-eu-1");
        assertThat(services(items, "Node")).hasSize(2).allSatisfy(node -> assertThat(node.resource()).containsEntry("account", "prod-eu-1"));
    }

    @Test
    void aKubeconfigContextOtherThanTheCurrentOneIsUsedWhenGiven() {
        PluginException failure = catchThrowableOfType(PluginException.class, () -> plugin.verify(Map.of(),
                Map.of("kubeconfig", cluster.kubeconfig(FakeCluster.TOKEN), "context", "other")));

        assertThat(failure.failure()).isEqualTo(PluginFailure.REJECTED);
        assertThat(failure.getMessage()).contains("http://127.0.0.1:9", "cannot be reached");
    }

    @Test
    void theServiceAccountsClusterNameComesFirstThenTheOptionThenTheCredentials() {
        Map<String, Object> secret = Map.of("server", cluster.url(), "token", FakeCluster.TOKEN, "cluster_name", "from-account");
        assertThat(collect(Map.of("cluster_name", "from-option"), secret, Map.of("kind", "Namespace")).get(0).resource())
                .containsEntry("region_code", "from-account");
        assertThat(collect(Map.of("cluster_name", "from-option"), cluster.tokenSecret(), Map.of("kind", "Namespace")).get(0).resource())
                .containsEntry("region_code", "from-option");
        assertThat(collect(Map.of(), cluster.tokenSecret(), Map.of("kind", "Namespace")).get(0).resource())
                .containsEntry("region_code", "127.0.0.1");
    }

    @Test
    void anUnknownTaskKindIsRejected() {
        PluginException failure = catchThrowableOfType(PluginException.class,
                () -> plugin.collect(request(Map.of(), cluster.tokenSecret(), Map.of("kind", "Secret"))));

        assertThat(failure.failure()).isEqualTo(PluginFailure.REJECTED);
    }

    /** Matched on the uid the API server gave the object, linked to its API URL, launched when it was created. */
    private static void assertIdentified(Map<String, Object> resource, String externalLink) {
        Object uid = map(resource, "data").get("uid");
        assertThat(uid).asString().matches("[0-9a-f-]{36}");
        assertThat(map(resource, "reference")).containsEntry("resource_id", uid).containsEntry("external_link", externalLink);
        assertThat(resource.get("launched_at")).asString().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    }

    private List<CollectedResource> collect(Map<String, Object> options, Map<String, Object> secretData, Map<String, Object> taskOptions) {
        try (Stream<CollectedResource> items = plugin.collect(request(options, secretData, taskOptions))) {
            return items.toList();
        }
    }

    private static CollectRequest request(Map<String, Object> options, Map<String, Object> secretData, Map<String, Object> taskOptions) {
        return new CollectRequest(options, secretData, Map.of(), taskOptions);
    }

    private static List<CollectedResource> ofType(List<CollectedResource> items, String resourceType) {
        return items.stream().filter(item -> resourceType.equals(item.resourceType())).toList();
    }

    private static List<CollectedResource> services(List<CollectedResource> items, String type) {
        return ofType(items, "inventory.CloudService").stream()
                .filter(item -> type.equals(item.resource().get("cloud_service_type"))).toList();
    }

    private static Map<String, Object> named(List<CollectedResource> items, String name) {
        return items.stream().filter(item -> name.equals(item.resource().get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no item named " + name)).resource();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> map, String key) {
        assertThat(map.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> map, String key) {
        assertThat(map.get(key)).as(key).isInstanceOf(List.class);
        return (List<Object>) map.get(key);
    }
}
