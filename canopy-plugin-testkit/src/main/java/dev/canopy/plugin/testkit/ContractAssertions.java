package dev.canopy.plugin.testkit;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/** What the contracts of every kind check alike: JSON values, rejections, bounded streams. */
final class ContractAssertions {

    private ContractAssertions() {
    }

    /** The call fails with {@code PluginException(REJECTED)} and a message for the user. */
    static PluginException assertRejected(String what, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as(what + " must be rejected").isInstanceOf(PluginException.class);
        PluginException failure = (PluginException) thrown;
        assertThat(failure.failure()).as(what + ": failure of " + failure).isEqualTo(PluginFailure.REJECTED);
        assertThat(failure.getMessage()).as(what + ": the rejection's message").isNotBlank();
        return failure;
    }

    /** Every value of the map, at any depth, is a JSON value: null, Boolean, Number, String, List, Map. */
    static void assertJsonObject(String where, Map<String, Object> map) {
        assertThat(map).as(where).isNotNull();
        map.forEach((key, value) -> {
            assertThat(key).as(where + ": a key").isNotNull();
            assertJsonValue(where + "." + key, value);
        });
    }

    @SuppressWarnings("unchecked")
    private static void assertJsonValue(String where, Object value) {
        if (value == null || value instanceof Boolean || value instanceof String) {
            return;
        }
        if (value instanceof Number number) {
            assertThat(Double.isFinite(number.doubleValue())).as(where + " is a finite number: " + value).isTrue();
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> assertThat(key).as(where + ": a key").isInstanceOf(String.class));
            assertJsonObject(where, (Map<String, Object>) map);
            return;
        }
        if (value instanceof Collection<?> list) {
            int index = 0;
            for (Object element : list) {
                assertJsonValue(where + "[" + index++ + "]", element);
            }
            return;
        }
        fail(where + " is not a JSON value but a " + value.getClass().getName());
    }

    /** The value at a dotted path ({@code reference.resource_id}) of nested maps, or null. */
    static Object valueAt(Map<String, Object> map, String dottedPath) {
        Object current = map;
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(key);
        }
        return current;
    }

    /** Consumes and closes a stream, failing if it holds more than {@code limit} items. */
    static <T> List<T> consume(String what, Stream<T> stream, int limit) {
        List<T> items = new ArrayList<>();
        try (stream) {
            stream.forEachOrdered(item -> {
                assertThat(item).as(what + ": an item").isNotNull();
                items.add(item);
                if (items.size() > limit) {
                    fail(what + " streamed more than " + limit + " items: raise the contract's item limit");
                }
            });
        }
        return items;
    }

    /** Opens a stream, takes its first item (if any), closes it: the plugin must stop cleanly. */
    static <T> void takeOneAndClose(Stream<T> stream) {
        try (stream) {
            stream.iterator().hasNext();
        }
    }
}
