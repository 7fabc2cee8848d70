package dev.canopy.server.identity;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.query.Condition;
import dev.canopy.query.Operator;
import dev.canopy.query.Query;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.secret.SecretVault;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.StoreScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

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

    /** A service account as a collector sees it: what it is named, its project and its data. */
    public record AccountRef(String serviceAccountId, String name, String provider, String projectId, ObjectNode data) {
    }

    /**
     * The general service accounts of {@code provider} in a domain, or of the given ids when
     * {@code serviceAccountIds} is not empty; unknown ids fail with {@code ERROR_NOT_FOUND}.
     */
    @Transactional(readOnly = true)
    public List<AccountRef> accounts(String domainId, String provider, List<String> serviceAccountIds) {
        StoreScope scope = StoreScope.domain(domainId);
        List<ObjectNode> found = new ArrayList<>();
        if (serviceAccountIds != null && !serviceAccountIds.isEmpty()) {
            for (String id : serviceAccountIds) {
                found.add(store.get(IdentityKinds.SERVICE_ACCOUNT, scope, id)
                        .orElseThrow(() -> ApiException.notFound("service_account_id", id)));
            }
        } else {
            Query query = Query.ALL;
            if (provider != null) {
                query = query.and(new Condition("provider",
                        StringNode.valueOf(provider), Operator.EQ));
            }
            found.addAll(store.list(IdentityKinds.SERVICE_ACCOUNT, scope, query).results());
        }
        return found.stream().map(account -> new AccountRef(account.path("service_account_id").asString(),
                account.path("name").asString(), account.path("provider").asString(),
                account.path("project_id").stringValue(null),
                account.path("data").isObject() ? (ObjectNode) account.get("data") : NODES.objectNode())).toList();
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
