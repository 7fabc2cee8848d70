package dev.canopy.query;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A validated dotted document key such as {@code data.compute.instance_type}. The grammar is strict
 * (letters, digits and {@code _ - : / @} per segment, at most {@value #MAX_DEPTH} segments) so that
 * a key can be quoted inside a jsonpath without any escaping.
 */
public record KeyPath(String key, List<String> segments) {

    public static final int MAX_DEPTH = 16;
    public static final int MAX_LENGTH = 256;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_:/@-]+");

    /** Parses {@code key}, naming {@code where} in the error when it breaks the grammar. */
    public static KeyPath parse(String key, String where) {
        if (key == null || key.isEmpty()) {
            throw new InvalidQueryException(where, "key must be a non-empty string");
        }
        if (key.length() > MAX_LENGTH) {
            throw new InvalidQueryException(where, "key is longer than " + MAX_LENGTH + " characters");
        }
        List<String> segments = List.of(key.split("\\.", -1));
        if (segments.size() > MAX_DEPTH) {
            throw new InvalidQueryException(where, "key '" + key + "' is deeper than " + MAX_DEPTH + " levels");
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new InvalidQueryException(where, "key '" + key + "' is not a valid dotted key");
            }
        }
        return new KeyPath(key, segments);
    }

    /**
     * The segments, to bind as a PostgreSQL {@code text[]} (for {@code #>} and {@code jsonb_set}).
     * A real array rather than text cast to one: PostgreSQL would parse such a cast again for
     * every row, as {@code array_in} is not immutable.
     */
    public String[] array() {
        return segments.toArray(new String[0]);
    }
}
