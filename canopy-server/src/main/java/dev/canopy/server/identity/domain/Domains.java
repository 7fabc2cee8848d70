package dev.canopy.server.identity.domain;

import java.util.List;

import dev.canopy.server.identity.Generations;
import dev.canopy.server.identity.IdentityKinds;
import dev.canopy.server.identity.access.ManagedPolicy;
import dev.canopy.server.identity.user.Passwords;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.IdGenerator;
import dev.canopy.server.store.StoreScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates domains: the domain itself, its default roles (Domain Admin, Domain Viewer, Project
 * Admin, Project Viewer, Alert Manager Operator) and its first administrator, bound to Domain Admin.
 */
@Service
public class Domains {

    /** The id of the root domain that the first start creates. */
    public static final String ROOT_ID = "domain-default";

    private record DefaultRole(String name, String roleType, ManagedPolicy policy) {
    }

    private static final List<DefaultRole> DEFAULT_ROLES = List.of(
            new DefaultRole("Domain Admin", "DOMAIN", ManagedPolicy.DOMAIN_ADMIN),
            new DefaultRole("Domain Viewer", "DOMAIN", ManagedPolicy.DOMAIN_VIEWER),
            new DefaultRole("Project Admin", "PROJECT", ManagedPolicy.PROJECT_ADMIN),
            new DefaultRole("Project Viewer", "PROJECT", ManagedPolicy.PROJECT_VIEWER),
            new DefaultRole("Alert Manager Operator", "PROJECT", ManagedPolicy.ALERT_MANAGER_OPERATOR));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JdbcClient jdbc;
    private final DocumentStore store;
    private final Passwords passwords;
    private final Generations generations;

    Domains(JdbcClient jdbc, DocumentStore store, Passwords passwords, Generations generations) {
        this.jdbc = jdbc;
        this.store = store;
        this.passwords = passwords;
        this.generations = generations;
    }

    /** A new domain with its default roles and its first admin (a local user bound to Domain Admin). */
    @Transactional
    public String create(String name, boolean root, String adminUserId, String adminPassword) {
        String domainId = root ? ROOT_ID : IdGenerator.next("domain");
        ObjectNode domain = NODES.objectNode().put("domain_id", domainId).put("name", name).put("state", "ENABLED");
        domain.putObject("tags");
        jdbc.sql("INSERT INTO domain (id, name, state, is_root, created_at, updated_at, doc)"
                        + " VALUES (?, ?, 'ENABLED', ?, now(), now(), CAST(? AS jsonb))")
                .params(domainId, name, root, domain.toString()).update();
        StoreScope scope = StoreScope.domain(domainId);
        String adminRoleId = null;
        for (DefaultRole role : DEFAULT_ROLES) {
            ObjectNode document = NODES.objectNode().put("name", role.name()).put("role_type", role.roleType())
                    .put("is_managed", true);
            document.putArray("policies").addObject().put("policy_type", "MANAGED").put("policy_id", role.policy().id());
            document.putObject("tags");
            String roleId = store.create(IdentityKinds.ROLE, scope, document).get("role_id").asString();
            if (role.policy() == ManagedPolicy.DOMAIN_ADMIN) {
                adminRoleId = roleId;
            }
        }
        ObjectNode admin = NODES.objectNode().put("user_id", adminUserId).put("name", adminUserId)
                .put("state", "ENABLED").put("auth_type", "LOCAL").put("language", "en").put("timezone", "UTC");
        admin.putObject("tags");
        store.create(IdentityKinds.USER, scope, admin);
        jdbc.sql("INSERT INTO user_credential (domain_id, user_id, password_hash) VALUES (?, ?, ?)")
                .params(domainId, adminUserId, passwords.hash(adminPassword)).update();
        ObjectNode binding = NODES.objectNode().put("user_id", adminUserId).put("role_id", adminRoleId)
                .put("role_type", "DOMAIN");
        binding.putObject("tags");
        store.create(IdentityKinds.ROLE_BINDING, scope, binding);
        generations.bump(domainId);
        return domainId;
    }

    /** Whether the root domain exists yet. */
    public boolean rootExists() {
        return jdbc.sql("SELECT count(*) FROM domain WHERE is_root").query(Long.class).single() > 0;
    }
}
