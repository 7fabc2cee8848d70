package dev.canopy.server.repository;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code major.minor.patch[-pre-release]} version, ordered as semantic versioning says. */
record SemanticVersion(int major, int minor, int patch, String preRelease) implements Comparable<SemanticVersion> {

    private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
            + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");
    private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
            .thenComparingInt(SemanticVersion::minor)
            .thenComparingInt(SemanticVersion::patch)
            .thenComparing(SemanticVersion::preRelease, SemanticVersion::comparePreRelease);

    static boolean isValid(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    static SemanticVersion parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a semantic version: " + text);
        }
        return new SemanticVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), matcher.group(4) == null ? "" : matcher.group(4));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        return ORDER.compare(this, other);
    }

    /** A release outranks its pre-releases; pre-releases compare field by field, numbers below words. */
    private static int comparePreRelease(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return Boolean.compare(left.isEmpty(), right.isEmpty());
        }
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean aNumeric = a[i].chars().allMatch(Character::isDigit);
            boolean bNumeric = b[i].chars().allMatch(Character::isDigit);
            int compared = aNumeric && bNumeric ? Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]))
                    : aNumeric != bNumeric ? (aNumeric ? -1 : 1) : a[i].compareTo(b[i]);
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
