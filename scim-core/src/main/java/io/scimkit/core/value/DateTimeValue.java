package io.scimkit.core.value;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM {@code dateTime} value (RFC 7643 §2.3.5): an xsd:dateTime with both date and time, such as
 * {@code 2008-01-23T04:56:22Z}. The lexical form is kept as sent; {@link #instant()} gives the point
 * in time, so that comparisons are chronological. A value without a zone offset is read as UTC.
 *
 * <p>As in XML Schema 1.1 (Part 2 §3.3.7), {@code 24:00:00} is the first instant of the next day
 * and a fraction may have any number of digits; digits beyond nanoseconds are truncated (dropped,
 * never rounded, so that a value never moves into the next second). The instant lies between
 * {@link #MIN} and {@link #MAX} (years 0001 to 9999, the range of RFC 3339's four-digit year):
 * a text outside it is no dateTime here, so that every store, whatever its own date range,
 * holds and compares the same values.
 */
public record DateTimeValue(String lexical, Instant instant) implements ScimValue {
    /** The earliest instant a dateTime may denote: {@code 0001-01-01T00:00:00Z}. */
    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant a dateTime may denote: {@code 9999-12-31T23:59:59.999999999Z}. */
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * xsd:dateTime (XML Schema 1.1 Part 2 §3.3.7): {@code yyyy-mm-ddThh:mm:ss[.fraction][zone]} with
     * a four-digit year, mandatory seconds, and a zone that is {@code Z} or {@code (+|-)hh:mm}.
     * Lower-case {@code t} and {@code z} are accepted as RFC 3339 §5.6 allows.
     */
    private static final Pattern XSD_DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?([Zz]|[+-]\\d{2}:\\d{2})?");
    private static final int NANO_DIGITS = 9;

    /**
     * @throws IllegalArgumentException if the instant is before {@link #MIN} or after {@link #MAX}
     */
    public DateTimeValue {
        Objects.requireNonNull(lexical, "lexical");
        Objects.requireNonNull(instant, "instant");
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new IllegalArgumentException("a dateTime lies between the years 0001 and 9999");
        }
    }

    /**
     * Parses an xsd:dateTime.
     *
     * @return the value, or empty if the text is not a dateTime with both date and time, or denotes
     *         an instant outside {@link #MIN}..{@link #MAX}
     */
    public static Optional<DateTimeValue> parse(String lexical) {
        return toInstant(lexical).map(instant -> new DateTimeValue(lexical, instant));
    }

    /**
     * The value for a point in time, rendered in ISO-8601 UTC form.
     *
     * @throws IllegalArgumentException if the instant is before {@link #MIN} or after {@link #MAX}
     */
    public static DateTimeValue of(Instant instant) {
        return new DateTimeValue(instant.toString(), instant);
    }

    /** Reads xsd:dateTime text as an instant: with an offset or {@code Z}, or as UTC without one. */
    static Optional<Instant> toInstant(String text) {
        // A bare date such as 2008-01-23 is not a dateTime (RFC 7643 §2.3.5); neither is a time without
        // seconds or an offset such as +01 or +01:00:30.
        Matcher parts = XSD_DATE_TIME.matcher(text);
        if (!parts.matches()) {
            return Optional.empty();
        }
        try {
            int hour = number(parts, 4);
            int minute = number(parts, 5);
            int second = number(parts, 6);
            String fraction = parts.group(7) == null ? "" : parts.group(7);
            boolean endOfDay = hour == 24;
            if (endOfDay && (minute != 0 || second != 0 || !fraction.chars().allMatch(digit -> digit == '0'))) {
                return Optional.empty();
            }
            LocalDateTime local = LocalDateTime.of(LocalDate.of(number(parts, 1), number(parts, 2), number(parts, 3)),
                    LocalTime.of(endOfDay ? 0 : hour, minute, second, nanos(fraction)));
            Instant instant = local.plusDays(endOfDay ? 1 : 0).toInstant(offset(parts.group(8)));
            return instant.isBefore(MIN) || instant.isAfter(MAX) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    private static int number(Matcher parts, int group) {
        return Integer.parseInt(parts.group(group));
    }

    /** The nanoseconds of a fraction's digits, any beyond the ninth truncated. */
    private static int nanos(String fraction) {
        String digits = fraction.length() > NANO_DIGITS ? fraction.substring(0, NANO_DIGITS) : fraction;
        return digits.isEmpty() ? 0 : Integer.parseInt(digits + "0".repeat(NANO_DIGITS - digits.length()));
    }

    /** {@code Z}, none (UTC) or {@code (+|-)hh:mm} with at most 14 hours (XML Schema 1.1 Part 2 §3.3.7). */
    private static ZoneOffset offset(@Nullable String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        int hours = Integer.parseInt(zone.substring(1, 3));
        int minutes = Integer.parseInt(zone.substring(4, 6));
        if (hours > 14 || minutes > 59 || hours == 14 && minutes > 0) {
            throw new DateTimeException("zone out of range");
        }
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitDateTime(this);
    }
}
