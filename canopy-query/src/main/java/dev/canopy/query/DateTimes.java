package dev.canopy.query;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the date-time values of {@code datetime_*} and {@code timediff_*} conditions. */
final class DateTimes {

    /** The text form of an instant inside a jsonpath literal, which PostgreSQL's {@code .datetime()} reads. */
    private static final DateTimeFormatter JSONPATH_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    /** The stored strings that count as date-times (docs/query.md), as a regular expression both Java and PostgreSQL read. */
    static final String STORED_FORM =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})?)?$";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern TIMEDIFF =
            Pattern.compile("now(?:/([dwm]))?(?:\\s*([+-])\\s*(\\d{1,9})\\s*([smhdw]))?");

    private DateTimes() {
    }

    /**
     * An ISO-8601 date ({@code 2024-05-01}, midnight UTC) or date-time (offset optional, UTC when
     * absent); empty when {@code text} is neither.
     */
    static Optional<Instant> parse(String text) {
        try {
            if (DATE.matcher(text).matches()) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (DATE_TIME.matcher(text).matches()) {
                String iso = text.replace(' ', 'T');
                boolean hasOffset = iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
                return Optional.of(hasOffset ? OffsetDateTime.parse(iso).toInstant()
                        : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
            }
        } catch (DateTimeParseException notAValidDate) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Resolves a relative time such as {@code now-7d} or {@code now/d + 9h}; empty when malformed. */
    static Optional<Instant> resolveTimediff(String text, Clock clock) {
        Matcher matcher = TIMEDIFF.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime base = switch (matcher.group(1) == null ? "" : matcher.group(1)) {
            case "d" -> now.truncatedTo(ChronoUnit.DAYS);
            case "w" -> now.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "m" -> now.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            default -> now;
        };
        if (matcher.group(2) == null) {
            return Optional.of(base.toInstant());
        }
        long amount = Long.parseLong(matcher.group(3)) * ("-".equals(matcher.group(2)) ? -1 : 1);
        Duration offset = switch (matcher.group(4)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
        return Optional.of(base.toInstant().plus(offset));
    }

    static String jsonPathText(Instant instant) {
        return JSONPATH_FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
