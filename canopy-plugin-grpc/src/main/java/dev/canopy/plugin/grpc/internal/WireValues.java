package dev.canopy.plugin.grpc.internal;

import com.google.protobuf.Timestamp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Times and dates on the wire: instants as {@code google.protobuf.Timestamp}, dates as ISO strings
 * ({@code YYYY-MM-DD}, {@code YYYY-MM}) as Cloudforet sends them. Null travels as an absent field.
 * Decoding throws on text that is not a date, which the host reports as a malformed response.
 */
public final class WireValues {

    private WireValues() {
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    public static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    public static YearMonth month(String text) {
        return YearMonth.parse(text);
    }

    /** Null as the absent value of an {@code optional string} field. */
    public static String orNull(boolean present, String value) {
        return present ? value : null;
    }
}
