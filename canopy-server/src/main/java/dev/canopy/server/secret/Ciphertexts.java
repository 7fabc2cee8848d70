package dev.canopy.server.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;

import dev.canopy.server.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The encrypted data of both kinds of secret, each in its own table: encrypted under the keyring's
 * primary key and bound to its domain and id, so that a ciphertext moved to another row, kind or
 * domain no longer decrypts. Nothing here logs or reports a plaintext.
 */
@Component
class Ciphertexts {

    private static final int REENCRYPT_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(Ciphertexts.class);

    private final JdbcClient jdbc;
    private final SecretKeyring keyring;
    private final JsonMapper json = JsonMapper.builder().build();

    Ciphertexts(JdbcClient jdbc, SecretKeyring keyring) {
        this.jdbc = jdbc;
        this.keyring = keyring;
    }

    /** What one re-encryption pass did: rows re-encrypted, and rows no key of the keyset opens. */
    record Reencrypted(long done, long undecryptable) {
    }

    void insert(SecretType type, String domainId, String id, ObjectNode data) {
        jdbc.sql("INSERT INTO " + type.dataTable() + " (domain_id, id, ciphertext) VALUES (?, ?, ?)")
                .params(domainId, id, encrypt(domainId, id, data)).update();
    }

    void replace(SecretType type, String domainId, String id, ObjectNode data) {
        jdbc.sql("UPDATE " + type.dataTable() + " SET ciphertext = ? WHERE domain_id = ? AND id = ?")
                .params(encrypt(domainId, id, data), domainId, id).update();
    }

    void delete(SecretType type, String domainId, String id) {
        jdbc.sql("DELETE FROM " + type.dataTable() + " WHERE domain_id = ? AND id = ?").params(domainId, id).update();
    }

    ObjectNode decrypt(SecretType type, String domainId, String id) {
        byte[] ciphertext = jdbc.sql("SELECT ciphertext FROM " + type.dataTable() + " WHERE domain_id = ? AND id = ?")
                .params(domainId, id).query(byte[].class).optional()
                .orElseThrow(() -> ApiException.notFound(type.idKey(), id));
        try {
            return (ObjectNode) json.readTree(keyring.decrypt(ciphertext, associatedData(domainId, id)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(type.idKey() + " " + id + " cannot be decrypted with the current keyset", e);
        }
    }

    /**
     * Re-encrypts every row of one kind under the keyring's primary key, batch by batch; reads keep
     * working throughout, since the older keys stay in the keyset.
     */
    Reencrypted reencryptAll(SecretType type) {
        long done = 0;
        long undecryptable = 0;
        String afterDomain = "";
        String afterId = "";
        while (true) {
            List<Object[]> batch = jdbc.sql("SELECT domain_id, id, ciphertext FROM " + type.dataTable()
                            + " WHERE (domain_id, id) > (?, ?) ORDER BY domain_id, id LIMIT ?")
                    .params(afterDomain, afterId, REENCRYPT_BATCH)
                    .query((row, index) -> new Object[] {row.getString(1), row.getString(2), row.getBytes(3)}).list();
            if (batch.isEmpty()) {
                return new Reencrypted(done, undecryptable);
            }
            for (Object[] row : batch) {
                String domainId = (String) row[0];
                String id = (String) row[1];
                byte[] associated = associatedData(domainId, id);
                try {
                    byte[] plaintext = keyring.decrypt((byte[]) row[2], associated);
                    // Only if unchanged since read: a concurrent update already used the new key.
                    jdbc.sql("UPDATE " + type.dataTable() + " SET ciphertext = ? WHERE domain_id = ? AND id = ? AND ciphertext = ?")
                            .params(keyring.encrypt(plaintext, associated), domainId, id, row[2]).update();
                    done++;
                } catch (GeneralSecurityException unreadable) {
                    // Left as it is: no key of the keyset opens it, so re-encrypting cannot help either.
                    undecryptable++;
                    log.warn("{} {} of domain {} cannot be decrypted with the keyset; left unchanged", type.idKey(), id, domainId);
                }
                afterDomain = domainId;
                afterId = id;
            }
        }
    }

    private byte[] encrypt(String domainId, String id, ObjectNode data) {
        try {
            return keyring.encrypt(json.writeValueAsBytes(data), associatedData(domainId, id));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret could not be encrypted", e);
        }
    }

    /** Binds a ciphertext to its row; ids of the two kinds differ in their prefix, so kinds do not mix either. */
    private static byte[] associatedData(String domainId, String id) {
        return (domainId + "/" + id).getBytes(StandardCharsets.UTF_8);
    }
}
