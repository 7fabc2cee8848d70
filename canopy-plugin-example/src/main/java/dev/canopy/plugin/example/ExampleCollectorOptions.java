package dev.canopy.plugin.example;

import dev.canopy.plugin.api.PluginException;

import java.util.List;
import java.util.Map;

/**
 * The example collector's options.
 *
 * @param count     cloud services in the whole account (spread over the regions), 100 by default
 * @param seed      what the generated values derive from, 1 by default: the same options give the same items
 * @param regions   region codes, one task each
 * @param failAfter fail the collection after emitting this many items (for failure tests), -1 for never
 * @param delayMs   sleep before each item (for failure and timeout tests), 0 by default
 */
record ExampleCollectorOptions(long count, long seed, List<String> regions, long failAfter, long delayMs) {

    static final List<String> DEFAULT_REGIONS = List.of("ex-north-1", "ex-south-1");

    /** Reads the options; anything malformed is the caller's mistake: {@code REJECTED}. */
    static ExampleCollectorOptions parse(Map<String, Object> options) {
        long count = whole(options, "count", 100);
        long seed = whole(options, "seed", 1);
        long failAfter = whole(options, "fail_after", -1);
        long delayMs = whole(options, "delay_ms", 0);
        if (count < 0 || delayMs < 0) {
            throw PluginException.rejected("count and delay_ms must not be negative");
        }
        List<String> regions = DEFAULT_REGIONS;
        Object given = options.get("regions");
        if (given != null) {
            if (!(given instanceof List<?> list) || list.isEmpty()
                    || !list.stream().allMatch(region -> region instanceof String code && !code.isBlank())) {
                throw PluginException.rejected("regions must be a non-empty list of region codes");
            }
            regions = list.stream().map(String.class::cast).distinct().toList();
        }
        return new ExampleCollectorOptions(count, seed, regions, failAfter, delayMs);
    }

    private static long whole(Map<String, Object> options, String name, long fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        throw PluginException.rejected(name + " must be a whole number, got " + value);
    }
}
