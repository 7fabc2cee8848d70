package dev.canopy.server.api;

import java.util.Set;

/**
 * Where a caller may use one permission: the whole domain, or only some projects and project
 * groups (those a project role is bound on, and everything below them), or nowhere.
 */
public record Reach(boolean wholeDomain, Set<String> projects, Set<String> projectGroups) {

    public static final Reach DOMAIN = new Reach(true, Set.of(), Set.of());
    public static final Reach NONE = new Reach(false, Set.of(), Set.of());

    public Reach {
        projects = Set.copyOf(projects);
        projectGroups = Set.copyOf(projectGroups);
    }

    public boolean none() {
        return !wholeDomain && projects.isEmpty() && projectGroups.isEmpty();
    }

    /** Whether a resource of {@code projectId} (null for domain-level resources) is within reach. */
    public boolean covers(String projectId) {
        return wholeDomain || (projectId != null && projects.contains(projectId));
    }
}
