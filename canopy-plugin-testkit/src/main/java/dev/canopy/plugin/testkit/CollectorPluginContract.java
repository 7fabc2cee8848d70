package dev.canopy.plugin.testkit;

import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectTask;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.canopy.plugin.testkit.ContractAssertions.assertJsonObject;
import static dev.canopy.plugin.testkit.ContractAssertions.assertRejected;
import static dev.canopy.plugin.testkit.ContractAssertions.consume;
import static dev.canopy.plugin.testkit.ContractAssertions.takeOneAndClose;
import static dev.canopy.plugin.testkit.ContractAssertions.valueAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract of an inventory collector. A collector's test extends it and supplies the plugin,
 * options and credentials that work, and credentials that do not; the plugin must then:
 * <ul>
 *   <li>answer {@code init} with {@code supported_resource_type}, a non-empty list of inventory types;</li>
 *   <li>pass {@code verify} with the good credentials and reject the bad ones with {@code REJECTED};</li>
 *   <li>split the collection into tasks whose options are JSON, and stream only well-formed items: a
 *       SUCCESS item has a supported resource type, the fields Cloudforet requires of that type, and
 *       non-empty match rules whose keys (dotted paths) all resolve in the resource; a FAILURE item
 *       has a message; every value is JSON;</li>
 *   <li>collect over all its tasks what it collects for the whole account;</li>
 *   <li>reject a collection with bad credentials, and stop cleanly when the caller closes the stream early.</li>
 * </ul>
 * The plugin is asked for once per test; each test runs within a minute.
 */
@Timeout(60)
public abstract class CollectorPluginContract {

    /** The resource types of Cloudforet's collector protocol. */
    public static final Set<String> RESOURCE_TYPES = Set.of("inventory.CloudService", "inventory.CloudServiceType",
            "inventory.Region", "inventory.Namespace", "inventory.Metric", "inventory.ErrorResource");

    /** The collector under test. */
    protected abstract CollectorPlugin plugin();

    /** Options under which the collector works. */
    protected abstract Map<String, Object> options();

    /** Credentials that work. */
    protected abstract Map<String, Object> secretData();

    /** Credentials the collector must reject. */
    protected abstract Map<String, Object> badSecretData();

    /** Options {@code verify} must reject, or null when the collector accepts any options. */
    protected Map<String, Object> badOptions() {
        return null;
    }

    /** Whether a collection with empty task options covers the whole account (the API's default). */
    protected boolean collectsWholeAccountWithoutTask() {
        return true;
    }

    /** Most items one collection may stream in this test. */
    protected int itemLimit() {
        return 100_000;
    }

    @Test
    void initAnswersTheSupportedResourceTypes() {
        PluginMetadata metadata = plugin().init(options());
        assertJsonObject("init metadata", metadata.values());
        assertThat(supportedResourceTypes(metadata)).isNotEmpty().allSatisfy(type -> assertThat(RESOURCE_TYPES).contains(type));
    }

    @Test
    void verifyPassesWithGoodCredentials() {
        plugin().verify(options(), secretData());
    }

    @Test
    void verifyRejectsBadCredentials() {
        assertRejected("verify with bad secret data", () -> plugin().verify(options(), badSecretData()));
    }

    @Test
    void verifyRejectsBadOptions() {
        assumeTrue(badOptions() != null, "the collector accepts any options");
        assertRejected("verify with bad options", () -> plugin().verify(badOptions(), secretData()));
    }

    @Test
    void tasksAreNonEmptyAndJson() {
        List<CollectTask> tasks = plugin().tasks(request(Map.of()));
        assertThat(tasks).isNotEmpty();
        tasks.forEach(task -> assertJsonObject("task options", task.taskOptions()));
    }

    @Test
    void everyCollectedItemIsWellFormed() {
        CollectorPlugin plugin = plugin();
        Set<String> supported = new LinkedHashSet<>(supportedResourceTypes(plugin.init(options())));
        List<CollectedResource> items = collectAllTasks(plugin);
        assertThat(items).as("items collected over all tasks").isNotEmpty();
        for (CollectedResource item : items) {
            assertWellFormed(item, supported);
        }
    }

    @Test
    void tasksCoverTheWholeCollection() {
        assumeTrue(collectsWholeAccountWithoutTask(), "the collector needs task options");
        CollectorPlugin plugin = plugin();
        Set<List<Object>> whole = identities(consume("collect without task", plugin.collect(request(Map.of())), itemLimit()));
        Set<List<Object>> overTasks = identities(collectAllTasks(plugin));
        assertThat(overTasks).as("items over all tasks, by resource type and first match rule")
                .containsExactlyInAnyOrderElementsOf(whole);
    }

    @Test
    void collectRejectsBadCredentials() {
        CollectRequest request = new CollectRequest(options(), badSecretData(), Map.of(), firstTaskOptions());
        assertRejected("collect with bad secret data",
                () -> consume("collect with bad secret data", plugin().collect(request), itemLimit()));
    }

    @Test
    void closingTheStreamEarlyStopsTheCollection() {
        CollectorPlugin plugin = plugin();
        takeOneAndClose(plugin.collect(request(firstTaskOptions())));
        // The plugin stays usable after a caller gave up on a stream.
        List<CollectedResource> again = consume("collect after an early close", plugin.collect(request(firstTaskOptions())), itemLimit());
        assertThat(again).isNotEmpty();
    }

    private CollectRequest request(Map<String, Object> taskOptions) {
        return new CollectRequest(options(), secretData(), Map.of(), taskOptions);
    }

    private Map<String, Object> firstTaskOptions() {
        return plugin().tasks(request(Map.of())).get(0).taskOptions();
    }

    private List<CollectedResource> collectAllTasks(CollectorPlugin plugin) {
        List<CollectedResource> items = new ArrayList<>();
        for (CollectTask task : plugin.tasks(request(Map.of()))) {
            items.addAll(consume("collect of task " + task.taskOptions(), plugin.collect(request(task.taskOptions())), itemLimit()));
        }
        return items;
    }

    private static void assertWellFormed(CollectedResource item, Set<String> supported) {
        String where = item.state() + " item " + item.resourceType() + " " + item.resource().get("name");
        assertJsonObject(where + " resource", item.resource());
        if (item.state() == CollectedResource.State.FAILURE) {
            assertThat(item.message()).as(where + ": message").isNotBlank();
            return;
        }
        assertThat(supported).as(where + ": resource type among init's supported_resource_type").contains(item.resourceType());
        assertThat(item.matchRules()).as(where + ": match rules").isNotEmpty();
        for (List<String> rule : item.matchRules()) {
            assertThat(rule).as(where + ": a match rule").isNotEmpty();
            for (String key : rule) {
                Object value = valueAt(item.resource(), key);
                assertThat(value).as(where + ": match key " + key + " resolves in the resource").isNotNull();
                assertThat(value.toString()).as(where + ": match key " + key).isNotEmpty();
            }
        }
        for (String field : requiredFields(item.resourceType())) {
            assertThat(valueAt(item.resource(), field)).as(where + ": " + field)
                    .isInstanceOf(String.class).asString().isNotBlank();
        }
    }

    /** What Cloudforet requires to create an item of the type. */
    private static List<String> requiredFields(String resourceType) {
        return switch (resourceType) {
            case "inventory.CloudService" -> List.of("provider", "cloud_service_group", "cloud_service_type");
            case "inventory.CloudServiceType" -> List.of("name", "group", "provider");
            case "inventory.Region" -> List.of("region_code", "provider");
            default -> List.of();
        };
    }

    private static Set<List<Object>> identities(List<CollectedResource> items) {
        Set<List<Object>> identities = new LinkedHashSet<>();
        for (CollectedResource item : items) {
            List<Object> identity = new ArrayList<>();
            identity.add(item.state());
            identity.add(item.resourceType());
            List<String> rule = item.matchRules().isEmpty() ? List.of() : item.matchRules().get(0);
            rule.forEach(key -> identity.add(valueAt(item.resource(), key)));
            if (rule.isEmpty()) {
                identity.add(item.message());
            }
            identities.add(identity);
        }
        return identities;
    }

    @SuppressWarnings("unchecked")
    private static List<String> supportedResourceTypes(PluginMetadata metadata) {
        Object types = metadata.values().get("supported_resource_type");
        assertThat(types).as("init metadata supported_resource_type").isInstanceOf(List.class);
        ((List<Object>) types).forEach(type -> assertThat(type).as("a supported resource type").isInstanceOf(String.class));
        return (List<String>) types;
    }
}
