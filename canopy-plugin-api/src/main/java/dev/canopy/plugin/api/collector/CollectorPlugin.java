package dev.canopy.plugin.api.collector;

import dev.canopy.plugin.api.Plugin;

import java.util.List;
import java.util.stream.Stream;

/** Inventory collector: reads a cloud account and streams what it finds. */
public interface CollectorPlugin extends Plugin {

    /** Splits one account's collection into tasks (per region, per service, ...); one task by default. */
    default List<CollectTask> tasks(CollectRequest request) {
        return List.of(CollectTask.whole());
    }

    /**
     * Streams the resources of one task. The stream is consumed once and closed by the caller, which may
     * stop early; a plugin can return millions of items without holding them.
     */
    Stream<CollectedResource> collect(CollectRequest request);
}
