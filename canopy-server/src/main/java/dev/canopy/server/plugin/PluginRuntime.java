package dev.canopy.server.plugin;

import java.net.URI;
import java.util.Map;

import dev.canopy.plugin.api.Plugin;
import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFactory;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.auth.AuthPlugin;
import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.api.cost.CostDataSourcePlugin;
import dev.canopy.plugin.api.monitoring.MonitoringDataSourcePlugin;
import dev.canopy.plugin.api.notification.NotificationProtocolPlugin;
import dev.canopy.plugin.api.webhook.WebhookPlugin;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.ErrorCode;
import dev.canopy.server.plugin.local.LocalPlugins;
import dev.canopy.server.plugin.local.PluginCallGuard;
import dev.canopy.server.plugin.supervisor.PluginEndpoint;
import dev.canopy.server.plugin.supervisor.Supervisor;
import dev.canopy.server.repository.PluginRegistry;
import dev.canopy.server.repository.PluginVersion;
import dev.canopy.server.repository.RegisteredPlugin;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link PluginInfo} into a plugin to call: the registry says where the plugin version
 * runs (in process, at a remote endpoint, or under the supervisor), and the caller gets the kind's
 * Java interface either way, with deadlines on every call. Plugin failures surface as
 * {@code ERROR_PLUGIN_...} errors; none takes the server down.
 */
public class PluginRuntime {

    private static final Map<PluginKind, Class<? extends Plugin>> INTERFACES = Map.of(
            PluginKind.COLLECTOR, CollectorPlugin.class,
            PluginKind.MONITORING_DATA_SOURCE, MonitoringDataSourcePlugin.class,
            PluginKind.WEBHOOK, WebhookPlugin.class,
            PluginKind.NOTIFICATION_PROTOCOL, NotificationProtocolPlugin.class,
            PluginKind.COST_DATA_SOURCE, CostDataSourcePlugin.class,
            PluginKind.AUTH, AuthPlugin.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final PluginRegistry registry;
    private final LocalPlugins local;
    private final PluginCallGuard guard;
    private final RemotePlugins remote;
    private final Supervisor supervisor;
    private final JsonMapper json = JsonMapper.builder().build();

    PluginRuntime(PluginRegistry registry, LocalPlugins local, PluginCallGuard guard, RemotePlugins remote, Supervisor supervisor) {
        this.registry = registry;
        this.local = local;
        this.guard = guard;
        this.remote = remote;
        this.supervisor = supervisor;
    }

    /**
     * Opens the plugin {@code info} names, of the kind {@code type} stands for; the version is the
     * newest registered one for AUTO upgrade, the one named for MANUAL.
     */
    public <P extends Plugin> PluginSession<P> open(PluginInfo info, Class<P> type) {
        RegisteredPlugin plugin = registered(info);
        if (INTERFACES.get(plugin.kind()) != type) {
            throw ApiException.invalidParameter("plugin_info.plugin_id", "plugin " + plugin.pluginId() + " is a "
                    + plugin.kind().serviceType() + " plugin");
        }
        return open(plugin, info, type);
    }

    private <P extends Plugin> PluginSession<P> open(RegisteredPlugin plugin, PluginInfo info, Class<P> type) {
        PluginVersion version = version(plugin, info);
        P opened = switch (plugin.registryType()) {
            case BUILTIN -> inProcess(plugin, type);
            case REMOTE -> remote.connect(plugin.kind(), type, URI.create(version.endpoint()).getAuthority());
            case MANAGED -> {
                try {
                    PluginEndpoint endpoint = supervisor.ensure(plugin, version);
                    yield remote.connect(plugin.kind(), type, endpoint.target());
                } catch (PluginException failed) {
                    throw failure(plugin.pluginId(), failed);
                }
            }
        };
        return new PluginSession<>(plugin.pluginId(), version.version(), opened);
    }

    /**
     * Binds a plugin: opens it and runs {@code init}; the result is {@code info} with the version
     * used and the metadata returned, to store on the resource.
     */
    public PluginInfo bind(PluginInfo info) {
        return bind(info, INTERFACES.get(registered(info).kind()));
    }

    /** {@link #bind(PluginInfo)}, for a plugin that must be of the kind {@code type} stands for. */
    public <P extends Plugin> PluginInfo bind(PluginInfo info, Class<P> type) {
        try (PluginSession<P> session = open(info, type)) {
            PluginMetadata metadata = session.plugin().init(map(info.options()));
            return info.withResolved(session.version(), json.valueToTree(metadata.values()));
        } catch (PluginException failed) {
            throw failure(info.pluginId(), failed);
        }
    }

    /** Runs the plugin's {@code verify} with the given options and decrypted secret data. */
    public void verify(PluginInfo info, ObjectNode secretData) {
        RegisteredPlugin plugin = registered(info);
        try (PluginSession<? extends Plugin> session = open(plugin, info, INTERFACES.get(plugin.kind()))) {
            session.plugin().verify(map(info.options()), map(secretData));
        } catch (PluginException failed) {
            throw failure(info.pluginId(), failed);
        }
    }

    /** The error a resource reports when its plugin failed. */
    public static ApiException failure(String pluginId, PluginException failed) {
        ErrorCode code = ErrorCode.valueOf(failed.failure().errorCode());
        return new ApiException(code, "Plugin " + pluginId + ": " + failed.getMessage(),
                Map.of("plugin_id", pluginId, "reason", failed.failure().name()));
    }

    /** A JSON object as the plain map plugins take; empty for null. */
    public Map<String, Object> map(ObjectNode node) {
        return node == null ? Map.of() : json.convertValue(node, MAP);
    }

    private RegisteredPlugin registered(PluginInfo info) {
        RegisteredPlugin plugin = registry.find(info.pluginId())
                .orElseThrow(() -> ApiException.notFound("plugin_info.plugin_id", info.pluginId()));
        if (!plugin.enabled()) {
            throw ApiException.invalidParameter("plugin_info.plugin_id", "plugin " + plugin.pluginId() + " is disabled");
        }
        return plugin;
    }

    private static PluginVersion version(RegisteredPlugin plugin, PluginInfo info) {
        if (info.upgradeMode() == PluginInfo.UpgradeMode.MANUAL) {
            if (info.version() == null || info.version().isBlank()) {
                throw ApiException.requiredParameter("plugin_info.version");
            }
            return plugin.version(info.version()).orElseThrow(() -> ApiException.invalidParameter("plugin_info.version",
                    "plugin " + plugin.pluginId() + " has no version " + info.version()));
        }
        return plugin.newest().orElseThrow(() -> ApiException.invalidParameter("plugin_info.plugin_id",
                "plugin " + plugin.pluginId() + " has no version"));
    }

    private <P extends Plugin> P inProcess(RegisteredPlugin plugin, Class<P> type) {
        PluginFactory<?> factory = local.factory(plugin.pluginId()).orElseThrow(() -> failure(plugin.pluginId(),
                new PluginException(PluginFailure.UNAVAILABLE, "is not loaded in this server")));
        return guard.guard(type, type.cast(factory.create()), plugin.pluginId());
    }
}
