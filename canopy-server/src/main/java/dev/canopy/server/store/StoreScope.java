package dev.canopy.server.store;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.canopy.server.api.Caller;

/**
 * What a store operation may touch: always one domain, optionally only documents whose columns
 * have given values (a user's own configs), and optionally only documents whose columns take one
 * of a set of values (the projects a project-scoped caller reaches). Documents created in a scope
 * get its single values; the sets only narrow.
 */
public record StoreScope(String domainId, Map<String, String> restrictions, Map<String, Set<String>> memberships) {

    /** The document key naming the project a resource belongs to. */
    public static final String PROJECT_KEY = "project_id";

    public StoreScope {
        if (domainId == null || domainId.isBlank()) {
            throw new IllegalArgumentException("a store scope needs a domain");
        }
        restrictions = Map.copyOf(new TreeMap<>(restrictions));
        TreeMap<String, Set<String>> sets = new TreeMap<>();
        memberships.forEach((key, values) -> sets.put(key, Set.copyOf(values)));
        memberships = Map.copyOf(sets);
    }

    public StoreScope(String domainId, Map<String, String> restrictions) {
        this(domainId, restrictions, Map.of());
    }

    public static StoreScope domain(String domainId) {
        return new StoreScope(domainId, Map.of());
    }

    /**
     * Where a verb's caller may act on documents of {@code kind}: the caller's domain, and when
     * the caller's permission reaches only some projects, only the documents of those projects
     * (kinds with a {@code project_id} column). Kinds that belong to the whole domain are refused
     * to such a caller.
     */
    public static StoreScope of(Caller caller, ResourceKind kind) {
        StoreScope scope = domain(caller.domainId());
        if (caller.reach().wholeDomain()) {
            return scope;
        }
        if (kind.table().column(PROJECT_KEY).isEmpty()) {
            caller.requireWholeDomain();
        }
        return scope.whereIn(PROJECT_KEY, caller.reach().projects());
    }

    /** This scope narrowed to documents whose {@code key} column equals {@code value}. */
    public StoreScope where(String key, String value) {
        Map<String, String> narrowed = new TreeMap<>(restrictions);
        narrowed.put(key, value);
        return new StoreScope(domainId, narrowed, memberships);
    }

    /**
     * This scope narrowed to documents whose {@code key} column is one of {@code values}; an empty
     * set matches nothing. Narrowing the same key twice keeps the values in both sets.
     */
    public StoreScope whereIn(String key, Set<String> values) {
        Map<String, Set<String>> narrowed = new TreeMap<>(memberships);
        narrowed.merge(key, Set.copyOf(values), (before, now) ->
                before.stream().filter(now::contains).collect(Collectors.toUnmodifiableSet()));
        return new StoreScope(domainId, restrictions, narrowed);
    }
}
