package dev.canopy.server.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param adminPassword   the first admin's password on first start; generated when empty
 * @param accessTokenTtl  how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid (each use replaces it)
 * @param maxFailedLogins failed sign-ins in a row after which a user is locked out for {@code lockout}
 * @param lockout         how long a locked-out user must wait
 */
@ConfigurationProperties("canopy.identity")
public record IdentityProperties(String adminPassword,
                                 @DefaultValue("30m") Duration accessTokenTtl,
                                 @DefaultValue("7d") Duration refreshTokenTtl,
                                 @DefaultValue("10") int maxFailedLogins,
                                 @DefaultValue("5m") Duration lockout) {
}
