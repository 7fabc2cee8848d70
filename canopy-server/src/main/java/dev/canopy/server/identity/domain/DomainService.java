package dev.canopy.server.identity.domain;

import java.util.List;
import java.util.Map;

import dev.canopy.query.Page;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.identity.Generations;
import dev.canopy.server.identity.IdentityKinds;
import dev.canopy.server.identity.token.SigningKeys;
import dev.canopy.server.identity.user.Passwords;
import dev.canopy.server.identity.user.UserService;
import dev.canopy.server.store.DocumentStore;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StoreScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code identity.Domain} and {@code identity.SigningKey}: what only administrators of the root
 * domain may do (AccessResolver grants them these permissions). Domains are not documents of a
 * domain, so they are read and written here directly rather than through the document store.
 */
@Service
public class DomainService {

    /** The most domains one {@code list} page returns, as for every other list. */
    private static final int MAX_PAGE_LIMIT = 1000;
    /** The stored document with its timestamps, in the API's format. */
    private static final String DOCUMENT = "doc || jsonb_build_object("
            + "'created_at', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),"
            + " 'updated_at', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Domains domains;
    private final DocumentStore store;
    private final JdbcClient jdbc;
    private final Passwords passwords;
    private final Generations generations;
    private final SigningKeys signingKeys;
    private final JsonMapper json = JsonMapper.builder().build();

    DomainService(Domains domains, DocumentStore store, JdbcClient jdbc, Passwords passwords, Generations generations,
                  SigningKeys signingKeys) {
        this.domains = domains;
        this.store = store;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.generations = generations;
        this.signingKeys = signingKeys;
    }

    /** The kid of the new signing key. */
    public record RotatedKey(String kid) {
    }

    /** A new domain with its default roles and its first admin, a LOCAL user bound to Domain Admin. */
    @Transactional
    public ObjectNode create(Caller caller, DomainRequests.DomainCreate request) {
        DomainRequests.DomainAdmin admin = request.admin();
        String adminId = admin.userId().strip();
        if (!UserService.EMAIL.matcher(adminId).matches()) {
            throw ApiException.invalidParameter("admin.user_id", "a LOCAL user's id must be an e-mail address");
        }
        passwords.problem(admin.password()).ifPresent(problem -> {
            throw ApiException.invalidParameter("admin.password", problem);
        });
        if (admin.email() != null && !admin.email().isBlank() && !UserService.EMAIL.matcher(admin.email().strip()).matches()) {
            throw ApiException.invalidParameter("admin.email", "not an e-mail address");
        }
        String name = request.name();
        if (jdbc.sql("SELECT count(*) FROM domain WHERE name = ?").param(name).query(Long.class).single() > 0) {
            throw ApiException.alreadyExists(Map.of("name", name));
        }
        String domainId;
        try {
            domainId = domains.create(name, false, adminId, admin.password());
        } catch (DuplicateKeyException raced) {
            throw ApiException.alreadyExists(Map.of("name", name));
        }
        ObjectNode adminProfile = NODES.objectNode().put("name", admin.name() != null ? admin.name().strip() : adminId)
                .put("email", admin.email() != null ? admin.email().strip() : adminId);
        store.updateUnique(IdentityKinds.USER, StoreScope.domain(domainId), Map.of("user_id", adminId), adminProfile);
        if (request.tags() != null) {
            setTags(domainId, request.tags());
        }
        return read(domainId);
    }

    public ObjectNode get(Caller caller, DomainRequests.DomainId request) {
        return read(request.domainId().strip());
    }

    /** Every domain, by name. */
    public ListResult list(Caller caller, DomainRequests.DomainList request) {
        Page page = request.page() != null ? request.page() : Page.ALL;
        int limit = page.limited() ? Math.min(page.limit(), MAX_PAGE_LIMIT) : MAX_PAGE_LIMIT;
        int offset = Math.max(page.start(), 1) - 1;
        List<ObjectNode> results = jdbc.sql("SELECT " + DOCUMENT + " FROM domain ORDER BY name LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query((row, index) -> (ObjectNode) json.readTree(row.getString(1))).list();
        long total = jdbc.sql("SELECT count(*) FROM domain").query(Long.class).single();
        return new ListResult(results, total);
    }

    @Transactional
    public ObjectNode update(Caller caller, DomainRequests.DomainUpdate request) {
        String domainId = request.domainId().strip();
        read(domainId);
        setTags(domainId, request.tags());
        generations.bump(domainId);
        return read(domainId);
    }

    @Transactional
    public ObjectNode enable(Caller caller, DomainRequests.DomainId request) {
        return setState(request.domainId().strip(), "ENABLED");
    }

    /** Shuts every user of the domain out at once; the root domain cannot be disabled. */
    @Transactional
    public ObjectNode disable(Caller caller, DomainRequests.DomainId request) {
        String domainId = request.domainId().strip();
        boolean root = jdbc.sql("SELECT is_root FROM domain WHERE id = ?").param(domainId).query(Boolean.class)
                .optional().orElseThrow(() -> ApiException.notFound("domain_id", domainId));
        if (root) {
            throw ApiException.invalidParameter("domain_id", "the root domain cannot be disabled");
        }
        return setState(domainId, "DISABLED");
    }

    /** Signs new tokens with a new key; tokens signed with the previous key keep working until they expire. */
    public RotatedKey rotate(Caller caller, DomainRequests.SigningKeyRotate request) {
        return new RotatedKey(signingKeys.rotate().kid());
    }

    private ObjectNode setState(String domainId, String state) {
        int changed = jdbc.sql("UPDATE domain SET state = ?, updated_at = now(),"
                        + " doc = jsonb_set(doc, '{state}', to_jsonb(CAST(? AS text))) WHERE id = ?")
                .params(state, state, domainId).update();
        if (changed == 0) {
            throw ApiException.notFound("domain_id", domainId);
        }
        // What any instance cached about the domain's users was resolved under the old state.
        generations.bump(domainId);
        return read(domainId);
    }

    private void setTags(String domainId, ObjectNode tags) {
        jdbc.sql("UPDATE domain SET updated_at = now(), doc = jsonb_set(doc, '{tags}', CAST(? AS jsonb)) WHERE id = ?")
                .params(tags.toString(), domainId).update();
    }

    private ObjectNode read(String domainId) {
        return jdbc.sql("SELECT " + DOCUMENT + " FROM domain WHERE id = ?").param(domainId)
                .query((row, index) -> (ObjectNode) json.readTree(row.getString(1))).optional()
                .orElseThrow(() -> ApiException.notFound("domain_id", domainId));
    }
}
