package dev.canopy.server.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import dev.canopy.server.identity.IdentityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens: random, stored only as a SHA-256 hash, good for one use. Presenting a token
 * that was already used revokes every refresh token of its user, since only a stolen copy can be
 * used twice.
 */
@Component
class RefreshTokens {

    private static final String PREFIX = "cr_";

    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(JdbcClient jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    String create(String domainId, String userId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("INSERT INTO refresh_token (token_hash, domain_id, user_id, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash(token), domainId, userId, Timestamp.from(Instant.now().plus(properties.refreshTokenTtl())))
                .update();
        return token;
    }

    /** The subject of an unused, unexpired refresh token, which this marks used; empty otherwise. */
    Optional<AccessTokens.Subject> use(String token) {
        String hash = hash(token);
        Optional<AccessTokens.Subject> fresh = jdbc.sql("UPDATE refresh_token SET used_at = now()"
                        + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING domain_id, user_id")
                .param(hash)
                .query((row, index) -> new AccessTokens.Subject(row.getString(1), row.getString(2))).optional();
        if (fresh.isEmpty()) {
            jdbc.sql("SELECT domain_id, user_id FROM refresh_token WHERE token_hash = ? AND used_at IS NOT NULL")
                    .param(hash)
                    .query((row, index) -> new AccessTokens.Subject(row.getString(1), row.getString(2))).optional()
                    .ifPresent(this::revokeAll);
        }
        return fresh;
    }

    void revokeAll(AccessTokens.Subject subject) {
        jdbc.sql("UPDATE refresh_token SET used_at = now() WHERE domain_id = ? AND user_id = ? AND used_at IS NULL")
                .params(subject.domainId(), subject.userId()).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
