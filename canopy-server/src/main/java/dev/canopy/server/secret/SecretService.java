package dev.canopy.server.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

import dev.canopy.query.ColumnType;
import dev.canopy.query.Query;
import dev.canopy.query.TableSchema;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.api.ErrorCode;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.ResourceKind;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets: the document (name, schema, provider, project, service account, tags) is listable; the
 * data is encrypted into {@code secret_data}, bound to its domain and id, and never returned.
 */
@Service
class SecretService {

    static final ResourceKind SECRET = new ResourceKind("secret.Secret", "secret", "secret_id",
            TableSchema.builder("secret")
                    .idKey("secret_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .column("schema_id", ColumnType.TEXT)
                    .column("provider", ColumnType.TEXT)
                    .column("project_id", ColumnType.TEXT)
                    .column("service_account_id", ColumnType.TEXT)
                    .keyword("secret_id", "name")
                    .minimal("secret_id", "name", "provider")
                    .defaultSort("name", false)
                    .build(),
            List.of());
    private static final int REENCRYPT_BATCH = 500;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecretService.class);

    private final DocumentStore store;
    private final JdbcClient jdbc;
    private final SecretKeyring keyring;
    private final JsonMapper json = JsonMapper.builder().build();

    SecretService(DocumentStore store, JdbcClient jdbc, SecretKeyring keyring) {
        this.store = store;
        this.jdbc = jdbc;
        this.keyring = keyring;
    }

    @Transactional
    ObjectNode create(Caller caller, SecretRequests.SecretCreate request) {
        ObjectNode document = NODES.objectNode().put("name", request.name().strip());
        putIfPresent(document, "schema_id", request.schemaId());
        putIfPresent(document, "provider", request.provider());
        putIfPresent(document, "project_id", request.projectId());
        putIfPresent(document, "service_account_id", request.serviceAccountId());
        document.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        if (request.projectId() != null) {
            caller.requireProject(request.projectId());
        }
        ObjectNode created = store.create(SECRET, StoreScope.of(caller, SECRET), document);
        String secretId = created.get("secret_id").asString();
        jdbc.sql("INSERT INTO secret_data (domain_id, id, ciphertext) VALUES (?, ?, ?)")
                .params(caller.domainId(), secretId, encrypt(caller.domainId(), secretId, request.data())).update();
        return created;
    }

    @Transactional
    ObjectNode update(Caller caller, SecretRequests.SecretUpdate request) {
        ObjectNode changes = NODES.objectNode();
        if (request.name() != null) {
            changes.put("name", request.name().strip());
        }
        if (request.tags() != null) {
            changes.set("tags", request.tags());
        }
        return store.update(SECRET, StoreScope.of(caller, SECRET), request.secretId(), changes);
    }

    @Transactional
    ObjectNode updateData(Caller caller, SecretRequests.SecretUpdateData request) {
        ObjectNode secret = get(caller, new SecretRequests.SecretId(request.secretId()));
        jdbc.sql("UPDATE secret_data SET ciphertext = ? WHERE domain_id = ? AND id = ?")
                .params(encrypt(caller.domainId(), request.secretId(), request.data()), caller.domainId(), request.secretId())
                .update();
        return secret;
    }

    @Transactional
    ObjectNode delete(Caller caller, SecretRequests.SecretId request) {
        if (!store.delete(SECRET, StoreScope.of(caller, SECRET), request.secretId())) {
            throw ApiException.notFound("secret_id", request.secretId());
        }
        jdbc.sql("DELETE FROM secret_data WHERE domain_id = ? AND id = ?").params(caller.domainId(), request.secretId()).update();
        return NODES.objectNode();
    }

    ObjectNode get(Caller caller, SecretRequests.SecretId request) {
        return store.get(SECRET, StoreScope.of(caller, SECRET), request.secretId())
                .orElseThrow(() -> ApiException.notFound("secret_id", request.secretId()));
    }

    ListResult list(Caller caller, SecretRequests.SecretList request) {
        return store.list(SECRET, StoreScope.of(caller, SECRET), request.query() != null ? request.query() : Query.ALL);
    }

    StatResult stat(Caller caller, SecretRequests.SecretStat request) {
        return store.stat(SECRET, StoreScope.of(caller, SECRET), request.query());
    }

    /** The decrypted data of a secret, for the plugin runtime; never for an API response. */
    ObjectNode decrypt(String domainId, String secretId) {
        byte[] ciphertext = jdbc.sql("SELECT ciphertext FROM secret_data WHERE domain_id = ? AND id = ?")
                .params(domainId, secretId).query(byte[].class).optional()
                .orElseThrow(() -> ApiException.notFound("secret_id", secretId));
        try {
            return (ObjectNode) json.readTree(keyring.decrypt(ciphertext, associatedData(domainId, secretId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret " + secretId + " cannot be decrypted with the current keyset", e);
        }
    }

    /**
     * Makes a new primary key and re-encrypts every secret under it, batch by batch; reads keep
     * working throughout, since the old keys stay in the keyset.
     */
    SecretRequests.SecretKeyRotated rotate(Caller caller, SecretRequests.SecretKeyRotate request) {
        long primary;
        try {
            primary = keyring.rotate();
        } catch (IllegalStateException fromSettings) {
            throw new ApiException(ErrorCode.ERROR_INVALID_PARAMETER, "Cannot rotate: " + fromSettings.getMessage(),
                    Map.of("key", "canopy.secret.key"));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the secret keyset could not be rotated", e);
        }
        long done = 0;
        long undecryptable = 0;
        String afterDomain = "";
        String afterId = "";
        while (true) {
            List<Object[]> batch = jdbc.sql("SELECT domain_id, id, ciphertext FROM secret_data WHERE (domain_id, id) > (?, ?)"
                            + " ORDER BY domain_id, id LIMIT ?")
                    .params(afterDomain, afterId, REENCRYPT_BATCH)
                    .query((row, index) -> new Object[] {row.getString(1), row.getString(2), row.getBytes(3)}).list();
            if (batch.isEmpty()) {
                return new SecretRequests.SecretKeyRotated(primary, done, undecryptable);
            }
            for (Object[] row : batch) {
                String domainId = (String) row[0];
                String secretId = (String) row[1];
                byte[] associated = associatedData(domainId, secretId);
                try {
                    byte[] plaintext = keyring.decrypt((byte[]) row[2], associated);
                    // Only if unchanged since read: a concurrent update_data already used the new key.
                    jdbc.sql("UPDATE secret_data SET ciphertext = ? WHERE domain_id = ? AND id = ? AND ciphertext = ?")
                            .params(keyring.encrypt(plaintext, associated), domainId, secretId, row[2]).update();
                    done++;
                } catch (GeneralSecurityException unreadable) {
                    // Left as it is: no key of the keyset opens it, so re-encrypting cannot help either.
                    undecryptable++;
                    log.warn("Secret {} of domain {} cannot be decrypted with the keyset; left unchanged", secretId, domainId);
                }
                afterDomain = domainId;
                afterId = secretId;
            }
        }
    }

    private byte[] encrypt(String domainId, String secretId, ObjectNode data) {
        try {
            return keyring.encrypt(json.writeValueAsBytes(data), associatedData(domainId, secretId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret could not be encrypted", e);
        }
    }

    /** Binds a ciphertext to its row: moved to another secret or domain, it no longer decrypts. */
    private static byte[] associatedData(String domainId, String secretId) {
        return (domainId + "/" + secretId).getBytes(StandardCharsets.UTF_8);
    }

    private static void putIfPresent(ObjectNode document, String key, String value) {
        if (value != null && !value.isBlank()) {
            document.put(key, value.strip());
        }
    }
}
