package dev.canopy.server.identity.user;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.canopy.query.Condition;
import dev.canopy.query.Operator;
import dev.canopy.query.Page;
import dev.canopy.query.Query;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.api.ErrorCode;
import dev.canopy.server.identity.Generations;
import dev.canopy.server.identity.IdentityKinds;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Users of a domain ({@code identity.User}) and each user's own profile ({@code identity.UserProfile}).
 * The document is what the API shows; a LOCAL user's password hash lives only in
 * {@code user_credential}, so no list or get can return it. Every write bumps the domain's
 * identity generation in its transaction, so a disabled or deleted user is refused at once.
 */
@Service
public class UserService {

    /** A plain e-mail form: something, an at sign, a domain with a dot; no spaces. */
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentStore store;
    private final JdbcClient jdbc;
    private final Passwords passwords;
    private final Generations generations;

    UserService(DocumentStore store, JdbcClient jdbc, Passwords passwords, Generations generations) {
        this.store = store;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.generations = generations;
    }

    // ---- identity.User

    @Transactional
    public ObjectNode create(Caller caller, UserRequests.UserCreate request) {
        requireWholeDomain(caller);
        UserRequests.AuthType authType = request.authType() != null ? request.authType() : UserRequests.AuthType.LOCAL;
        String userId = request.userId().strip();
        if (authType == UserRequests.AuthType.LOCAL) {
            if (!EMAIL.matcher(userId).matches()) {
                throw ApiException.invalidParameter("user_id", "a LOCAL user's id must be an e-mail address");
            }
            if (request.password() == null) {
                throw ApiException.requiredParameter("password");
            }
            passwords.problem(request.password()).ifPresent(problem -> {
                throw ApiException.invalidParameter("password", problem);
            });
        } else if (request.password() != null) {
            throw ApiException.invalidParameter("password", "only LOCAL users have a password");
        }
        checkProfile(request.email(), request.language(), request.timezone());

        ObjectNode user = NODES.objectNode()
                .put("user_id", userId)
                .put("name", request.name() != null ? request.name().strip() : "")
                .put("state", "ENABLED")
                .put("auth_type", authType.name())
                .put("email", request.email() != null ? request.email().strip() : "")
                .put("language", request.language() != null ? request.language() : "en")
                .put("timezone", request.timezone() != null ? request.timezone() : "UTC");
        user.set("tags", request.tags() != null ? request.tags() : NODES.objectNode());
        ObjectNode created = store.create(IdentityKinds.USER, scope(caller), user);
        if (authType == UserRequests.AuthType.LOCAL) {
            jdbc.sql("INSERT INTO user_credential (domain_id, user_id, password_hash) VALUES (?, ?, ?)")
                    .params(caller.domainId(), userId, passwords.hash(request.password())).update();
        }
        generations.bump(caller.domainId());
        return created;
    }

    @Transactional
    public ObjectNode update(Caller caller, UserRequests.UserUpdate request) {
        requireWholeDomain(caller);
        checkProfile(request.email(), request.language(), request.timezone());
        ObjectNode changes = profileChanges(request.name(), request.email(), request.language(), request.timezone());
        if (request.tags() != null) {
            changes.set("tags", request.tags());
        }
        ObjectNode updated = store.updateUnique(IdentityKinds.USER, scope(caller), byUserId(request.userId()), changes);
        generations.bump(caller.domainId());
        return updated;
    }

    /** Removes the user with everything that lets them in or grants them anything. */
    @Transactional
    public ObjectNode delete(Caller caller, UserRequests.UserId request) {
        requireWholeDomain(caller);
        String userId = request.userId().strip();
        refuseSelf(caller, userId, "delete");
        if (!store.deleteUnique(IdentityKinds.USER, scope(caller), byUserId(userId))) {
            throw ApiException.notFound("user_id", userId);
        }
        String domainId = caller.domainId();
        jdbc.sql("DELETE FROM user_credential WHERE domain_id = ? AND user_id = ?").params(domainId, userId).update();
        jdbc.sql("DELETE FROM role_binding WHERE domain_id = ? AND user_id = ?").params(domainId, userId).update();
        jdbc.sql("DELETE FROM refresh_token WHERE domain_id = ? AND user_id = ?").params(domainId, userId).update();
        jdbc.sql("DELETE FROM api_key_secret WHERE id IN (SELECT id FROM api_key WHERE domain_id = ? AND user_id = ?)")
                .params(domainId, userId).update();
        jdbc.sql("DELETE FROM api_key WHERE domain_id = ? AND user_id = ?").params(domainId, userId).update();
        generations.bump(domainId);
        return NODES.objectNode();
    }

    public ObjectNode get(Caller caller, UserRequests.UserId request) {
        requireWholeDomain(caller);
        return store.findUnique(IdentityKinds.USER, scope(caller), byUserId(request.userId()))
                .orElseThrow(() -> ApiException.notFound("user_id", request.userId().strip()));
    }

    @Transactional
    public ObjectNode enable(Caller caller, UserRequests.UserId request) {
        return setState(caller, request.userId(), "ENABLED");
    }

    @Transactional
    public ObjectNode disable(Caller caller, UserRequests.UserId request) {
        refuseSelf(caller, request.userId().strip(), "disable");
        return setState(caller, request.userId(), "DISABLED");
    }

    public ListResult list(Caller caller, UserRequests.UserList request) {
        requireWholeDomain(caller);
        return store.list(IdentityKinds.USER, scope(caller), request.query() != null ? request.query() : Query.ALL);
    }

    public StatResult stat(Caller caller, UserRequests.UserStat request) {
        requireWholeDomain(caller);
        return store.stat(IdentityKinds.USER, scope(caller), request.query());
    }

    /** Users whose id or name contains the keyword, with only their id, name and state: for pickers. */
    public ListResult find(Caller caller, UserRequests.UserFind request) {
        requireWholeDomain(caller);
        List<Condition> filter = new ArrayList<>();
        if (request.state() != null) {
            filter.add(new Condition("state", StringNode.valueOf(request.state()), Operator.EQ));
        }
        Page page = request.page() != null ? request.page() : Page.ALL;
        Query query = new Query(filter, List.of(), List.of(), page, List.of(), request.keyword(), false, true);
        return store.list(IdentityKinds.USER, scope(caller), query);
    }

    // ---- identity.UserProfile: the caller themself

    public ObjectNode profile(Caller caller, UserRequests.ProfileGet request) {
        return store.findUnique(IdentityKinds.USER, scope(caller), byUserId(caller.userId()))
                .orElseThrow(() -> ApiException.notFound("user_id", caller.userId()));
    }

    @Transactional
    public ObjectNode updateProfile(Caller caller, UserRequests.ProfileUpdate request) {
        checkProfile(request.email(), request.language(), request.timezone());
        ObjectNode changes = profileChanges(request.name(), request.email(), request.language(), request.timezone());
        ObjectNode updated = store.updateUnique(IdentityKinds.USER, scope(caller), byUserId(caller.userId()), changes);
        generations.bump(caller.domainId());
        return updated;
    }

    /**
     * Changes the caller's password when the current one matches, and revokes their refresh tokens
     * so that a session renewed elsewhere with the old password ends; access tokens already issued
     * run out on their own.
     */
    @Transactional
    public ObjectNode updatePassword(Caller caller, UserRequests.PasswordChange request) {
        String hash = jdbc.sql("SELECT c.password_hash FROM user_credential c JOIN identity_user u"
                        + " ON u.domain_id = c.domain_id AND u.user_id = c.user_id"
                        + " WHERE c.domain_id = ? AND c.user_id = ? AND u.auth_type = 'LOCAL' FOR UPDATE OF c")
                .params(caller.domainId(), caller.userId()).query(String.class).optional()
                .orElseThrow(() -> ApiException.invalidParameter("current_password", "only LOCAL users have a password"));
        if (!passwords.matches(request.currentPassword(), hash)) {
            throw ApiException.invalidParameter("current_password", "does not match");
        }
        passwords.problem(request.newPassword()).ifPresent(problem -> {
            throw ApiException.invalidParameter("new_password", problem);
        });
        jdbc.sql("UPDATE user_credential SET password_hash = ?, failed_logins = 0, locked_until = NULL"
                        + " WHERE domain_id = ? AND user_id = ?")
                .params(passwords.hash(request.newPassword()), caller.domainId(), caller.userId()).update();
        jdbc.sql("UPDATE refresh_token SET used_at = now() WHERE domain_id = ? AND user_id = ? AND used_at IS NULL")
                .params(caller.domainId(), caller.userId()).update();
        generations.bump(caller.domainId());
        return NODES.objectNode();
    }

    // ---- helpers

    private ObjectNode setState(Caller caller, String userId, String state) {
        requireWholeDomain(caller);
        ObjectNode updated = store.updateUnique(IdentityKinds.USER, scope(caller), byUserId(userId),
                NODES.objectNode().put("state", state));
        generations.bump(caller.domainId());
        return updated;
    }

    /** Users belong to the domain, not to projects: a caller whose role reaches only projects may not manage them. */
    static void requireWholeDomain(Caller caller) {
        if (!caller.reach().wholeDomain()) {
            throw new ApiException(ErrorCode.ERROR_PERMISSION_DENIED,
                    "Permission denied: users are managed by domain roles, not project roles",
                    Map.of("key", "permission"));
        }
    }

    /** Nobody disables or deletes themself, so a domain cannot lose its last admin by a slip. */
    private static void refuseSelf(Caller caller, String userId, String verb) {
        if (userId.equals(caller.userId())) {
            throw ApiException.invalidParameter("user_id", "you cannot " + verb + " yourself");
        }
    }

    private static void checkProfile(String email, String language, String timezone) {
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            throw ApiException.invalidParameter("email", "not an e-mail address");
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw ApiException.invalidParameter("language", "not a language code such as en or ko");
        }
        if (timezone != null && !ZoneId.getAvailableZoneIds().contains(timezone)) {
            throw ApiException.invalidParameter("timezone", "not a time zone such as UTC or Asia/Seoul");
        }
    }

    private static ObjectNode profileChanges(String name, String email, String language, String timezone) {
        ObjectNode changes = NODES.objectNode();
        if (name != null) {
            changes.put("name", name.strip());
        }
        if (email != null) {
            changes.put("email", email.strip());
        }
        if (language != null) {
            changes.put("language", language);
        }
        if (timezone != null) {
            changes.put("timezone", timezone);
        }
        return changes;
    }

    private static StoreScope scope(Caller caller) {
        return StoreScope.domain(caller.domainId());
    }

    private static Map<String, String> byUserId(String userId) {
        return Map.of("user_id", userId.strip());
    }
}
