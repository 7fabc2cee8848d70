package dev.canopy.server.identity.token;

import java.security.MessageDigest;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * API keys as bearer credentials: {@code ck_<api key id>.<secret>}. The key's row must be
 * enabled; the secret is compared with its stored SHA-256 hash in constant time.
 */
@Component
public class ApiKeyCredentials {

    public static final String PREFIX = "ck_";

    private final JdbcClient jdbc;

    ApiKeyCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static boolean looksLikeKey(String token) {
        return token.startsWith(PREFIX);
    }

    /** The text a client presents for key {@code apiKeyId} with {@code secret}. */
    public static String format(String apiKeyId, String secret) {
        return PREFIX + apiKeyId + "." + secret;
    }

    /** The hash stored for {@code secret}. */
    public static String hash(String secret) {
        return RefreshTokens.hash(secret);
    }

    private record StoredKey(AccessTokens.Subject subject, String secretHash) {
    }

    Optional<AccessTokens.Subject> verify(String token) {
        int dot = token.indexOf('.');
        if (dot < 0 || token.length() > 256) {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), dot);
        String secretHash = hash(token.substring(dot + 1));
        return jdbc.sql("SELECT k.domain_id, k.user_id, s.secret_hash FROM api_key k JOIN api_key_secret s ON s.id = k.id"
                        + " WHERE k.id = ? AND k.state = 'ENABLED'")
                .param(id)
                .query((row, index) -> new StoredKey(new AccessTokens.Subject(row.getString(1), row.getString(2)),
                        row.getString(3)))
                .optional()
                .filter(stored -> MessageDigest.isEqual(stored.secretHash().getBytes(), secretHash.getBytes()))
                .map(StoredKey::subject);
    }
}
