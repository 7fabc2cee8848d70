package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import dev.canopy.server.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Identity generations are served from memory and kept current by the database's announcements. */
class GenerationsIT extends TestServer {

    private static final String DOMAIN = "domain-default";

    @Autowired
    Generations generations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void servesGenerationsFromMemoryAndLearnsOtherInstancesChangesFromTheDatabase() throws InterruptedException {
        generations.bump(DOMAIN);
        long known = generations.current(DOMAIN);

        // A change nobody announces is not seen: the generation comes from memory, not a query.
        jdbc.sql("ALTER TABLE identity_generation DISABLE TRIGGER identity_generation_notify").update();
        try {
            jdbc.sql("UPDATE identity_generation SET generation = ? WHERE domain_id = ?").params(known + 100, DOMAIN).update();
            assertThat(generations.current(DOMAIN)).isEqualTo(known);
        } finally {
            jdbc.sql("ALTER TABLE identity_generation ENABLE TRIGGER identity_generation_notify").update();
        }

        // A change by another instance (here: plain SQL) is announced at commit and picked up.
        jdbc.sql("UPDATE identity_generation SET generation = ? WHERE domain_id = ?").params(known + 101, DOMAIN).update();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (generations.current(DOMAIN) != known + 101 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(generations.current(DOMAIN)).isEqualTo(known + 101);
    }

    @Test
    void ownChangesCountFromTheirCommit() {
        long before = generations.current(DOMAIN);
        generations.bump(DOMAIN);
        assertThat(generations.current(DOMAIN)).isGreaterThan(before);
    }
}
