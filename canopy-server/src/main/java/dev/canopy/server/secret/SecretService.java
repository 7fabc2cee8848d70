package dev.canopy.server.secret;

import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets: the document (name, schema, provider, project, service account, tags) is listable; the
 * data is encrypted, checked against the secret's schema when it has one, and never returned.
 * Project-scoped callers reach only the secrets of their projects.
 */
@Service
class SecretService {

    private static final SecretType TYPE = SecretType.SECRET;
    private static final SecretRepository.DataKeys KEYS = new SecretRepository.DataKeys("schema_id", "data");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SecretRepository secrets;

    SecretService(SecretRepository secrets) {
        this.secrets = secrets;
    }

    @Transactional
    ObjectNode create(Caller caller, SecretRequests.SecretCreate request) {
        if (request.projectId() != null) {
            caller.requireProject(request.projectId());
        }
        ObjectNode document = NODES.objectNode().put("name", request.name().strip());
        putIfPresent(document, "schema_id", request.schemaId());
        putIfPresent(document, "provider", request.provider());
        putIfPresent(document, "project_id", request.projectId());
        document.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        return secrets.create(TYPE, scope(caller), document, request.data(), KEYS);
    }

    @Transactional
    ObjectNode update(Caller caller, SecretRequests.SecretUpdate request) {
        return secrets.update(TYPE, scope(caller), request.secretId(), changes(request.name(), request.tags()));
    }

    @Transactional
    ObjectNode updateData(Caller caller, SecretRequests.SecretUpdateData request) {
        return secrets.replaceData(TYPE, scope(caller), request.secretId(), null, request.data(), KEYS);
    }

    @Transactional
    ObjectNode delete(Caller caller, SecretRequests.SecretId request) {
        secrets.delete(TYPE, scope(caller), request.secretId(), false);
        return NODES.objectNode();
    }

    ObjectNode get(Caller caller, SecretRequests.SecretId request) {
        return secrets.get(TYPE, scope(caller), request.secretId());
    }

    ListResult list(Caller caller, SecretRequests.SecretList request) {
        return secrets.list(TYPE, scope(caller), request.query());
    }

    StatResult stat(Caller caller, SecretRequests.SecretStat request) {
        return secrets.stat(TYPE, scope(caller), request.query());
    }

    private static StoreScope scope(Caller caller) {
        return StoreScope.of(caller, TYPE.kind());
    }

    /** The changes an {@code update} asks for; the same for both kinds of secret. */
    static ObjectNode changes(String name, ObjectNode tags) {
        ObjectNode changes = NODES.objectNode();
        if (name != null) {
            if (name.isBlank()) {
                throw ApiException.invalidParameter("name", "must not be blank");
            }
            changes.put("name", name.strip());
        }
        if (tags != null) {
            changes.set("tags", tags);
        }
        return changes;
    }

    static void putIfPresent(ObjectNode document, String key, String value) {
        if (value != null && !value.isBlank()) {
            document.put(key, value.strip());
        }
    }
}
