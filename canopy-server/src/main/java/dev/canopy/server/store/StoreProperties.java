package dev.canopy.server.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of queries.
 *
 * @param maxPageLimit most documents one {@code list} or {@code stat} page returns, whatever it asks for
 */
@ConfigurationProperties("canopy.query")
record StoreProperties(@DefaultValue("1000") int maxPageLimit) {
}
