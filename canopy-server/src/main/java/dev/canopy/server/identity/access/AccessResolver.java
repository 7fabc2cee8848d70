package dev.canopy.server.identity.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Works out what a user may do from the database: the user and domain must be enabled; the
 * user's role bindings give domain roles, and project roles on projects and project groups,
 * which flow down the project tree until a lower binding of the user overrides them.
 */
@Component
public class AccessResolver {

    /** A project tree deeper than this is treated as broken rather than walked forever. */
    private static final int MAX_DEPTH = 256;

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    AccessResolver(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Binding(String roleId, String roleType, String projectId, String projectGroupId) {
    }

    /** The user's access, or empty when the user or the domain does not exist or is disabled. */
    @Transactional(readOnly = true)
    public Optional<UserAccess> resolve(String domainId, String userId) {
        Optional<Boolean> root = jdbc.sql("SELECT is_root FROM domain WHERE id = ? AND state = 'ENABLED'")
                .param(domainId).query(Boolean.class).optional();
        boolean enabled = jdbc.sql("SELECT count(*) FROM identity_user WHERE domain_id = ? AND user_id = ? AND state = 'ENABLED'")
                .params(domainId, userId).query(Long.class).single() == 1;
        if (root.isEmpty() || !enabled) {
            return Optional.empty();
        }
        List<Binding> bindings = jdbc.sql("SELECT role_id, role_type, project_id, project_group_id FROM role_binding"
                        + " WHERE domain_id = ? AND user_id = ?")
                .params(domainId, userId)
                .query((row, index) -> new Binding(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                .list();
        Map<String, RoleGrant> roles = roles(domainId, bindings);

        List<RoleGrant> domainRoles = new ArrayList<>();
        Map<String, List<RoleGrant>> boundOnProjects = new HashMap<>();
        Map<String, List<RoleGrant>> boundOnGroups = new HashMap<>();
        for (Binding binding : bindings) {
            RoleGrant role = roles.get(binding.roleId());
            if (role == null) {
                continue; // a binding to a role deleted since grants nothing
            }
            if (binding.projectId() != null) {
                boundOnProjects.computeIfAbsent(binding.projectId(), id -> new ArrayList<>()).add(role);
            } else if (binding.projectGroupId() != null) {
                boundOnGroups.computeIfAbsent(binding.projectGroupId(), id -> new ArrayList<>()).add(role);
            } else if ("DOMAIN".equals(binding.roleType())) {
                domainRoles.add(role);
            }
        }
        if (root.get() && domainRoles.stream().anyMatch(RoleGrant::administersDomain)) {
            domainRoles.add(new RoleGrant("system", List.of(SystemPermissions::includes), false));
        }
        if (boundOnProjects.isEmpty() && boundOnGroups.isEmpty()) {
            return Optional.of(new UserAccess(domainRoles, Map.of(), Map.of()));
        }
        return Optional.of(inherited(domainId, domainRoles, boundOnProjects, boundOnGroups));
    }

    /** Spreads project roles down the tree: each node takes its own bindings, else its parent's. */
    private UserAccess inherited(String domainId, List<RoleGrant> domainRoles, Map<String, List<RoleGrant>> boundOnProjects,
                                 Map<String, List<RoleGrant>> boundOnGroups) {
        Map<String, String> parents = new HashMap<>();
        jdbc.sql("SELECT id, parent_group_id FROM project_group WHERE domain_id = ?").param(domainId)
                .query((row, index) -> parents.put(row.getString(1), row.getString(2))).list();
        Map<String, List<RoleGrant>> groupRoles = new HashMap<>();
        for (String group : parents.keySet()) {
            List<RoleGrant> effective = effective(group, parents, boundOnGroups);
            if (!effective.isEmpty()) {
                groupRoles.put(group, effective);
            }
        }
        Map<String, List<RoleGrant>> projectRoles = new HashMap<>();
        jdbc.sql("SELECT id, project_group_id FROM project WHERE domain_id = ?").param(domainId)
                .query((row, index) -> {
                    String project = row.getString(1);
                    List<RoleGrant> effective = boundOnProjects.getOrDefault(project,
                            groupRoles.getOrDefault(row.getString(2), List.of()));
                    if (!effective.isEmpty()) {
                        projectRoles.put(project, effective);
                    }
                    return project;
                }).list();
        return new UserAccess(domainRoles, projectRoles, groupRoles);
    }

    private static List<RoleGrant> effective(String group, Map<String, String> parents,
                                             Map<String, List<RoleGrant>> boundOnGroups) {
        String node = group;
        for (int depth = 0; node != null && depth < MAX_DEPTH; depth++) {
            List<RoleGrant> bound = boundOnGroups.get(node);
            if (bound != null) {
                return bound;
            }
            node = parents.get(node);
        }
        return List.of();
    }

    private Map<String, RoleGrant> roles(String domainId, List<Binding> bindings) {
        String[] roleIds = bindings.stream().map(Binding::roleId).distinct().toArray(String[]::new);
        if (roleIds.length == 0) {
            return Map.of();
        }
        Map<String, JsonNode> roleDocs = new HashMap<>();
        jdbc.sql("SELECT id, doc FROM role WHERE domain_id = ? AND id = ANY(?)").params(domainId, roleIds)
                .query((row, index) -> roleDocs.put(row.getString(1), json.readTree(row.getString(2)))).list();
        Set<String> customIds = new LinkedHashSet<>();
        roleDocs.values().forEach(role -> role.path("policies").forEach(policy -> {
            if ("CUSTOM".equals(policy.path("policy_type").asString())) {
                customIds.add(policy.path("policy_id").asString());
            }
        }));
        Map<String, Predicate<String>> custom = new HashMap<>();
        if (!customIds.isEmpty()) {
            jdbc.sql("SELECT id, doc FROM policy WHERE domain_id = ? AND id = ANY(?)")
                    .params(domainId, customIds.toArray(String[]::new))
                    .query((row, index) -> custom.put(row.getString(1), customPolicy(json.readTree(row.getString(2))))).list();
        }
        Map<String, RoleGrant> roles = new HashMap<>();
        roleDocs.forEach((roleId, role) -> {
            List<Predicate<String>> policies = new ArrayList<>();
            boolean[] administers = {false};
            role.path("policies").forEach(policy -> {
                String policyId = policy.path("policy_id").asString();
                if ("CUSTOM".equals(policy.path("policy_type").asString())) {
                    Optional.ofNullable(custom.get(policyId)).ifPresent(policies::add);
                } else {
                    ManagedPolicy.byId(policyId).ifPresent(managed -> {
                        policies.add(managed::permits);
                        administers[0] |= managed == ManagedPolicy.DOMAIN_ADMIN;
                    });
                }
            });
            roles.put(roleId, new RoleGrant(roleId, policies, administers[0]));
        });
        return roles;
    }

    private static Predicate<String> customPolicy(JsonNode policy) {
        List<PermissionPattern> patterns = new ArrayList<>();
        policy.path("permissions").forEach(permission -> {
            try {
                patterns.add(PermissionPattern.of(permission.asString()));
            } catch (IllegalArgumentException unusable) {
                // validated when written; an unreadable pattern grants nothing
            }
        });
        // Managing domains and signing keys reaches across every domain: only the root domain's
        // administrators hold it (see resolve), never through a policy a domain writes for itself.
        return permission -> patterns.stream().anyMatch(pattern -> pattern.matches(permission))
                && !isSystemPermission(permission);
    }

    /** Whether {@code permission} is one only the root domain's administrators hold. */
    public static boolean isSystemPermission(String permission) {
        return SystemPermissions.includes(permission);
    }
}
