package dev.canopy.server.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a store operation may touch: always one domain, and optionally only documents whose columns
 * have given values (a user's own configs, later a set of projects). Documents created in a scope
 * get its values.
 */
public record StoreScope(String domainId, Map<String, String> restrictions) {

    public StoreScope {
        if (domainId == null || domainId.isBlank()) {
            throw new IllegalArgumentException("a store scope needs a domain");
        }
        restrictions = Map.copyOf(new TreeMap<>(restrictions));
    }

    public static StoreScope domain(String domainId) {
        return new StoreScope(domainId, Map.of());
    }

    /** This scope narrowed to documents whose {@code key} column equals {@code value}. */
    public StoreScope where(String key, String value) {
        Map<String, String> narrowed = new TreeMap<>(restrictions);
        narrowed.put(key, value);
        return new StoreScope(domainId, narrowed);
    }
}
