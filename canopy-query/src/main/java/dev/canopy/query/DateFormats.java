package dev.canopy.query;

/**
 * Translates a group key's {@code date_format} (strftime directives, or MongoDB's {@code year},
 * {@code month}, {@code day}) into PostgreSQL's {@code to_char} over a UTC timestamp.
 */
final class DateFormats {

    private DateFormats() {
    }

    static Sql format(Sql timestamp, String dateFormat, String where) {
        Sql utc = new Sql().append("(").append(timestamp).append(" AT TIME ZONE 'UTC')");
        return switch (dateFormat) {
            case "year", "month", "day" -> new Sql().append("CAST(extract(" + (dateFormat.equals("day") ? "day" : dateFormat)
                    + " FROM ").append(utc).append(") AS integer)");
            default -> new Sql().append("to_char(").append(utc).append(", CAST(? AS text))", toCharPattern(dateFormat, where));
        };
    }

    /** {@code %Y-%m} becomes {@code YYYY"-"MM}: directives mapped, all other text quoted as literal. */
    static String toCharPattern(String dateFormat, String where) {
        if (dateFormat.isEmpty() || dateFormat.length() > 64) {
            throw new InvalidQueryException(where, "date_format must be 1 to 64 characters");
        }
        StringBuilder pattern = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int index = 0; index < dateFormat.length(); index++) {
            char c = dateFormat.charAt(index);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (index + 1 == dateFormat.length()) {
                throw new InvalidQueryException(where, "date_format ends with a lone '%'");
            }
            char directive = dateFormat.charAt(++index);
            String field = switch (directive) {
                case 'Y' -> "YYYY";
                case 'm' -> "MM";
                case 'd' -> "DD";
                case 'H' -> "HH24";
                case 'M' -> "MI";
                case 'S' -> "SS";
                case 'j' -> "DDD";
                case '%' -> null;
                default -> throw new InvalidQueryException(where, "date_format directive '%" + directive
                        + "' is not supported; use %Y %m %d %H %M %S %j or %%");
            };
            if (field == null) {
                literal.append('%');
                continue;
            }
            flushLiteral(pattern, literal);
            pattern.append(field);
        }
        flushLiteral(pattern, literal);
        return pattern.toString();
    }

    private static void flushLiteral(StringBuilder pattern, StringBuilder literal) {
        if (!literal.isEmpty()) {
            pattern.append('"').append(literal.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            literal.setLength(0);
        }
    }
}
