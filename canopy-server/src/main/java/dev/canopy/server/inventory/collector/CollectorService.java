package dev.canopy.server.inventory.collector;

import java.util.List;

import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.query.Query;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.ApiJson;
import dev.canopy.server.api.Caller;
import dev.canopy.server.identity.ServiceAccounts;
import dev.canopy.server.inventory.InventoryKinds;
import dev.canopy.server.inventory.job.JobService;
import dev.canopy.server.plugin.PluginInfo;
import dev.canopy.server.plugin.PluginRuntime;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collectors: a collector plugin bound with its options (its {@code init} metadata stored in
 * {@code plugin_info}), the service accounts it collects, and when it runs by itself.
 * Collectors belong to the whole domain.
 */
@Service
class CollectorService {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final PluginRuntime plugins;
    private final ServiceAccounts accounts;
    private final JobService jobs;
    /** Records become documents in the API's own shape (snake_case keys, no nulls). */
    private final JsonMapper json;

    CollectorService(DocumentStore store, PluginRuntime plugins, ServiceAccounts accounts, JobService jobs, ApiJson apiJson) {
        this.store = store;
        this.plugins = plugins;
        this.accounts = accounts;
        this.jobs = jobs;
        this.json = apiJson.mapper();
    }

    @Transactional
    ObjectNode create(Caller caller, CollectorRequests.CollectorCreate request) {
        StoreScope scope = StoreScope.of(caller, InventoryKinds.COLLECTOR);
        PluginInfo bound = plugins.bind(request.pluginInfo(), CollectorPlugin.class);
        String provider = request.provider() != null ? request.provider().strip()
                : bound.metadata() != null && bound.metadata().hasNonNull("provider") ? bound.metadata().get("provider").asString() : null;
        ObjectNode document = NODES.objectNode().put("name", request.name().strip());
        if (provider != null) {
            document.put("provider", provider);
        }
        document.set("plugin_info", json.valueToTree(bound));
        document.set("schedule", json.valueToTree(request.schedule() != null ? normalized(request.schedule())
                : new CollectorRequests.Schedule(CollectorRequests.State.DISABLED, List.of())));
        document.set("secret_filter", json.valueToTree(request.secretFilter() != null ? request.secretFilter()
                : new CollectorRequests.SecretFilter(List.of())));
        document.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        List<String> chosen = request.secretFilter() != null ? request.secretFilter().serviceAccounts() : List.of();
        if (chosen != null && !chosen.isEmpty()) {
            // Verified against the first chosen account, so a collector that cannot work is not created.
            plugins.verify(bound, accounts.credentials(caller.domainId(), chosen.get(0)).merged());
        }
        return store.create(InventoryKinds.COLLECTOR, scope, document);
    }

    @Transactional
    ObjectNode update(Caller caller, CollectorRequests.CollectorUpdate request) {
        ObjectNode changes = NODES.objectNode();
        if (request.name() != null) {
            if (request.name().isBlank()) {
                throw ApiException.invalidParameter("name", "must not be blank");
            }
            changes.put("name", request.name().strip());
        }
        if (request.schedule() != null) {
            changes.set("schedule", json.valueToTree(normalized(request.schedule())));
        }
        if (request.secretFilter() != null) {
            changes.set("secret_filter", json.valueToTree(request.secretFilter()));
        }
        if (request.tags() != null) {
            changes.set("tags", request.tags());
        }
        return store.update(InventoryKinds.COLLECTOR, StoreScope.of(caller, InventoryKinds.COLLECTOR), request.collectorId(), changes);
    }

    @Transactional
    ObjectNode updatePlugin(Caller caller, CollectorRequests.CollectorUpdatePlugin request) {
        ObjectNode collector = get(caller, new CollectorRequests.CollectorId(request.collectorId()));
        PluginInfo current = json.treeToValue(collector.get("plugin_info"), PluginInfo.class);
        PluginInfo wanted = new PluginInfo(current.pluginId(), request.version() != null ? request.version() : current.version(),
                request.options() != null ? request.options() : current.options(), null,
                request.upgradeMode() != null ? request.upgradeMode() : current.upgradeMode());
        PluginInfo bound = plugins.bind(wanted, CollectorPlugin.class);
        ObjectNode changes = NODES.objectNode();
        changes.set("plugin_info", json.valueToTree(bound));
        return store.update(InventoryKinds.COLLECTOR, StoreScope.of(caller, InventoryKinds.COLLECTOR), request.collectorId(), changes);
    }

    /** Runs the plugin's {@code verify} with the credentials of one of the collector's service accounts. */
    ObjectNode verifyPlugin(Caller caller, CollectorRequests.CollectorAccount request) {
        ObjectNode collector = get(caller, new CollectorRequests.CollectorId(request.collectorId()));
        List<ServiceAccounts.AccountRef> targets = targets(caller.domainId(), collector, request.serviceAccountId());
        if (targets.isEmpty()) {
            throw ApiException.invalidParameter("service_account_id", "the collector has no service account to verify with");
        }
        PluginInfo info = json.treeToValue(collector.get("plugin_info"), PluginInfo.class);
        plugins.verify(info, accounts.credentials(caller.domainId(), targets.get(0).serviceAccountId()).merged());
        return NODES.objectNode().put("collector_id", request.collectorId())
                .put("service_account_id", targets.get(0).serviceAccountId()).put("verified", true);
    }

    /** Starts a job: one task per service account, run by the workers. */
    ObjectNode collect(Caller caller, CollectorRequests.CollectorAccount request) {
        ObjectNode collector = get(caller, new CollectorRequests.CollectorId(request.collectorId()));
        List<ServiceAccounts.AccountRef> targets = targets(caller.domainId(), collector, request.serviceAccountId());
        if (targets.isEmpty()) {
            throw ApiException.invalidParameter("collector_id",
                    "the collector has no service account to collect: create one of its provider or choose some in secret_filter");
        }
        return jobs.start(caller.domainId(), collector, targets, request.serviceAccountId());
    }

    /** Starts a job of a collector whose schedule is due; no job when it has no service account. */
    void collectScheduled(String domainId, ObjectNode collector) {
        List<ServiceAccounts.AccountRef> targets = targets(domainId, collector, null);
        if (!targets.isEmpty()) {
            jobs.start(domainId, collector, targets, null);
        }
    }

    @Transactional
    ObjectNode delete(Caller caller, CollectorRequests.CollectorId request) {
        if (!store.delete(InventoryKinds.COLLECTOR, StoreScope.of(caller, InventoryKinds.COLLECTOR), request.collectorId())) {
            throw ApiException.notFound("collector_id", request.collectorId());
        }
        return NODES.objectNode();
    }

    ObjectNode get(Caller caller, CollectorRequests.CollectorId request) {
        return store.get(InventoryKinds.COLLECTOR, StoreScope.of(caller, InventoryKinds.COLLECTOR), request.collectorId())
                .orElseThrow(() -> ApiException.notFound("collector_id", request.collectorId()));
    }

    ListResult list(Caller caller, CollectorRequests.CollectorList request) {
        return store.list(InventoryKinds.COLLECTOR, StoreScope.of(caller, InventoryKinds.COLLECTOR),
                request.query() != null ? request.query() : Query.ALL);
    }

    StatResult stat(Caller caller, CollectorRequests.CollectorStat request) {
        return store.stat(InventoryKinds.COLLECTOR, StoreScope.of(caller, InventoryKinds.COLLECTOR), request.query());
    }

    private List<ServiceAccounts.AccountRef> targets(String domainId, ObjectNode collector, String serviceAccountId) {
        if (serviceAccountId != null) {
            return accounts.accounts(domainId, null, List.of(serviceAccountId));
        }
        List<String> chosen = json.convertValue(collector.path("secret_filter").path("service_accounts"),
                json.getTypeFactory().constructCollectionType(List.class, String.class));
        String provider = collector.hasNonNull("provider") ? collector.get("provider").asString() : null;
        return accounts.accounts(domainId, provider, chosen);
    }

    private static CollectorRequests.Schedule normalized(CollectorRequests.Schedule schedule) {
        return new CollectorRequests.Schedule(schedule.state(),
                schedule.hours() == null ? List.of() : schedule.hours().stream().distinct().sorted().toList());
    }
}
