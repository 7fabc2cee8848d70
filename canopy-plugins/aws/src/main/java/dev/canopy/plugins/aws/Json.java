package dev.canopy.plugins.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the AWS SDK's field values into plain JSON values (String, Number, Boolean, List, Map, null). */
final class Json {

    private Json() {
    }

    static Object value(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            for (Object element : collection) {
                list.add(value(element));
            }
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> object = new LinkedHashMap<>();
            map.forEach((key, element) -> object.put(String.valueOf(key), value(element)));
            return object;
        }
        // The SDK's enums print their wire value.
        return value.toString();
    }

    /** A map without its null values, in the given order: {@code object("a", 1, "b", null)} is {@code {a: 1}}. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int index = 0; index + 1 < keysAndValues.length; index += 2) {
            Object json = value(keysAndValues[index + 1]);
            if (json != null) {
                object.put((String) keysAndValues[index], json);
            }
        }
        return object;
    }
}
