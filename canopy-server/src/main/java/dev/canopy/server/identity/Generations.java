package dev.canopy.server.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A counter per domain that every identity change bumps, in the transaction of the change. What
 * an instance caches about a domain's users is valid for one generation, so a disabled user, a
 * deleted key or a removed binding takes effect at once on every instance.
 */
@Component
public class Generations {

    private final JdbcClient jdbc;

    Generations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current(String domainId) {
        return jdbc.sql("SELECT generation FROM identity_generation WHERE domain_id = ?")
                .param(domainId).query(Long.class).optional().orElse(0L);
    }

    public void bump(String domainId) {
        jdbc.sql("INSERT INTO identity_generation (domain_id, generation) VALUES (?, 1)"
                        + " ON CONFLICT (domain_id) DO UPDATE SET generation = identity_generation.generation + 1")
                .param(domainId).update();
    }
}
