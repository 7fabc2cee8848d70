package dev.canopy.query;

/** One sort key; ascending unless {@code desc}. */
public record SortKey(String key, boolean desc) {
}
