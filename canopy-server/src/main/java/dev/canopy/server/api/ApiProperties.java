package dev.canopy.server.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the REST API.
 *
 * @param maxBodySize largest request body accepted; larger ones are refused with 413
 */
@ConfigurationProperties("canopy.api")
record ApiProperties(@DefaultValue("10MB") DataSize maxBodySize) {
}
