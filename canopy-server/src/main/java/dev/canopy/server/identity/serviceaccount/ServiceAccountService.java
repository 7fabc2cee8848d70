package dev.canopy.server.identity.serviceaccount;

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
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Service accounts: one cloud account of one project, its {@code data} following the provider's
 * {@code SERVICE_ACCOUNT} schema. Its own credentials are a secret of the secret service, written in
 * the same transaction as the account; it may also borrow those of a trusted account of the same
 * provider. Project-scoped callers see and change only the accounts of their projects, and only
 * callers reaching the whole domain attach trusted accounts, whose credentials reach beyond any
 * project. Deleting an account deletes its secret.
 */
@Service
class ServiceAccountService {

    private static final ResourceKind KIND = IdentityKinds.SERVICE_ACCOUNT;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final AccountRows rows;
    private final ProviderSchemas schemas;
    private final AccountSecrets secrets;
    private final JdbcClient jdbc;

    ServiceAccountService(DocumentStore store, AccountRows rows, ProviderSchemas schemas, AccountSecrets secrets,
                          JdbcClient jdbc) {
        this.store = store;
        this.rows = rows;
        this.schemas = schemas;
        this.secrets = secrets;
        this.jdbc = jdbc;
    }

    @Transactional
    ObjectNode create(Caller caller, ServiceAccountRequests.ServiceAccountCreate request) {
        String domainId = caller.domainId();
        String provider = request.provider();
        caller.requireProject(request.projectId());
        if (request.trustedAccountId() != null) {
            caller.requireWholeDomain("trusted_account_id", request.trustedAccountId());
        }
        AccountRows.requireCredentialPair(request.secretSchemaId(), request.secretData());
        schemas.requireProvider(domainId, provider, "provider");
        requireProjectExists(domainId, request.projectId());
        ObjectNode data = request.data() != null ? request.data() : NODES.objectNode();
        schemas.checkAccountData(domainId, provider, "SERVICE_ACCOUNT", data, "data");
        if (request.trustedAccountId() != null) {
            requireTrustedAccount(domainId, request.trustedAccountId(), provider);
        }

        ObjectNode document = NODES.objectNode().put("name", request.name().strip()).put("provider", provider);
        document.set("data", data);
        document.put("project_id", request.projectId());
        document.put("trusted_account_id", request.trustedAccountId());
        document.put("secret_id", (String) null);
        document.put("secret_schema_id", request.secretSchemaId());
        document.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        StoreScope scope = StoreScope.domain(domainId);
        ObjectNode created = store.create(KIND, scope, document);
        if (request.secretSchemaId() == null) {
            return created;
        }
        // Same transaction: credentials that fail their schema leave no account, and an account
        // write that fails from here on leaves no secret.
        String accountId = created.get(KIND.idKey()).asString();
        String secretId = secrets.createForServiceAccount(domainId, accountId, request.projectId(), provider,
                request.secretSchemaId(), request.secretData());
        return store.update(KIND, scope, accountId, NODES.objectNode().put("secret_id", secretId));
    }

    @Transactional
    ObjectNode update(Caller caller, ServiceAccountRequests.ServiceAccountUpdate request) {
        ObjectNode account = locked(caller, request.serviceAccountId());
        if (request.data() != null) {
            schemas.checkAccountData(caller.domainId(), account.path("provider").stringValue(null), "SERVICE_ACCOUNT",
                    request.data(), "data");
        }
        return store.update(KIND, StoreScope.domain(caller.domainId()), request.serviceAccountId(),
                AccountRows.changes(request.name(), request.data(), request.tags()));
    }

    @Transactional
    ObjectNode changeTrustedAccount(Caller caller, ServiceAccountRequests.ServiceAccountChangeTrustedAccount request) {
        String trustedAccountId = request.trustedAccountId();
        if (trustedAccountId != null) {
            caller.requireWholeDomain("trusted_account_id", trustedAccountId);
        }
        ObjectNode account = locked(caller, request.serviceAccountId());
        if (trustedAccountId != null) {
            requireTrustedAccount(caller.domainId(), trustedAccountId, account.path("provider").stringValue(null));
        }
        ObjectNode changes = NODES.objectNode();
        changes.set("trusted_account_id", trustedAccountId != null ? StringNode.valueOf(trustedAccountId) : NullNode.getInstance());
        return store.update(KIND, StoreScope.domain(caller.domainId()), request.serviceAccountId(), changes);
    }

    @Transactional
    ObjectNode updateSecretData(Caller caller, ServiceAccountRequests.ServiceAccountUpdateSecretData request) {
        String domainId = caller.domainId();
        String accountId = request.serviceAccountId();
        ObjectNode account = locked(caller, accountId);
        String secretId = account.path("secret_id").stringValue(null);
        ObjectNode changes = NODES.objectNode().put("secret_schema_id", request.secretSchemaId());
        if (secretId != null) {
            secrets.replaceData(domainId, SecretType.SECRET, secretId, request.secretSchemaId(), request.secretData());
        } else {
            changes.put("secret_id", secrets.createForServiceAccount(domainId, accountId,
                    account.path("project_id").stringValue(null), account.path("provider").stringValue(null),
                    request.secretSchemaId(), request.secretData()));
        }
        return store.update(KIND, StoreScope.domain(domainId), accountId, changes);
    }

    @Transactional
    ObjectNode deleteSecretData(Caller caller, ServiceAccountRequests.ServiceAccountId request) {
        ObjectNode account = locked(caller, request.serviceAccountId());
        String secretId = account.path("secret_id").stringValue(null);
        if (secretId == null) {
            return account;
        }
        secrets.delete(caller.domainId(), SecretType.SECRET, secretId);
        ObjectNode changes = NODES.objectNode();
        changes.set("secret_id", NullNode.getInstance());
        changes.set("secret_schema_id", NullNode.getInstance());
        return store.update(KIND, StoreScope.domain(caller.domainId()), request.serviceAccountId(), changes);
    }

    @Transactional
    ObjectNode delete(Caller caller, ServiceAccountRequests.ServiceAccountId request) {
        ObjectNode account = locked(caller, request.serviceAccountId());
        store.delete(KIND, StoreScope.domain(caller.domainId()), request.serviceAccountId());
        String secretId = account.path("secret_id").stringValue(null);
        if (secretId != null) {
            secrets.delete(caller.domainId(), SecretType.SECRET, secretId);
        }
        return NODES.objectNode();
    }

    ObjectNode get(Caller caller, ServiceAccountRequests.ServiceAccountId request) {
        return store.get(KIND, StoreScope.of(caller, KIND), request.serviceAccountId())
                .orElseThrow(() -> ApiException.notFound("service_account_id", request.serviceAccountId()));
    }

    ListResult list(Caller caller, ServiceAccountRequests.ServiceAccountList request) {
        Query query = request.query() != null ? request.query() : Query.ALL;
        query = and(query, "project_id", request.projectId());
        query = and(query, "provider", request.provider());
        query = and(query, "trusted_account_id", request.trustedAccountId());
        return store.list(KIND, StoreScope.of(caller, KIND), query);
    }

    StatResult stat(Caller caller, ServiceAccountRequests.ServiceAccountStat request) {
        return store.stat(KIND, StoreScope.of(caller, KIND), request.query());
    }

    /**
     * The account, locked until the transaction ends; {@code ERROR_NOT_FOUND} when there is none or
     * when it is in a project the caller does not reach, as a list would not show it either.
     */
    private ObjectNode locked(Caller caller, String accountId) {
        return rows.lockForUpdate(KIND, caller.domainId(), accountId)
                .filter(account -> caller.reach().covers(account.path("project_id").stringValue(null)))
                .orElseThrow(() -> ApiException.notFound("service_account_id", accountId));
    }

    /** The project must exist; it is kept from being deleted until the account is written. */
    private void requireProjectExists(String domainId, String projectId) {
        jdbc.sql("SELECT id FROM project WHERE domain_id = ? AND id = ? FOR SHARE").params(domainId, projectId)
                .query(String.class).optional().orElseThrow(() -> ApiException.notFound("project_id", projectId));
    }

    /** The trusted account must exist and be of the same provider; it is kept from being deleted meanwhile. */
    private void requireTrustedAccount(String domainId, String trustedAccountId, String provider) {
        ObjectNode trusted = rows.lockForShare(IdentityKinds.TRUSTED_ACCOUNT, domainId, trustedAccountId)
                .orElseThrow(() -> ApiException.notFound("trusted_account_id", trustedAccountId));
        String trustedProvider = trusted.path("provider").stringValue(null);
        if (!provider.equals(trustedProvider)) {
            throw ApiException.invalidParameter("trusted_account_id", "trusted account " + trustedAccountId
                    + " is of provider " + trustedProvider + ", not " + provider);
        }
    }

    private static Query and(Query query, String key, String value) {
        return value == null ? query : query.and(new Condition(key, StringNode.valueOf(value), Operator.EQ));
    }
}
