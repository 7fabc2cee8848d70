package dev.canopy.server.repository;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The verbs of {@code repository.Plugin}; those that write are system permissions. */
@Component
class RegistryVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    RegistryVerbs(PluginRegistry registry) {
        verbs = List.of(
                Verb.of("repository", "Plugin", "register", "Registers a remote plugin endpoint or a managed plugin artifact",
                        PluginRequests.PluginRegister.class, ObjectNode.class, registry::register),
                Verb.of("repository", "Plugin", "update", "Changes a registered plugin; versions replace the list when given",
                        PluginRequests.PluginUpdate.class, ObjectNode.class, registry::update),
                Verb.of("repository", "Plugin", "deregister", "Removes a registered plugin",
                        PluginRequests.PluginId.class, ObjectNode.class, registry::deregister),
                Verb.of("repository", "Plugin", "enable", "Lets resources bind the plugin again",
                        PluginRequests.PluginId.class, ObjectNode.class, registry::enable),
                Verb.of("repository", "Plugin", "disable", "Stops resources from binding the plugin",
                        PluginRequests.PluginId.class, ObjectNode.class, registry::disable),
                Verb.of("repository", "Plugin", "get", "Reads a plugin",
                        PluginRequests.PluginId.class, ObjectNode.class, registry::get),
                Verb.of("repository", "Plugin", "list", "Lists plugins matching a query",
                        PluginRequests.PluginList.class, ListResult.class, registry::list),
                Verb.of("repository", "Plugin", "stat", "Computes statistics over plugins",
                        PluginRequests.PluginStat.class, StatResult.class, registry::stat),
                Verb.of("repository", "Plugin", "get_versions", "Lists a plugin's versions, newest first",
                        PluginRequests.PluginId.class, PluginRequests.PluginVersions.class, registry::getVersions));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
