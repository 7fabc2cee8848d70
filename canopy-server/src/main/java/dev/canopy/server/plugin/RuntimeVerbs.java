package dev.canopy.server.plugin;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Caller;
import dev.canopy.server.api.Verb;
import dev.canopy.server.plugin.supervisor.InstalledPlugin;
import dev.canopy.server.plugin.supervisor.Supervisor;
import dev.canopy.server.secret.SecretVault;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code plugin.Plugin}: binding and checking a plugin as a resource would; and
 * {@code plugin.Supervisor}: the managed plugins running now (system permissions).
 */
@Component
class RuntimeVerbs implements ApiVerbs {

    private final PluginRuntime runtime;
    private final Supervisor supervisor;
    private final SecretVault vault;
    private final List<Verb<?, ?>> verbs;

    RuntimeVerbs(PluginRuntime runtime, Supervisor supervisor, SecretVault vault) {
        this.runtime = runtime;
        this.supervisor = supervisor;
        this.vault = vault;
        verbs = List.of(
                Verb.of("plugin", "Plugin", "get_plugin_metadata",
                        "Resolves the plugin version (the newest for AUTO upgrade) and returns what its init says",
                        RuntimeRequests.PluginMetadataRequest.class, PluginInfo.class, this::metadata),
                Verb.of("plugin", "Plugin", "verify", "Runs the plugin's verify with the options and a secret's data",
                        RuntimeRequests.PluginVerifyRequest.class, RuntimeRequests.PluginVerified.class, this::verify),
                Verb.of("plugin", "Supervisor", "list_plugins", "Lists the managed plugins running now",
                        RuntimeRequests.SupervisorListPlugins.class, RuntimeRequests.InstalledPlugins.class, this::listPlugins),
                Verb.of("plugin", "Supervisor", "stop_plugin", "Stops a managed plugin version now; the next call starts it again",
                        RuntimeRequests.SupervisorStopPlugin.class, RuntimeRequests.SupervisorStopped.class, this::stopPlugin));
    }

    private PluginInfo metadata(Caller caller, RuntimeRequests.PluginMetadataRequest request) {
        caller.requireWholeDomain();
        return runtime.bind(request.pluginInfo());
    }

    private RuntimeRequests.PluginVerified verify(Caller caller, RuntimeRequests.PluginVerifyRequest request) {
        caller.requireWholeDomain();
        var secretData = request.secretId() == null ? JsonNodeFactory.instance.objectNode()
                : vault.decrypt(caller.domainId(), request.secretId());
        PluginInfo bound = runtime.bind(request.pluginInfo());
        runtime.verify(bound, secretData);
        return new RuntimeRequests.PluginVerified(bound.pluginId(), bound.version());
    }

    private RuntimeRequests.InstalledPlugins listPlugins(Caller caller, RuntimeRequests.SupervisorListPlugins request) {
        List<InstalledPlugin> installed = supervisor.installed();
        return new RuntimeRequests.InstalledPlugins(installed, installed.size());
    }

    private RuntimeRequests.SupervisorStopped stopPlugin(Caller caller, RuntimeRequests.SupervisorStopPlugin request) {
        return new RuntimeRequests.SupervisorStopped(supervisor.stop(request.pluginId(), request.version()));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
