package dev.canopy.plugins.aws;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams that are opened one after the other, each only when the one before is used up, and closed when
 * used up or when the whole stream is closed. Unlike {@code flatMap}, pulling one item never buffers a
 * whole inner stream.
 */
final class SequentialCollection {

    private SequentialCollection() {
    }

    static <T> Stream<T> concat(List<Supplier<Stream<T>>> parts) {
        class Items implements Iterator<T> {
            private int nextPart;
            private Stream<T> current;
            private Iterator<T> iterator;

            @Override
            public boolean hasNext() {
                while (iterator == null || !iterator.hasNext()) {
                    closeCurrent();
                    if (nextPart >= parts.size()) {
                        return false;
                    }
                    current = parts.get(nextPart++).get();
                    iterator = current.iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return iterator.next();
            }

            void closeCurrent() {
                if (current != null) {
                    Stream<T> closing = current;
                    current = null;
                    iterator = null;
                    closing.close();
                }
            }
        }
        Items items = new Items();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false)
                .onClose(items::closeCurrent);
    }
}
