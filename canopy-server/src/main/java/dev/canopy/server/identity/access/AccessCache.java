package dev.canopy.server.identity.access;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.canopy.server.api.Access;
import dev.canopy.server.identity.Generations;
import org.springframework.stereotype.Component;

/**
 * Keeps each user's resolved access for as long as the domain's identity generation stays the
 * same; any identity change moves the generation, so nothing stale survives a change.
 */
@Component
public class AccessCache {

    /** Entries kept at most; beyond this the cache starts over rather than grow without bound. */
    private static final int MAX_ENTRIES = 50_000;

    private record Key(String domainId, String userId) {
    }

    private record Entry(long generation, Optional<UserAccess> access) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Generations generations;
    private final AccessResolver resolver;

    AccessCache(Generations generations, AccessResolver resolver) {
        this.generations = generations;
        this.resolver = resolver;
    }

    /** The user's access, or empty when the user or domain is gone or disabled. */
    public Optional<Access> access(String domainId, String userId) {
        long generation = generations.current(domainId);
        Key key = new Key(domainId, userId);
        Entry entry = entries.get(key);
        if (entry == null || entry.generation() != generation) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entry = new Entry(generation, resolver.resolve(domainId, userId));
            entries.put(key, entry);
        }
        return entry.access().map(Access.class::cast);
    }
}
