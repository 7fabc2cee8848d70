package dev.canopy.server.api;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every verb of the API, by path, collected once at start; a path claimed twice fails the start. */
@Component
public class VerbRegistry {

    private final Map<String, Verb<?, ?>> verbsByPath = new LinkedHashMap<>();

    VerbRegistry(List<ApiVerbs> contributions) {
        contributions.stream()
                .flatMap(contribution -> contribution.verbs().stream())
                .sorted(Comparator.comparing(Verb::path))
                .forEach(verb -> {
                    Verb<?, ?> previous = verbsByPath.putIfAbsent(verb.path(), verb);
                    if (previous != null) {
                        throw new IllegalStateException("two verbs claim " + verb.path());
                    }
                });
    }

    /** The verb served at {@code /api/{service}/{resource}/{verb}}, if any. */
    public Optional<Verb<?, ?>> find(String service, String resource, String verb) {
        return Optional.ofNullable(verbsByPath.get("/api/" + service + "/" + resource + "/" + verb));
    }

    public Collection<Verb<?, ?>> all() {
        return verbsByPath.values();
    }
}
