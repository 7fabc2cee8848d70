package dev.canopy.server.identity;

import dev.canopy.server.api.ApiException;
import dev.canopy.server.secret.SecretVault;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.StoreScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What other modules may ask of service accounts: the decrypted credentials a plugin call needs
 * (a collector collecting an account, a cost data source syncing it). No verb uses it and it checks
 * no permission: the caller acts for a resource already bound to the account (a collector's
 * schedule, say), and hands the credentials to the plugin only.
 */
@Component
public class ServiceAccounts {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final SecretVault vault;

    ServiceAccounts(DocumentStore store, SecretVault vault) {
        this.store = store;
        this.vault = vault;
    }

    /**
     * The credentials of service account {@code serviceAccountId} of domain {@code domainId}: its own
     * secret and, when it has a trusted account attached, that account's trusted secret
     * ({@link ServiceAccountCredentials#merged()} combines them as Cloudforet does). Fails with
     * {@code ERROR_NOT_FOUND} when there is no such account.
     */
    @Transactional(readOnly = true)
    public ServiceAccountCredentials credentials(String domainId, String serviceAccountId) {
        StoreScope scope = StoreScope.domain(domainId);
        ObjectNode account = store.get(IdentityKinds.SERVICE_ACCOUNT, scope, serviceAccountId)
                .orElseThrow(() -> ApiException.notFound("service_account_id", serviceAccountId));
        String secretId = account.path("secret_id").stringValue(null);
        ObjectNode secretData = secretId != null ? vault.decrypt(domainId, secretId) : NODES.objectNode();
        String trustedAccountId = account.path("trusted_account_id").stringValue(null);
        String trustedSchemaId = null;
        ObjectNode trustedData = NODES.objectNode();
        if (trustedAccountId != null) {
            ObjectNode trusted = store.get(IdentityKinds.TRUSTED_ACCOUNT, scope, trustedAccountId)
                    .orElseThrow(() -> ApiException.notFound("trusted_account_id", trustedAccountId));
            String trustedSecretId = trusted.path("trusted_secret_id").stringValue(null);
            if (trustedSecretId != null) {
                trustedSchemaId = trusted.path("secret_schema_id").stringValue(null);
                trustedData = vault.decryptTrusted(domainId, trustedSecretId);
            }
        }
        return new ServiceAccountCredentials(serviceAccountId, account.path("provider").stringValue(null),
                secretId != null ? account.path("secret_schema_id").stringValue(null) : null, secretData, trustedAccountId,
                trustedSchemaId, trustedData);
    }
}
