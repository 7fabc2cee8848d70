package dev.canopy.query;

/** The date bucket of an analyze query, with the text form of its {@code date} key. */
public enum Granularity {
    DAILY("%Y-%m-%d"), MONTHLY("%Y-%m"), YEARLY("%Y");

    private final String dateFormat;

    Granularity(String dateFormat) {
        this.dateFormat = dateFormat;
    }

    /** The group-key date format producing this bucket. */
    public String dateFormat() {
        return dateFormat;
    }
}
