package dev.canopy.server.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serialises changes to the shape of one domain's project tree (creating, moving and deleting
 * groups and projects), so that two moves cannot together make a cycle and nothing is created
 * under a group while it is being deleted. Held until the surrounding transaction ends.
 */
@Component
public class ProjectTreeLock {

    private final JdbcClient jdbc;

    ProjectTreeLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the domain's tree lock; must be called inside a transaction. */
    public void lock(String domainId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('canopy.project-tree:' || ?, 0))")
                .param(domainId).query().singleRow();
    }
}
