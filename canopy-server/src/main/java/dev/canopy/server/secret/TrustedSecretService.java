package dev.canopy.server.secret;

import dev.canopy.server.api.Caller;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Trusted secrets: the credentials of trusted accounts, kept and encrypted exactly as secrets are,
 * but belonging to the whole domain, so callers whose roles reach only projects are refused.
 */
@Service
class TrustedSecretService {

    private static final SecretType TYPE = SecretType.TRUSTED_SECRET;
    private static final SecretRepository.DataKeys KEYS = new SecretRepository.DataKeys("schema_id", "data");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SecretRepository secrets;

    TrustedSecretService(SecretRepository secrets) {
        this.secrets = secrets;
    }

    @Transactional
    ObjectNode create(Caller caller, TrustedSecretRequests.TrustedSecretCreate request) {
        ObjectNode document = NODES.objectNode().put("name", request.name().strip());
        SecretService.putIfPresent(document, "schema_id", request.schemaId());
        SecretService.putIfPresent(document, "provider", request.provider());
        document.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        return secrets.create(TYPE, scope(caller), document, request.data(), KEYS);
    }

    @Transactional
    ObjectNode update(Caller caller, TrustedSecretRequests.TrustedSecretUpdate request) {
        return secrets.update(TYPE, scope(caller), request.trustedSecretId(),
                SecretService.changes(request.name(), request.tags()));
    }

    @Transactional
    ObjectNode updateData(Caller caller, TrustedSecretRequests.TrustedSecretUpdateData request) {
        return secrets.replaceData(TYPE, scope(caller), request.trustedSecretId(), null, request.data(), KEYS);
    }

    @Transactional
    ObjectNode delete(Caller caller, TrustedSecretRequests.TrustedSecretId request) {
        secrets.delete(TYPE, scope(caller), request.trustedSecretId(), false);
        return NODES.objectNode();
    }

    ObjectNode get(Caller caller, TrustedSecretRequests.TrustedSecretId request) {
        return secrets.get(TYPE, scope(caller), request.trustedSecretId());
    }

    ListResult list(Caller caller, TrustedSecretRequests.TrustedSecretList request) {
        return secrets.list(TYPE, scope(caller), request.query());
    }

    StatResult stat(Caller caller, TrustedSecretRequests.TrustedSecretStat request) {
        return secrets.stat(TYPE, scope(caller), request.query());
    }

    /** The caller's domain; refuses a caller whose roles reach only projects (the kind has no project). */
    private static StoreScope scope(Caller caller) {
        return StoreScope.of(caller, TYPE.kind());
    }
}
