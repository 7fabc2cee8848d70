package dev.canopy.server.secret;

import java.util.Map;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.ErrorCode;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Both kinds of secret as they are kept: the listable document in the store, the data encrypted
 * apart ({@link Ciphertexts}), and before any data is written, its check against its schema.
 * Every method runs in its caller's transaction.
 */
@Component
class SecretRepository {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final Ciphertexts ciphertexts;
    private final SecretSchemas schemas;
    private final JdbcClient jdbc;

    SecretRepository(DocumentStore store, Ciphertexts ciphertexts, SecretSchemas schemas, JdbcClient jdbc) {
        this.store = store;
        this.ciphertexts = ciphertexts;
        this.schemas = schemas;
        this.jdbc = jdbc;
    }

    /** The request keys that name a secret's schema and data, for errors: {@code schema_id} and {@code data}, say. */
    record DataKeys(String schemaKey, String dataKey) {
    }

    /**
     * Stores a new secret: its document and its data, checked first against the document's
     * {@code schema_id} when it has one. The secret takes the schema's provider; a document that
     * names another provider is refused.
     */
    ObjectNode create(SecretType type, StoreScope scope, ObjectNode document, ObjectNode data, DataKeys keys) {
        String schemaId = document.path("schema_id").stringValue(null);
        if (schemaId != null) {
            document.put("provider", schemas.check(scope.domainId(), type, schemaId,
                    document.path("provider").stringValue(null), data, keys.schemaKey(), keys.dataKey()));
        }
        ObjectNode created = store.create(type.kind(), scope, document);
        ciphertexts.insert(type, scope.domainId(), created.get(type.idKey()).asString(), data);
        return created;
    }

    /**
     * Replaces a secret's data, checked against {@code schemaId} when given (which then becomes the
     * secret's schema, and must be of the secret's provider), else against the schema it has.
     */
    ObjectNode replaceData(SecretType type, StoreScope scope, String id, String schemaId, ObjectNode data, DataKeys keys) {
        ObjectNode current = get(type, scope, id);
        String followed = schemaId != null ? schemaId : current.path("schema_id").stringValue(null);
        ObjectNode changes = NODES.objectNode();
        if (followed != null) {
            changes.put("schema_id", followed).put("provider", schemas.check(scope.domainId(), type, followed,
                    current.path("provider").stringValue(null), data, keys.schemaKey(), keys.dataKey()));
        }
        // Also stamps updated_at, and locks the row until the data is written.
        ObjectNode updated = store.update(type.kind(), scope, id, changes);
        ciphertexts.replace(type, scope.domainId(), id, data);
        return updated;
    }

    /**
     * Deletes a secret and its data. Unless {@code forItsAccount}, a secret that belongs to an
     * account is refused: its account would be left pointing at nothing.
     */
    void delete(SecretType type, StoreScope scope, String id, boolean forItsAccount) {
        ObjectNode current = get(type, scope, id);
        String account = current.path(type.accountKey()).stringValue(null);
        if (account != null && !forItsAccount) {
            throw new ApiException(ErrorCode.ERROR_INVALID_PARAMETER, "Invalid parameter. (key = " + type.idKey()
                    + ", reason = belongs to " + type.accountKey() + " " + account + "; delete it through that account)",
                    Map.of("key", type.idKey(), "reason", "belongs to " + type.accountKey() + " " + account));
        }
        store.delete(type.kind(), scope, id);
        ciphertexts.delete(type, scope.domainId(), id);
    }

    ObjectNode get(SecretType type, StoreScope scope, String id) {
        return store.get(type.kind(), scope, id).orElseThrow(() -> ApiException.notFound(type.idKey(), id));
    }

    ObjectNode update(SecretType type, StoreScope scope, String id, ObjectNode changes) {
        return store.update(type.kind(), scope, id, changes);
    }

    ListResult list(SecretType type, StoreScope scope, Query query) {
        return store.list(type.kind(), scope, query != null ? query : Query.ALL);
    }

    StatResult stat(SecretType type, StoreScope scope, StatisticsQuery query) {
        return store.stat(type.kind(), scope, query);
    }

    /** Whether any secret of either kind in the domain follows schema {@code schemaId}. */
    boolean anyFollows(String domainId, String schemaId) {
        for (SecretType type : SecretType.values()) {
            boolean found = jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + type.kind().table().table()
                            + " WHERE domain_id = ? AND schema_id = ?)")
                    .params(domainId, schemaId).query(Boolean.class).single();
            if (found) {
                return true;
            }
        }
        return false;
    }
}
