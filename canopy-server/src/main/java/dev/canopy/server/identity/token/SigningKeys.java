package dev.canopy.server.identity.token;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.canopy.server.secret.SecretVault;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The HMAC keys that sign access tokens, kept in the database (encrypted under the secret
 * keyset) so that every instance verifies every token. The newest key signs; older keys go on verifying until a later rotation retires
 * them, so rotating does not sign anyone out.
 */
@Component
public class SigningKeys {

    /** A signing key: its id (the token header's {@code kid}) and its 256-bit secret. */
    public record Key(String kid, byte[] secret) {
    }

    private final JdbcClient jdbc;
    private final SecretVault vault;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Key> known = new ConcurrentHashMap<>();
    private volatile Key current;

    SigningKeys(JdbcClient jdbc, SecretVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    private Key read(java.sql.ResultSet row) throws java.sql.SQLException {
        String kid = row.getString(1);
        byte[] stored = row.getBytes(2);
        return new Key(kid, row.getBoolean(3) ? vault.open(stored, context(kid)) : stored);
    }

    private static String context(String kid) {
        return "signing_key/" + kid;
    }

    /** The key new tokens are signed with; the first one is made on first use. */
    public Key current() {
        Key key = current;
        if (key == null) {
            key = jdbc.sql("SELECT kid, secret, sealed FROM signing_key WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1")
                    .query((row, index) -> read(row)).optional()
                    .orElseGet(this::create);
            current = key;
        }
        return key;
    }

    /** The unretired key {@code kid}, if there is one. */
    public Optional<Key> find(String kid) {
        Key key = known.get(kid);
        if (key != null) {
            return Optional.of(key);
        }
        Optional<Key> stored = jdbc.sql("SELECT kid, secret, sealed FROM signing_key WHERE kid = ? AND retired_at IS NULL")
                .param(kid).query((row, index) -> read(row)).optional();
        stored.ifPresent(found -> known.put(found.kid(), found));
        return stored;
    }

    /**
     * Makes a new signing key and retires all but it and the one before it: tokens signed with
     * the previous key stay valid until they expire.
     */
    @Transactional
    public Key rotate() {
        Key key = create();
        jdbc.sql("UPDATE signing_key SET retired_at = ? WHERE retired_at IS NULL AND kid NOT IN"
                        + " (SELECT kid FROM signing_key WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 2)")
                .param(java.sql.Timestamp.from(Instant.now())).update();
        known.clear();
        current = key;
        return key;
    }

    private Key create() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        byte[] id = new byte[8];
        random.nextBytes(id);
        Key key = new Key("key-" + HexFormat.of().formatHex(id), secret);
        jdbc.sql("INSERT INTO signing_key (kid, secret, sealed, created_at) VALUES (?, ?, true, now())")
                .params(key.kid(), vault.seal(key.secret(), context(key.kid()))).update();
        return key;
    }
}
