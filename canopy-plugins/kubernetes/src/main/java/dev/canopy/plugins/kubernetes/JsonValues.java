package dev.canopy.plugins.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Conversions from the client's model to the plain JSON values of a collected item. Whole numbers become
 * longs, as a protobuf Struct gives them back, so an item reads the same in process and over gRPC.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Long whole(Integer value) {
        return value == null ? null : value.longValue();
    }

    static long wholeOrZero(Integer value) {
        return value == null ? 0L : value.longValue();
    }

    /** A copy of a string map (labels, selectors), empty for null. */
    static Map<String, Object> strings(Map<String, String> values) {
        return values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
    }

    static <T> List<Object> each(List<T> values, Function<T, Object> convert) {
        return values == null ? List.of() : values.stream().map(convert).toList();
    }

    /** An API timestamp ({@code 2024-03-01T10:00:00Z}) as ISO-8601 UTC, or null. */
    static String instant(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(timestamp).toString();
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }

    /**
     * Resource quantities ({@code cpu: 4}, {@code memory: 16Gi}) as the API writes them, under snake_case keys
     * ({@code ephemeral-storage} becomes {@code ephemeral_storage}, {@code nvidia.com/gpu} {@code nvidia_com_gpu}),
     * so every key is a plain segment of a dotted path.
     */
    static Map<String, Object> quantities(Map<String, Quantity> quantities) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (quantities != null) {
            quantities.forEach((name, quantity) -> json.put(snake(name), quantity == null ? null : quantity.toString()));
        }
        return json;
    }

    /** A quantity as a number in its base unit (cores, bytes), or null. */
    static Number amount(Map<String, Quantity> quantities, String name) {
        Quantity quantity = quantities == null ? null : quantities.get(name);
        if (quantity == null) {
            return null;
        }
        try {
            BigDecimal amount = quantity.getNumericalAmount();
            return amount.stripTrailingZeros().scale() <= 0 ? (Number) amount.longValueExact() : (Number) amount.doubleValue();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    static String snake(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** The map's value for the first of the keys it has, or null. */
    static String first(Map<String, String> values, String... keys) {
        if (values == null) {
            return null;
        }
        for (String key : keys) {
            if (values.get(key) != null) {
                return values.get(key);
            }
        }
        return null;
    }
}
