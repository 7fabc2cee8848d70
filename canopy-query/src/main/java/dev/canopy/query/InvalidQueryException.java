package dev.canopy.query;

/**
 * A query that cannot be run as written. {@code key} names the offending part of the query, in the
 * form a client can find it ({@code filter[1].o}, {@code sort[0].key}, {@code aggregate[0].group}),
 * or is empty when the query as a whole is wrong.
 */
public class InvalidQueryException extends RuntimeException {

    private final String key;

    public InvalidQueryException(String key, String reason) {
        super(reason);
        this.key = key;
    }

    public String key() {
        return key;
    }

    public String reason() {
        return getMessage();
    }
}
