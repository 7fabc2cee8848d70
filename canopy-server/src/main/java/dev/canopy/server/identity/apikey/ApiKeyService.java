package dev.canopy.server.identity.apikey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import dev.canopy.query.Query;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.api.ErrorCode;
import dev.canopy.server.identity.Generations;
import dev.canopy.server.identity.IdentityKinds;
import dev.canopy.server.identity.token.ApiKeyCredentials;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * API keys: {@code ck_<api_key_id>.<secret>}, the secret shown once, at creation, and stored
 * only as {@link ApiKeyCredentials#hash}. The authenticator reads the key's row on every call, so
 * a disabled or deleted key stops working at once; writes still bump the generation, as every
 * identity write does.
 */
@Service
public class ApiKeyService {

    /** Enabled keys a user may have at once: enough to rotate a key without downtime. */
    static final int MAX_ENABLED_PER_USER = 2;
    private static final int SECRET_BYTES = 32;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final JdbcClient jdbc;
    private final Generations generations;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(DocumentStore store, JdbcClient jdbc, Generations generations) {
        this.store = store;
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /** A new enabled key; the response is the only place its full text ({@code api_key}) ever appears. */
    @Transactional
    public ObjectNode create(Caller caller, ApiKeyRequests.ApiKeyCreate request) {
        requireWholeDomain(caller);
        String userId = request.userId().strip();
        lockUser(caller.domainId(), userId);
        requireRoomForOneMore(caller.domainId(), userId);
        ObjectNode key = NODES.objectNode().put("user_id", userId).put("state", "ENABLED");
        key.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        ObjectNode created = store.create(IdentityKinds.API_KEY, scope(caller), key);
        String apiKeyId = created.get("api_key_id").asString();
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO api_key_secret (id, secret_hash) VALUES (?, ?)")
                .params(apiKeyId, ApiKeyCredentials.hash(secret)).update();
        generations.bump(caller.domainId());
        return created.deepCopy().put("api_key", ApiKeyCredentials.format(apiKeyId, secret));
    }

    @Transactional
    public ObjectNode enable(Caller caller, ApiKeyRequests.ApiKeyId request) {
        requireWholeDomain(caller);
        ObjectNode key = get(caller, request);
        if (!"ENABLED".equals(key.path("state").asString())) {
            String userId = key.get("user_id").asString();
            lockUser(caller.domainId(), userId);
            requireRoomForOneMore(caller.domainId(), userId);
        }
        return setState(caller, request.apiKeyId(), "ENABLED");
    }

    @Transactional
    public ObjectNode disable(Caller caller, ApiKeyRequests.ApiKeyId request) {
        requireWholeDomain(caller);
        return setState(caller, request.apiKeyId(), "DISABLED");
    }

    @Transactional
    public ObjectNode delete(Caller caller, ApiKeyRequests.ApiKeyId request) {
        requireWholeDomain(caller);
        String apiKeyId = request.apiKeyId().strip();
        if (!store.delete(IdentityKinds.API_KEY, scope(caller), apiKeyId)) {
            throw ApiException.notFound("api_key_id", apiKeyId);
        }
        jdbc.sql("DELETE FROM api_key_secret WHERE id = ?").param(apiKeyId).update();
        generations.bump(caller.domainId());
        return NODES.objectNode();
    }

    public ObjectNode get(Caller caller, ApiKeyRequests.ApiKeyId request) {
        requireWholeDomain(caller);
        String apiKeyId = request.apiKeyId().strip();
        return store.get(IdentityKinds.API_KEY, scope(caller), apiKeyId)
                .orElseThrow(() -> ApiException.notFound("api_key_id", apiKeyId));
    }

    public ListResult list(Caller caller, ApiKeyRequests.ApiKeyList request) {
        requireWholeDomain(caller);
        return store.list(IdentityKinds.API_KEY, scope(caller), request.query() != null ? request.query() : Query.ALL);
    }

    public StatResult stat(Caller caller, ApiKeyRequests.ApiKeyStat request) {
        requireWholeDomain(caller);
        return store.stat(IdentityKinds.API_KEY, scope(caller), request.query());
    }

    private ObjectNode setState(Caller caller, String apiKeyId, String state) {
        ObjectNode updated = store.update(IdentityKinds.API_KEY, scope(caller), apiKeyId.strip(),
                NODES.objectNode().put("state", state));
        generations.bump(caller.domainId());
        return updated;
    }

    /**
     * Locks the user's row for the rest of the transaction, so that two calls at once cannot both
     * see room for one more key; fails when there is no such user.
     */
    private void lockUser(String domainId, String userId) {
        jdbc.sql("SELECT id FROM identity_user WHERE domain_id = ? AND user_id = ? FOR UPDATE")
                .params(domainId, userId).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound("user_id", userId));
    }

    private void requireRoomForOneMore(String domainId, String userId) {
        long enabled = jdbc.sql("SELECT count(*) FROM api_key WHERE domain_id = ? AND user_id = ? AND state = 'ENABLED'")
                .params(domainId, userId).query(Long.class).single();
        if (enabled >= MAX_ENABLED_PER_USER) {
            throw ApiException.invalidParameter("user_id",
                    "the user has " + MAX_ENABLED_PER_USER + " enabled API keys already; disable or delete one first");
        }
    }

    /** API keys belong to users, which are the domain's: a caller whose role reaches only projects may not manage them. */
    private static void requireWholeDomain(Caller caller) {
        if (!caller.reach().wholeDomain()) {
            throw new ApiException(ErrorCode.ERROR_PERMISSION_DENIED,
                    "Permission denied: API keys are managed by domain roles, not project roles", Map.of("key", "permission"));
        }
    }

    private static StoreScope scope(Caller caller) {
        return StoreScope.domain(caller.domainId());
    }
}
