package dev.canopy.query;

/**
 * A page of results: skip {@code start - 1} rows (start is 1-based, as in Cloudforet) and take at
 * most {@code limit}. A limit of zero means "no limit asked for"; the compiler still caps it.
 */
public record Page(int start, int limit) {

    public static final Page ALL = new Page(1, 0);

    public boolean limited() {
        return limit > 0;
    }
}
