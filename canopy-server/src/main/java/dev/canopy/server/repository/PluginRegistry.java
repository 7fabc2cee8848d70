package dev.canopy.server.repository;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.query.ColumnType;
import dev.canopy.query.Condition;
import dev.canopy.query.Operator;
import dev.canopy.query.Query;
import dev.canopy.query.TableSchema;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.ResourceKind;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The plugin registry. It is one for the whole instance, not per domain: every domain picks from
 * the same plugins, and only the root domain's administrators register them (the verbs that write
 * are system permissions). Documents are kept under the fixed scope {@link #REGISTRY}, which no
 * domain id can equal, and shown without a domain.
 */
@Service
public class PluginRegistry {

    static final ResourceKind PLUGIN = new ResourceKind("repository.Plugin", "plugin", null,
            TableSchema.builder("plugin")
                    .requiredColumn("plugin_id", ColumnType.TEXT)
                    .requiredColumn("name", ColumnType.TEXT)
                    .requiredColumn("service_type", ColumnType.TEXT)
                    .requiredColumn("registry_type", ColumnType.TEXT)
                    .requiredColumn("state", ColumnType.TEXT)
                    .column("provider", ColumnType.TEXT)
                    .keyword("plugin_id", "name")
                    .minimal("plugin_id", "name", "service_type", "registry_type", "state")
                    .defaultSort("plugin_id", false)
                    .build(),
            List.of("plugin_id"));

    private static final StoreScope REGISTRY = StoreScope.domain("*");
    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DocumentStore store;

    PluginRegistry(DocumentStore store) {
        this.store = store;
    }

    /** The plugin with this id, enabled or not. */
    public Optional<RegisteredPlugin> find(String pluginId) {
        return store.findUnique(PLUGIN, REGISTRY, Map.of("plugin_id", pluginId)).map(PluginRegistry::registered);
    }

    /**
     * Makes the built-in plugins exactly those given: new ones are registered, known ones updated,
     * and those no longer present (a jar taken out of the plugins folder) removed.
     */
    @Transactional
    public void replaceBuiltins(List<PluginDescriptor> builtins) {
        Set<String> present = new HashSet<>();
        for (PluginDescriptor descriptor : builtins) {
            present.add(descriptor.pluginId());
            ObjectNode document = document(descriptor.pluginId(), descriptor.name(), descriptor.kind(), RegistryType.BUILTIN,
                    List.of(new PluginVersion(descriptor.version(), null, null, null)), descriptor.provider(),
                    JSON.valueToTree(descriptor.capability()), descriptor.labels(), JSON.valueToTree(descriptor.tags()));
            store.findUnique(PLUGIN, REGISTRY, Map.of("plugin_id", descriptor.pluginId()))
                    .filter(existing -> !existing.path("registry_type").asString().equals(RegistryType.BUILTIN.name()))
                    .ifPresent(registered -> {
                        throw new IllegalStateException("built-in plugin " + descriptor.pluginId()
                                + " has the id of a registered " + registered.path("registry_type").asString() + " plugin");
                    });
            store.upsert(PLUGIN, REGISTRY, document);
        }
        for (ObjectNode stale : store.list(PLUGIN, REGISTRY, Query.ALL.and(new Condition("registry_type",
                StringNode.valueOf(RegistryType.BUILTIN.name()), Operator.EQ))).results()) {
            if (!present.contains(stale.path("plugin_id").asString())) {
                store.deleteUnique(PLUGIN, REGISTRY, Map.of("plugin_id", stale.path("plugin_id").asString()));
            }
        }
    }

    @Transactional
    ObjectNode register(Caller caller, PluginRequests.PluginRegister request) {
        if (!PLUGIN_ID.matcher(request.pluginId()).matches()) {
            throw ApiException.invalidParameter("plugin_id", "use 2 to 64 lowercase letters, digits and dashes");
        }
        PluginKind kind = PluginKind.ofServiceType(request.serviceType()).orElseThrow(() ->
                ApiException.invalidParameter("service_type", "must be one of " + List.of(PluginKind.values()).stream()
                        .map(PluginKind::serviceType).toList()));
        if (request.registryType() == RegistryType.BUILTIN) {
            throw ApiException.invalidParameter("registry_type",
                    "built-in plugins register themselves; register REMOTE endpoints or MANAGED artifacts");
        }
        List<PluginVersion> versions = versions(request.registryType(), request.versions());
        ObjectNode document = document(request.pluginId(), request.name().strip(), kind, request.registryType(), versions,
                request.provider(), request.capability(), request.labels(), request.tags());
        return shown(store.create(PLUGIN, REGISTRY, document));
    }

    @Transactional
    ObjectNode update(Caller caller, PluginRequests.PluginUpdate request) {
        ObjectNode current = writable(request.pluginId());
        ObjectNode changes = NODES.objectNode();
        if (request.name() != null) {
            if (request.name().isBlank()) {
                throw ApiException.invalidParameter("name", "must not be blank");
            }
            changes.put("name", request.name().strip());
        }
        if (request.versions() != null) {
            RegistryType type = RegistryType.valueOf(current.path("registry_type").asString());
            changes.set("versions", versionsNode(versions(type, request.versions())));
        }
        if (request.provider() != null) {
            changes.put("provider", request.provider().strip());
        }
        if (request.capability() != null) {
            changes.set("capability", request.capability());
        }
        if (request.labels() != null) {
            changes.set("labels", JSON.valueToTree(List.copyOf(request.labels())));
        }
        if (request.tags() != null) {
            changes.set("tags", request.tags());
        }
        return shown(store.updateUnique(PLUGIN, REGISTRY, Map.of("plugin_id", request.pluginId()), changes));
    }

    @Transactional
    ObjectNode deregister(Caller caller, PluginRequests.PluginId request) {
        writable(request.pluginId());
        store.deleteUnique(PLUGIN, REGISTRY, Map.of("plugin_id", request.pluginId()));
        return NODES.objectNode();
    }

    @Transactional
    ObjectNode enable(Caller caller, PluginRequests.PluginId request) {
        return setState(request.pluginId(), "ENABLED");
    }

    @Transactional
    ObjectNode disable(Caller caller, PluginRequests.PluginId request) {
        return setState(request.pluginId(), "DISABLED");
    }

    ObjectNode get(Caller caller, PluginRequests.PluginId request) {
        return shown(found(request.pluginId()));
    }

    ListResult list(Caller caller, PluginRequests.PluginList request) {
        ListResult page = store.list(PLUGIN, REGISTRY, request.query() != null ? request.query() : Query.ALL);
        return new ListResult(page.results().stream().map(PluginRegistry::shown).toList(), page.totalCount());
    }

    StatResult stat(Caller caller, PluginRequests.PluginStat request) {
        return store.stat(PLUGIN, REGISTRY, request.query());
    }

    PluginRequests.PluginVersions getVersions(Caller caller, PluginRequests.PluginId request) {
        List<String> versions = registered(found(request.pluginId())).versions().stream().map(PluginVersion::version).toList();
        return new PluginRequests.PluginVersions(versions, versions.size());
    }

    private ObjectNode setState(String pluginId, String state) {
        found(pluginId);
        return shown(store.updateUnique(PLUGIN, REGISTRY, Map.of("plugin_id", pluginId), NODES.objectNode().put("state", state)));
    }

    private ObjectNode found(String pluginId) {
        return store.findUnique(PLUGIN, REGISTRY, Map.of("plugin_id", pluginId))
                .orElseThrow(() -> ApiException.notFound("plugin_id", pluginId));
    }

    /** Built-in plugins are what the server ships or finds in its plugins folder: not changed through the API. */
    private ObjectNode writable(String pluginId) {
        ObjectNode current = found(pluginId);
        if (current.path("registry_type").asString().equals(RegistryType.BUILTIN.name())) {
            throw ApiException.invalidParameter("plugin_id", "a built-in plugin cannot be changed or deregistered");
        }
        return current;
    }

    /** Checks each version's form and source, and orders them newest first. */
    private static List<PluginVersion> versions(RegistryType type, List<PluginVersion> versions) {
        Set<String> seen = new HashSet<>();
        List<PluginVersion> checked = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            PluginVersion version = versions.get(i);
            String key = "versions[" + i + "]";
            if (version == null || !SemanticVersion.isValid(version.version())) {
                throw ApiException.invalidParameter(key + ".version", "must be a semantic version such as 1.2.0");
            }
            if (!seen.add(version.version())) {
                throw ApiException.invalidParameter(key + ".version", "version " + version.version() + " is listed twice");
            }
            checked.add(switch (type) {
                case REMOTE -> new PluginVersion(version.version(), endpoint(key + ".endpoint", version.endpoint()), null, null);
                case MANAGED -> managed(key, version);
                case BUILTIN -> version;
            });
        }
        checked.sort(Comparator.comparing((PluginVersion version) -> SemanticVersion.parse(version.version())).reversed());
        return checked;
    }

    private static String endpoint(String key, String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw ApiException.requiredParameter(key);
        }
        try {
            URI uri = new URI(endpoint.strip());
            if (!"grpc".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                    || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                throw ApiException.invalidParameter(key, "must be grpc://host:port");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw ApiException.invalidParameter(key, "must be grpc://host:port");
        }
    }

    private static PluginVersion managed(String key, PluginVersion version) {
        boolean hasArtifact = version.artifact() != null && !version.artifact().isBlank();
        boolean hasImage = version.image() != null && !version.image().isBlank();
        if (!hasArtifact && !hasImage) {
            throw ApiException.requiredParameter(key + ".artifact");
        }
        if (hasArtifact) {
            Path artifact = Path.of(version.artifact().strip());
            if (!artifact.isAbsolute() || !artifact.toString().endsWith(".jar") || !Files.isRegularFile(artifact)) {
                throw ApiException.invalidParameter(key + ".artifact", "must be the absolute path of a runnable jar on the server");
            }
        }
        return new PluginVersion(version.version(), null, hasArtifact ? version.artifact().strip() : null,
                hasImage ? version.image().strip() : null);
    }

    private static ObjectNode document(String pluginId, String name, PluginKind kind, RegistryType type,
                                       List<PluginVersion> versions, String provider, JsonNode capability,
                                       List<String> labels, JsonNode tags) {
        ObjectNode document = NODES.objectNode()
                .put("plugin_id", pluginId)
                .put("name", name)
                .put("service_type", kind.serviceType())
                .put("registry_type", type.name())
                .put("state", "ENABLED");
        if (provider != null && !provider.isBlank()) {
            document.put("provider", provider.strip());
        }
        document.set("capability", capability != null ? capability : NODES.objectNode());
        document.set("labels", JSON.valueToTree(labels != null ? List.copyOf(labels) : List.of()));
        document.set("tags", tags != null ? tags : NODES.objectNode());
        document.set("versions", versionsNode(versions));
        return document;
    }

    private static ArrayNode versionsNode(List<PluginVersion> versions) {
        ArrayNode array = NODES.arrayNode();
        for (PluginVersion version : versions) {
            ObjectNode entry = array.addObject().put("version", version.version());
            if (version.endpoint() != null) {
                entry.put("endpoint", version.endpoint());
            }
            if (version.artifact() != null) {
                entry.put("artifact", version.artifact());
            }
            if (version.image() != null) {
                entry.put("image", version.image());
            }
        }
        return array;
    }

    private static RegisteredPlugin registered(ObjectNode document) {
        List<PluginVersion> versions = new ArrayList<>();
        for (JsonNode entry : document.path("versions")) {
            versions.add(new PluginVersion(entry.path("version").asString(), text(entry, "endpoint"),
                    text(entry, "artifact"), text(entry, "image")));
        }
        return new RegisteredPlugin(document.path("plugin_id").asString(), document.path("name").asString(),
                PluginKind.ofServiceType(document.path("service_type").asString()).orElseThrow(),
                RegistryType.valueOf(document.path("registry_type").asString()),
                "ENABLED".equals(document.path("state").asString()), versions);
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asString() : null;
    }

    /** The registry belongs to no domain, so documents are shown without one. */
    private static ObjectNode shown(ObjectNode document) {
        document.remove("domain_id");
        return document;
    }
}
