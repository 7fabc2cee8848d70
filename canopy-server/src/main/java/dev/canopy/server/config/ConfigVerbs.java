package dev.canopy.server.config;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.query.ColumnType;
import dev.canopy.query.TableSchema;
import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.api.VerbAccess;
import dev.canopy.server.store.AnalyzeResult;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.ResourceKind;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** Declares the two config kinds and serves their verbs. */
@Component
class ConfigVerbs implements ApiVerbs {

    static final ResourceKind DOMAIN_CONFIG = new ResourceKind("config.DomainConfig", "domain-config", null,
            TableSchema.builder("domain_config")
                    .requiredColumn("name", ColumnType.TEXT)
                    .keyword("name")
                    .minimal("name", "domain_id")
                    .defaultSort("name", false)
                    .build(),
            List.of("name"));

    static final ResourceKind USER_CONFIG = new ResourceKind("config.UserConfig", "user-config", null,
            TableSchema.builder("user_config")
                    .requiredColumn("name", ColumnType.TEXT)
                    .requiredColumn("user_id", ColumnType.TEXT)
                    .keyword("name")
                    .minimal("name", "user_id", "domain_id")
                    .defaultSort("name", false)
                    .build(),
            List.of("user_id", "name"));

    private final List<Verb<?, ?>> verbs = new ArrayList<>();

    ConfigVerbs(DocumentStore store) {
        addVerbs("DomainConfig", "domain", new ConfigService(DOMAIN_CONFIG, store,
                caller -> StoreScope.of(caller, DOMAIN_CONFIG)), VerbAccess.PERMISSION);
        // Every signed-in user keeps configs of their own, whatever their roles.
        addVerbs("UserConfig", "your own", new ConfigService(USER_CONFIG, store,
                caller -> StoreScope.domain(caller.domainId()).where("user_id", caller.userId())), VerbAccess.SIGNED_IN);
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }

    private void addVerbs(String resource, String whose, ConfigService service, VerbAccess access) {
        List<Verb<?, ?>> added = new ArrayList<>();
        added.add(Verb.of("config", resource, "create", "Creates a " + whose + " config; its name must be new",
                ConfigRequests.Write.class, ObjectNode.class, service::create));
        added.add(Verb.of("config", resource, "update", "Changes the data or tags of a " + whose + " config",
                ConfigRequests.Update.class, ObjectNode.class, service::update));
        added.add(Verb.of("config", resource, "set", "Creates a " + whose + " config, or replaces its data and tags",
                ConfigRequests.Write.class, ObjectNode.class, service::set));
        added.add(Verb.of("config", resource, "delete", "Deletes a " + whose + " config",
                ConfigRequests.Name.class, ObjectNode.class, service::delete));
        added.add(Verb.of("config", resource, "get", "Reads a " + whose + " config by name",
                ConfigRequests.Name.class, ObjectNode.class, service::get));
        added.add(Verb.of("config", resource, "list", "Lists " + whose + " configs matching a query",
                ConfigRequests.List.class, ListResult.class, service::list));
        added.add(Verb.of("config", resource, "stat", "Computes statistics over " + whose + " configs",
                ConfigRequests.Stat.class, StatResult.class, service::stat));
        added.add(Verb.of("config", resource, "analyze", "Groups " + whose + " configs by keys and date, computing fields per group",
                ConfigRequests.Analyze.class, AnalyzeResult.class, service::analyze));
        added.forEach(verb -> verbs.add(verb.callableBy(access)));
    }
}
