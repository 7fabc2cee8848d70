package dev.canopy.query.property;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.canopy.query.InvalidQueryException;
import tools.jackson.databind.node.ObjectNode;

/**
 * One seeded dataset of a property: loads the documents, checks each generated query against the
 * reference, and on the first mismatch shrinks it and fails with a report. A valid query the
 * compiler refuses fails the dataset too, after the other checks.
 */
final class DatasetRun {

    private DatasetRun() {
    }

    /**
     * @param check the mismatch between PostgreSQL and the reference for documents (already loaded) and a query
     */
    static void run(long seed, int queries, List<ObjectNode> documents, Supplier<ObjectNode> nextQuery,
                    Consumer<List<ObjectNode>> load, BiFunction<List<ObjectNode>, ObjectNode, Optional<String>> check) {
        load.accept(documents);
        Map<String, String> refused = new TreeMap<>();
        for (int index = 0; index < queries; index++) {
            ObjectNode query = nextQuery.get();
            Optional<String> failure;
            try {
                failure = check.apply(documents, query);
            } catch (InvalidQueryException invalid) {
                refused.putIfAbsent(invalid.key() + ": " + invalid.reason(), query.toString());
                continue;
            } catch (RuntimeException e) {
                failure = Optional.of("error: " + e);
            }
            if (failure.isPresent()) {
                Shrinker.Shrunk shrunk = new Shrinker((docs, q) -> {
                    load.accept(docs);
                    return check.apply(docs, q);
                }).shrink(documents, query, failure.get());
                throw new AssertionError(Seeds.report(seed, index, shrunk, failure.get()) + Seeds.refusals(refused));
            }
        }
        if (!refused.isEmpty()) {
            throw new AssertionError("seed " + seed + ": " + Seeds.refusals(refused));
        }
    }
}
