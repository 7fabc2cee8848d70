package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.collector.CollectedResource;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The resources of one type in one region, read lazily: a failure while reading them (permission denied,
 * throttled beyond the retries, endpoint unreachable) ends them with one {@code inventory.ErrorResource}
 * item naming the call and the region, so the other types and regions go on.
 */
final class GuardedCollection {

    private GuardedCollection() {
    }

    /**
     * @param call   what is called, for the error message: {@code EC2 DescribeInstances}
     * @param region the region code, or null for a global service
     */
    static Stream<CollectedResource> of(CloudServiceType type, String call, String region,
                                        Supplier<Stream<CollectedResource>> source) {
        Iterator<CollectedResource> items = new Iterator<>() {
            private Stream<CollectedResource> opened;
            private Iterator<CollectedResource> iterator;
            private CollectedResource error;
            private boolean finished;

            @Override
            public boolean hasNext() {
                if (error != null) {
                    return true;
                }
                if (finished) {
                    return false;
                }
                try {
                    if (iterator == null) {
                        opened = source.get();
                        iterator = opened.iterator();
                    }
                    if (iterator.hasNext()) {
                        return true;
                    }
                    finish();
                    return false;
                } catch (PluginException e) {
                    throw e;
                } catch (RuntimeException e) {
                    finish();
                    if (Thread.currentThread().isInterrupted()) {
                        return false;
                    }
                    error = InventoryItems.error(type, region,
                            call + (region == null ? "" : " in " + region) + " failed: " + AwsErrors.describe(e));
                    return true;
                }
            }

            @Override
            public CollectedResource next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (error != null) {
                    CollectedResource item = error;
                    error = null;
                    return item;
                }
                return iterator.next();
            }

            private void finish() {
                finished = true;
                if (opened != null) {
                    opened.close();
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
