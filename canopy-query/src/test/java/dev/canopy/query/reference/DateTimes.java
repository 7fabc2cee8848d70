package dev.canopy.query.reference;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Date-time rules of the query language (docs/query.md, "Date-times" and "Relative times"). */
public final class DateTimes {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern RELATIVE = Pattern.compile(
            "\\s*now\\s*(/\\s*[dwm])?\\s*(?:([+-])\\s*(\\d+)\\s*([smhdw]))?\\s*");

    private DateTimes() {
    }

    /**
     * A stored string as a date-time: {@code YYYY-MM-DD} (midnight UTC) or
     * {@code YYYY-MM-DD[T ]hh:mm:ss[.f{1,6}][Z|±hh:mm]} (UTC without an offset) with a valid date and time.
     */
    public static Optional<Instant> parse(String text) {
        try {
            Matcher date = DATE.matcher(text);
            if (date.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3))).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            Matcher time = DATE_TIME.matcher(text);
            if (!time.matches()) {
                return Optional.empty();
            }
            String fraction = time.group(7) == null ? "" : time.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(
                    LocalDate.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)),
                            Integer.parseInt(time.group(3))),
                    LocalTime.of(Integer.parseInt(time.group(4)), Integer.parseInt(time.group(5)),
                            Integer.parseInt(time.group(6)), nanos));
            String offset = time.group(8);
            ZoneOffset zone = offset == null || offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
            return Optional.of(OffsetDateTime.of(local, zone).toInstant());
        } catch (DateTimeException | NumberFormatException invalid) {
            return Optional.empty();
        }
    }

    /** The time a {@code timediff_*} value names, relative to {@code now}. */
    public static Instant relative(String text, Instant now) {
        Matcher matcher = RELATIVE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a relative time: " + text);
        }
        LocalDateTime base = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        String rounding = matcher.group(1) == null ? null : matcher.group(1).replace("/", "").strip();
        if (rounding != null) {
            LocalDate day = base.toLocalDate();
            base = switch (rounding) {
                case "d" -> day.atStartOfDay();
                case "w" -> day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()).atStartOfDay();
                case "m" -> day.withDayOfMonth(1).atStartOfDay();
                default -> throw new IllegalArgumentException(text);
            };
        }
        Instant time = base.toInstant(ZoneOffset.UTC);
        if (matcher.group(2) != null) {
            long amount = Long.parseLong(matcher.group(3));
            Duration step = switch (matcher.group(4)) {
                case "s" -> Duration.of(amount, ChronoUnit.SECONDS);
                case "m" -> Duration.of(amount, ChronoUnit.MINUTES);
                case "h" -> Duration.of(amount, ChronoUnit.HOURS);
                case "d" -> Duration.of(amount, ChronoUnit.DAYS);
                case "w" -> Duration.of(amount * 7, ChronoUnit.DAYS);
                default -> throw new IllegalArgumentException(text);
            };
            time = matcher.group(2).equals("+") ? time.plus(step) : time.minus(step);
        }
        return time;
    }
}
