package dev.canopy.server.identity.serviceaccount;

import java.util.Optional;

import dev.canopy.server.api.ApiException;
import dev.canopy.server.store.ResourceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Row locks and small rules the verbs of both kinds of account share: an account is locked before
 * its credentials change, so that two calls never leave a secret that no account points to.
 */
@Component
class AccountRows {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    AccountRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's document, its row locked for update until the transaction ends. */
    Optional<ObjectNode> lockForUpdate(ResourceKind kind, String domainId, String id) {
        return lock(kind, domainId, id, "FOR UPDATE");
    }

    /** The account's document, its row kept from changing or going until the transaction ends. */
    Optional<ObjectNode> lockForShare(ResourceKind kind, String domainId, String id) {
        return lock(kind, domainId, id, "FOR SHARE");
    }

    private Optional<ObjectNode> lock(ResourceKind kind, String domainId, String id, String mode) {
        return jdbc.sql("SELECT doc FROM " + kind.table().table() + " WHERE domain_id = ? AND id = ? " + mode)
                .params(domainId, id).query(String.class).optional().map(document -> (ObjectNode) json.readTree(document));
    }

    /** Credentials come as a pair: a schema and the data that follows it, or neither. */
    static void requireCredentialPair(String secretSchemaId, ObjectNode secretData) {
        if (secretData != null && secretSchemaId == null) {
            throw ApiException.requiredParameter("secret_schema_id");
        }
        if (secretSchemaId != null && secretData == null) {
            throw ApiException.requiredParameter("secret_data");
        }
    }

    /** The changes of an {@code update}: name, data (already checked) and tags, where given. */
    static ObjectNode changes(String name, ObjectNode data, ObjectNode tags) {
        ObjectNode changes = NODES.objectNode();
        if (name != null) {
            if (name.isBlank()) {
                throw ApiException.invalidParameter("name", "must not be blank");
            }
            changes.put("name", name.strip());
        }
        if (data != null) {
            changes.set("data", data);
        }
        if (tags != null) {
            changes.set("tags", tags);
        }
        return changes;
    }
}
