package dev.canopy.server.inventory.collector;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The verbs of {@code inventory.Collector}. */
@Component
class CollectorVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    CollectorVerbs(CollectorService collectors) {
        verbs = List.of(
                Verb.of("inventory", "Collector", "create", "Creates a collector: binds its plugin (init) and verifies it",
                        CollectorRequests.CollectorCreate.class, ObjectNode.class, collectors::create),
                Verb.of("inventory", "Collector", "update", "Changes a collector's name, schedule, service accounts or tags",
                        CollectorRequests.CollectorUpdate.class, ObjectNode.class, collectors::update),
                Verb.of("inventory", "Collector", "update_plugin", "Changes the plugin's version, options or upgrade mode; init runs again",
                        CollectorRequests.CollectorUpdatePlugin.class, ObjectNode.class, collectors::updatePlugin),
                Verb.of("inventory", "Collector", "verify_plugin", "Runs the plugin's verify with a service account's credentials",
                        CollectorRequests.CollectorAccount.class, ObjectNode.class, collectors::verifyPlugin),
                Verb.of("inventory", "Collector", "collect", "Starts a job collecting every service account of the collector, or one",
                        CollectorRequests.CollectorAccount.class, ObjectNode.class, collectors::collect),
                Verb.of("inventory", "Collector", "delete", "Deletes a collector; what it collected stays",
                        CollectorRequests.CollectorId.class, ObjectNode.class, collectors::delete),
                Verb.of("inventory", "Collector", "get", "Reads a collector",
                        CollectorRequests.CollectorId.class, ObjectNode.class, collectors::get),
                Verb.of("inventory", "Collector", "list", "Lists collectors matching a query",
                        CollectorRequests.CollectorList.class, ListResult.class, collectors::list),
                Verb.of("inventory", "Collector", "stat", "Computes statistics over collectors",
                        CollectorRequests.CollectorStat.class, StatResult.class, collectors::stat));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
