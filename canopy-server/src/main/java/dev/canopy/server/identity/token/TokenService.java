package dev.canopy.server.identity.token;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.ErrorCode;
import dev.canopy.server.identity.IdentityProperties;
import dev.canopy.server.identity.access.AccessCache;
import dev.canopy.server.identity.user.Passwords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Signing in ({@code issue}) and renewing ({@code refresh}). Every failure answers the same
 * {@code ERROR_AUTHENTICATE_FAILURE}, whether the user, the password or the domain was wrong, so
 * that nothing can be learnt by guessing; a user with too many failures in a row is locked out
 * for a while. Statements run one by one, outside a transaction, so that a failure's count and a
 * revocation stay recorded when the call itself fails.
 */
@Service
public class TokenService {

    private final JdbcClient jdbc;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final AccessCache access;
    private final IdentityProperties properties;

    TokenService(JdbcClient jdbc, Passwords passwords, AccessTokens accessTokens, RefreshTokens refreshTokens,
                 AccessCache access, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.access = access;
        this.properties = properties;
    }

    /** An access token and a refresh token. */
    public record TokenPair(String accessToken, String refreshToken) {

        @Override
        public String toString() {
            return "TokenPair[access_token=<hidden>, refresh_token=<hidden>]";
        }
    }

    private record Credential(String passwordHash, int failedLogins, Instant lockedUntil) {
    }

    TokenPair issue(String domainId, String userId, String password) {
        String domain = domainId != null ? domainId
                : jdbc.sql("SELECT id FROM domain WHERE is_root").query(String.class).optional().orElse(null);
        Optional<Credential> credential = domain == null ? Optional.empty()
                : jdbc.sql("SELECT c.password_hash, c.failed_logins, c.locked_until FROM user_credential c"
                                + " JOIN identity_user u ON u.domain_id = c.domain_id AND u.user_id = c.user_id"
                                + " WHERE c.domain_id = ? AND c.user_id = ? AND u.auth_type = 'LOCAL'")
                        .params(domain, userId)
                        .query((row, index) -> new Credential(row.getString(1), row.getInt(2),
                                row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant()))
                        .optional();
        Instant now = Instant.now();
        if (credential.isPresent() && credential.get().lockedUntil() != null && credential.get().lockedUntil().isAfter(now)) {
            throw new ApiException(ErrorCode.ERROR_AUTHENTICATE_FAILURE,
                    "Too many failed sign-ins; try again after " + credential.get().lockedUntil(), Map.of());
        }
        boolean matches = passwords.matches(password, credential.map(Credential::passwordHash).orElse(null));
        if (!matches || credential.isEmpty() || access.access(domain, userId).isEmpty()) {
            credential.ifPresent(found -> recordFailure(domain, userId, found, now));
            throw failed();
        }
        if (credential.get().failedLogins() > 0) {
            jdbc.sql("UPDATE user_credential SET failed_logins = 0, locked_until = NULL WHERE domain_id = ? AND user_id = ?")
                    .params(domain, userId).update();
        }
        return pair(domain, userId);
    }

    TokenPair refresh(String refreshToken) {
        AccessTokens.Subject subject = refreshTokens.use(refreshToken).orElseThrow(TokenService::failed);
        if (access.access(subject.domainId(), subject.userId()).isEmpty()) {
            throw failed();
        }
        return pair(subject.domainId(), subject.userId());
    }

    private TokenPair pair(String domainId, String userId) {
        return new TokenPair(accessTokens.issue(domainId, userId), refreshTokens.create(domainId, userId));
    }

    private void recordFailure(String domainId, String userId, Credential credential, Instant now) {
        int failures = credential.failedLogins() + 1;
        Instant lockedUntil = failures >= properties.maxFailedLogins() ? now.plus(properties.lockout()) : null;
        jdbc.sql("UPDATE user_credential SET failed_logins = ?, locked_until = ? WHERE domain_id = ? AND user_id = ?")
                .params(lockedUntil != null ? 0 : failures, lockedUntil == null ? null : Timestamp.from(lockedUntil),
                        domainId, userId)
                .update();
    }

    private static ApiException failed() {
        return new ApiException(ErrorCode.ERROR_AUTHENTICATE_FAILURE, "Authentication failed", Map.of());
    }
}
