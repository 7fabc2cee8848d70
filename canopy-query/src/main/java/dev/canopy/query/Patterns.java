package dev.canopy.query;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks regular expressions and LIKE patterns before they reach PostgreSQL, and converts LIKE to regex. */
final class Patterns {

    /** Longest pattern accepted. */
    static final int MAX_LENGTH = 1024;
    /** Constructs Java accepts but PostgreSQL's regex engine does not (or reads differently). */
    private static final Pattern UNSUPPORTED = Pattern.compile(
            "[*+?}]\\+|\\\\[pPQEhHRXGzZkNe]|\\(\\?<[A-Za-z]|\\(\\?[a-zA-Z-]+[:)]|\\\\[0-9]");
    /** Bounded repetitions above PostgreSQL's limit of 255. */
    private static final Pattern BIG_REPETITION = Pattern.compile("\\{\\s*(\\d{4,}|[3-9]\\d\\d|2[6-9]\\d|25[6-9])");

    private Patterns() {
    }

    /** Why {@code regex} cannot be used, or empty when it can. */
    static Optional<String> regexProblem(String regex) {
        if (regex.length() > MAX_LENGTH) {
            return Optional.of("regular expression is longer than " + MAX_LENGTH + " characters");
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.of("invalid regular expression: " + e.getDescription());
        }
        if (UNSUPPORTED.matcher(regex).find()) {
            return Optional.of("regular expression uses a construct PostgreSQL does not support"
                    + " (possessive quantifiers, \\p, \\Q, named groups, inline flags, back-references)");
        }
        if (BIG_REPETITION.matcher(regex).find()) {
            return Optional.of("regular expression repeats more than 255 times");
        }
        return Optional.empty();
    }

    /** Why {@code like} cannot be used, or empty when it can. */
    static Optional<String> likeProblem(String like) {
        if (like.length() > MAX_LENGTH) {
            return Optional.of("pattern is longer than " + MAX_LENGTH + " characters");
        }
        int trailingBackslashes = 0;
        for (int index = like.length() - 1; index >= 0 && like.charAt(index) == '\\'; index--) {
            trailingBackslashes++;
        }
        return trailingBackslashes % 2 == 1 ? Optional.of("pattern ends with an escape character") : Optional.empty();
    }

    /** A LIKE pattern ({@code %}, {@code _}, {@code \} escapes) as an anchored regular expression. */
    static String likeToRegex(String like) {
        StringBuilder regex = new StringBuilder("^");
        for (int index = 0; index < like.length(); index++) {
            char c = like.charAt(index);
            if (c == '\\' && index + 1 < like.length()) {
                regex.append(literal(like.charAt(++index)));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(literal(c));
            }
        }
        return regex.append('$').toString();
    }

    /** The escaped form of {@code text} for an SQL {@code LIKE}/{@code ILIKE} substring match. */
    static String containsLike(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A character matching itself: ASCII punctuation is escaped, letters, digits and the rest are not. */
    private static String literal(char c) {
        boolean punctuation = c < 0x80 && !Character.isLetterOrDigit(c) && c != ' ';
        return punctuation ? "\\" + c : String.valueOf(c);
    }
}
