package dev.canopy.server.identity.serviceaccount;

import java.util.List;

import dev.canopy.query.Condition;
import dev.canopy.query.Operator;
import dev.canopy.query.Query;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.identity.IdentityKinds;
import dev.canopy.server.identity.provider.ProviderSchemas;
import dev.canopy.server.secret.AccountSecrets;
import dev.canopy.server.secret.SecretType;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.ResourceKind;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Trusted accounts: organisation-level credentials (an AWS management account, an Azure tenant)
 * that belong to the whole domain and that service accounts of its projects may borrow. Their
 * {@code data} follows the provider's {@code TRUSTED_ACCOUNT} schema; their credentials are a
 * trusted secret, written in the same transaction. A trusted account that any service account
 * borrows from cannot be deleted. Callers whose roles reach only projects are refused.
 */
@Service
class TrustedAccountService {

    private static final ResourceKind KIND = IdentityKinds.TRUSTED_ACCOUNT;
    /** How many of the service accounts that hold a trusted account back its refusal names. */
    private static final int NAMED_HOLDERS = 5;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final AccountRows rows;
    private final ProviderSchemas schemas;
    private final AccountSecrets secrets;
    private final JdbcClient jdbc;

    TrustedAccountService(DocumentStore store, AccountRows rows, ProviderSchemas schemas, AccountSecrets secrets,
                          JdbcClient jdbc) {
        this.store = store;
        this.rows = rows;
        this.schemas = schemas;
        this.secrets = secrets;
        this.jdbc = jdbc;
    }

    @Transactional
    ObjectNode create(Caller caller, ServiceAccountRequests.TrustedAccountCreate request) {
        String domainId = caller.domainId();
        String provider = request.provider();
        caller.requireWholeDomain("name", request.name());
        AccountRows.requireCredentialPair(request.secretSchemaId(), request.secretData());
        schemas.requireProvider(domainId, provider, "provider");
        ObjectNode data = request.data() != null ? request.data() : NODES.objectNode();
        schemas.checkAccountData(domainId, provider, "TRUSTED_ACCOUNT", data, "data");

        ObjectNode document = NODES.objectNode().put("name", request.name().strip()).put("provider", provider);
        document.set("data", data);
        document.put("trusted_secret_id", (String) null);
        document.put("secret_schema_id", request.secretSchemaId());
        document.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        StoreScope scope = StoreScope.domain(domainId);
        ObjectNode created = store.create(KIND, scope, document);
        if (request.secretSchemaId() == null) {
            return created;
        }
        String accountId = created.get(KIND.idKey()).asString();
        String trustedSecretId = secrets.createForTrustedAccount(domainId, accountId, provider, request.secretSchemaId(),
                request.secretData());
        return store.update(KIND, scope, accountId, NODES.objectNode().put("trusted_secret_id", trustedSecretId));
    }

    @Transactional
    ObjectNode update(Caller caller, ServiceAccountRequests.TrustedAccountUpdate request) {
        ObjectNode account = locked(caller, request.trustedAccountId());
        if (request.data() != null) {
            schemas.checkAccountData(caller.domainId(), account.path("provider").stringValue(null), "TRUSTED_ACCOUNT",
                    request.data(), "data");
        }
        return store.update(KIND, StoreScope.domain(caller.domainId()), request.trustedAccountId(),
                AccountRows.changes(request.name(), request.data(), request.tags()));
    }

    @Transactional
    ObjectNode updateSecretData(Caller caller, ServiceAccountRequests.TrustedAccountUpdateSecretData request) {
        String domainId = caller.domainId();
        String accountId = request.trustedAccountId();
        ObjectNode account = locked(caller, accountId);
        String trustedSecretId = account.path("trusted_secret_id").stringValue(null);
        ObjectNode changes = NODES.objectNode().put("secret_schema_id", request.secretSchemaId());
        if (trustedSecretId != null) {
            secrets.replaceData(domainId, SecretType.TRUSTED_SECRET, trustedSecretId, request.secretSchemaId(),
                    request.secretData());
        } else {
            changes.put("trusted_secret_id", secrets.createForTrustedAccount(domainId, accountId,
                    account.path("provider").stringValue(null), request.secretSchemaId(), request.secretData()));
        }
        return store.update(KIND, StoreScope.domain(domainId), accountId, changes);
    }

    @Transactional
    ObjectNode delete(Caller caller, ServiceAccountRequests.TrustedAccountId request) {
        String accountId = request.trustedAccountId();
        // Locked first: an attachment being made either sees it gone or is counted here.
        ObjectNode account = locked(caller, accountId);
        List<String> holders = jdbc.sql("SELECT id FROM service_account WHERE domain_id = ? AND trusted_account_id = ?"
                        + " ORDER BY id LIMIT ?")
                .params(caller.domainId(), accountId, NAMED_HOLDERS + 1).query(String.class).list();
        if (!holders.isEmpty()) {
            String named = String.join(", ", holders.subList(0, Math.min(NAMED_HOLDERS, holders.size())))
                    + (holders.size() > NAMED_HOLDERS ? ", ..." : "");
            throw ApiException.existResource("trusted_account_id", accountId, "service accounts use its credentials ("
                    + named + "); detach it from them first with identity.ServiceAccount.change_trusted_account");
        }
        store.delete(KIND, StoreScope.domain(caller.domainId()), accountId);
        String trustedSecretId = account.path("trusted_secret_id").stringValue(null);
        if (trustedSecretId != null) {
            secrets.delete(caller.domainId(), SecretType.TRUSTED_SECRET, trustedSecretId);
        }
        return NODES.objectNode();
    }

    ObjectNode get(Caller caller, ServiceAccountRequests.TrustedAccountId request) {
        return store.get(KIND, StoreScope.of(caller, KIND), request.trustedAccountId())
                .orElseThrow(() -> ApiException.notFound("trusted_account_id", request.trustedAccountId()));
    }

    ListResult list(Caller caller, ServiceAccountRequests.TrustedAccountList request) {
        Query query = request.query() != null ? request.query() : Query.ALL;
        if (request.provider() != null) {
            query = query.and(new Condition("provider", StringNode.valueOf(request.provider()), Operator.EQ));
        }
        return store.list(KIND, StoreScope.of(caller, KIND), query);
    }

    StatResult stat(Caller caller, ServiceAccountRequests.TrustedAccountStat request) {
        return store.stat(KIND, StoreScope.of(caller, KIND), request.query());
    }

    /** The trusted account, locked until the transaction ends; only for callers reaching the whole domain. */
    private ObjectNode locked(Caller caller, String accountId) {
        caller.requireWholeDomain("trusted_account_id", accountId);
        return rows.lockForUpdate(KIND, caller.domainId(), accountId)
                .orElseThrow(() -> ApiException.notFound("trusted_account_id", accountId));
    }
}
