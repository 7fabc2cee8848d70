package dev.canopy.server.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter per domain that every identity change bumps, in the transaction of the change. What
 * an instance caches about a domain's users is valid for one generation, so a disabled user, a
 * deleted key or a removed binding takes effect at once on every instance.
 *
 * <p>Reading the generation from the database on every request would cost a round trip per call.
 * Instead each instance listens to the database's announcements of new generations
 * ({@link GenerationListener}) and keeps them in memory; its own changes it records when they
 * commit. While the listener is not connected, every read goes to the database again.
 */
@Component
public class Generations {

    private final JdbcClient jdbc;
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    private volatile boolean listening;

    Generations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current(String domainId) {
        if (listening) {
            Long generation = known.get(domainId);
            if (generation != null) {
                return generation;
            }
        }
        long stored = jdbc.sql("SELECT generation FROM identity_generation WHERE domain_id = ?")
                .param(domainId).query(Long.class).optional().orElse(0L);
        if (listening) {
            observe(domainId, stored);
        }
        return stored;
    }

    public void bump(String domainId) {
        long generation = jdbc.sql("INSERT INTO identity_generation (domain_id, generation) VALUES (?, 1)"
                        + " ON CONFLICT (domain_id) DO UPDATE SET generation = identity_generation.generation + 1"
                        + " RETURNING generation")
                .param(domainId).query(Long.class).single();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    observe(domainId, generation);
                }
            });
        } else {
            observe(domainId, generation);
        }
    }

    /** A generation seen committed; generations only grow, so an older one never replaces a newer. */
    void observe(String domainId, long generation) {
        known.merge(domainId, generation, Math::max);
    }

    /** The listener is connected: from now on, announced generations keep the memory current. */
    void listening() {
        known.clear();
        listening = true;
    }

    /** The listener lost its connection: announcements may be missed, so read the database again. */
    void deaf() {
        listening = false;
        known.clear();
    }
}
