package dev.canopy.server.identity.access;

import java.util.regex.Pattern;

/**
 * A permission pattern such as {@code inventory.*}, {@code *.*.get} or {@code inventory.Server.list}:
 * {@code *} matches any text (dots included) and {@code ?} one character, as Cloudforet's
 * shell-style matching does.
 */
public record PermissionPattern(String text, Pattern regex) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.*?]{1,128}");

    public static PermissionPattern of(String text) {
        if (text == null || !VALID.matcher(text).matches()) {
            throw new IllegalArgumentException("not a permission pattern: " + text);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                case '.' -> "\\.";
                default -> String.valueOf(c);
            });
        }
        return new PermissionPattern(text, Pattern.compile(regex.toString()));
    }

    public boolean matches(String permission) {
        return regex.matcher(permission).matches();
    }
}
