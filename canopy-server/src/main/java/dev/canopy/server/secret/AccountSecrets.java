package dev.canopy.server.secret;

import dev.canopy.server.store.StoreScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The secrets of cloud accounts, as the identity module keeps them for its service accounts and
 * trusted accounts. Every write joins the caller's transaction, and refuses to run without one
 * ({@link Propagation#MANDATORY}): an account and its credentials are written, or rolled back,
 * together. Errors name the keys of the account verbs, {@code secret_schema_id} and
 * {@code secret_data}. The secrets written here are linked to their account, so the secret verbs
 * do not delete them.
 */
@Component
public class AccountSecrets {

    private static final SecretRepository.DataKeys KEYS = new SecretRepository.DataKeys("secret_schema_id", "secret_data");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SecretRepository secrets;

    AccountSecrets(SecretRepository secrets) {
        this.secrets = secrets;
    }

    /**
     * Stores the credentials of service account {@code serviceAccountId} of project
     * {@code projectId}, after checking them against schema {@code schemaId}, which must be a
     * {@code SECRET} schema of {@code provider}; answers the new {@code secret_id}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String createForServiceAccount(String domainId, String serviceAccountId, String projectId, String provider,
                                          String schemaId, ObjectNode data) {
        ObjectNode document = NODES.objectNode().put("name", serviceAccountId).put("schema_id", schemaId)
                .put("provider", provider).put("project_id", projectId).put("service_account_id", serviceAccountId);
        document.putObject("tags");
        return secrets.create(SecretType.SECRET, StoreScope.domain(domainId), document, data, KEYS)
                .get(SecretType.SECRET.idKey()).asString();
    }

    /**
     * Stores the credentials of trusted account {@code trustedAccountId}, after checking them
     * against schema {@code schemaId}, which must be a {@code TRUSTED_SECRET} schema of
     * {@code provider}; answers the new {@code trusted_secret_id}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String createForTrustedAccount(String domainId, String trustedAccountId, String provider, String schemaId,
                                          ObjectNode data) {
        ObjectNode document = NODES.objectNode().put("name", trustedAccountId).put("schema_id", schemaId)
                .put("provider", provider).put("trusted_account_id", trustedAccountId);
        document.putObject("tags");
        return secrets.create(SecretType.TRUSTED_SECRET, StoreScope.domain(domainId), document, data, KEYS)
                .get(SecretType.TRUSTED_SECRET.idKey()).asString();
    }

    /**
     * Replaces the data of a secret of {@code type}, which now follows schema {@code schemaId} (of
     * the secret's provider).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replaceData(String domainId, SecretType type, String id, String schemaId, ObjectNode data) {
        secrets.replaceData(type, StoreScope.domain(domainId), id, schemaId, data, KEYS);
    }

    /** Deletes a secret of {@code type} and its data, as its account goes or drops it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(String domainId, SecretType type, String id) {
        secrets.delete(type, StoreScope.domain(domainId), id, true);
    }

    /** Whether any secret or trusted secret of the domain follows schema {@code schemaId}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean anyFollows(String domainId, String schemaId) {
        return secrets.anyFollows(domainId, schemaId);
    }
}
