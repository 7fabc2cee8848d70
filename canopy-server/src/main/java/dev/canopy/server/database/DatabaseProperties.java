package dev.canopy.server.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * @param url             JDBC URL of an external PostgreSQL; empty to run the embedded one
 * @param user            user for the external database
 * @param password        password for the external database
 * @param maxPoolSize     most connections this instance opens
 * @param statementTimeout longest any statement of the API may run before PostgreSQL cancels it
 * @param embeddedDurable whether the embedded database syncs every commit to disk; only tests turn it off
 */
@ConfigurationProperties("canopy.datasource")
record DatabaseProperties(String url, String user, String password,
                          @DefaultValue("10") int maxPoolSize,
                          @DefaultValue("30s") Duration statementTimeout,
                          @DefaultValue("true") boolean embeddedDurable) {

    boolean external() {
        return url != null && !url.isBlank();
    }
}
