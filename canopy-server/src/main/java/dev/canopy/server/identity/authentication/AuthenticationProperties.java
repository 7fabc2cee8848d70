package dev.canopy.server.identity.authentication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the API authenticates callers. Bound here, beside the {@code api} module's own limits under
 * the same prefix, so that a misspelt mode fails the start instead of leaving no authenticator.
 *
 * @param authentication {@code required} (the default) or {@code disabled} (benchmarks only)
 */
@ConfigurationProperties("canopy.api")
public record AuthenticationProperties(@DefaultValue("required") AuthenticationMode authentication) {
}
