package dev.canopy.plugins.demo;

import dev.canopy.plugin.api.PluginException;

import java.time.Clock;
import java.util.Map;

/**
 * The demo collector's options.
 *
 * @param size           cloud services in the estate, exactly; 1000 by default
 * @param seed           what every generated value derives from; 1 by default
 * @param generation     which state of the estate to collect; by default the clock's
 *                       {@code floor(epoch_seconds / change_interval)}, so it moves on by itself
 * @param changeInterval seconds per generation, 3600 by default
 * @param changeRate     the share of cloud services that change an attribute from one generation to the
 *                       next, 0.02 by default (0 for none, 1 for all)
 * @param account        the account id of every cloud, or null for one per cloud derived from the seed
 */
record DemoCollectorOptions(long size, long seed, long generation, long changeInterval, double changeRate, String account) {

    static final long DEFAULT_SIZE = 1000;
    static final long DEFAULT_CHANGE_INTERVAL = 3600;
    static final double DEFAULT_CHANGE_RATE = 0.02;

    /** Reads the options, the generation from the clock when not given; malformed options are {@code REJECTED}. */
    static DemoCollectorOptions parse(Map<String, Object> options, Clock clock) {
        long size = whole(options, "size", DEFAULT_SIZE);
        long seed = whole(options, "seed", 1);
        long changeInterval = whole(options, "change_interval", DEFAULT_CHANGE_INTERVAL);
        if (size < 0 || size > Estate.MAX_SIZE) {
            throw PluginException.rejected("size must be from 0 to " + Estate.MAX_SIZE + ", got " + size);
        }
        if (changeInterval < 1) {
            throw PluginException.rejected("change_interval must be at least 1 second, got " + changeInterval);
        }
        long generation = whole(options, "generation", Math.floorDiv(clock.instant().getEpochSecond(), changeInterval));
        if (generation < 0 || generation > Estate.MAX_GENERATION) {
            throw PluginException.rejected("generation must be from 0 to " + Estate.MAX_GENERATION + ", got " + generation);
        }
        Object rate = options.getOrDefault("change_rate", DEFAULT_CHANGE_RATE);
        if (!(rate instanceof Number number) || !(number.doubleValue() >= 0 && number.doubleValue() <= 1)) {
            throw PluginException.rejected("change_rate must be a number from 0 to 1, got " + rate);
        }
        Object account = options.get("account");
        if (account != null && !(account instanceof String text && !text.isBlank())) {
            throw PluginException.rejected("account must be a non-blank string");
        }
        return new DemoCollectorOptions(size, seed, generation, changeInterval, number.doubleValue(), (String) account);
    }

    private static long whole(Map<String, Object> options, String name, long fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) < 0x1p62) {
            return number.longValue();
        }
        throw PluginException.rejected(name + " must be a whole number, got " + value);
    }
}
