package io.scimkit.core.value;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM {@code dateTime} value (RFC 7643 §2.3.5): an xsd:dateTime with both date and time, such as
 * {@code 2008-01-23T04:56:22Z}. The lexical form is kept as sent; {@link #instant()} gives the point
 * in time, so that comparisons are chronological. A value without a zone offset is read as UTC.
 */
public record DateTimeValue(String lexical, Instant instant) implements ScimValue {
    public DateTimeValue {
        Objects.requireNonNull(lexical, "lexical");
        Objects.requireNonNull(instant, "instant");
    }

    /**
     * Parses an xsd:dateTime.
     *
     * @return the value, or empty if the text is not a dateTime with both date and time
     */
    public static Optional<DateTimeValue> parse(String lexical) {
        return toInstant(lexical).map(instant -> new DateTimeValue(lexical, instant));
    }

    /** The value for a point in time, rendered in ISO-8601 UTC form. */
    public static DateTimeValue of(Instant instant) {
        return new DateTimeValue(instant.toString(), instant);
    }

    /**
     * xsd:dateTime (XML Schema Part 2 §3.2.7): {@code yyyy-mm-ddThh:mm:ss[.fraction][zone]} where the
     * seconds are mandatory and the zone is {@code Z} or {@code (+|-)hh:mm}. Lower-case {@code t} and
     * {@code z} are accepted as RFC 3339 §5.6 allows; a fraction has at most nine digits.
     */
    private static final DateTimeFormatter XSD_DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Reads xsd:dateTime text as an instant: with an offset or {@code Z}, or as UTC without one. */
    static Optional<Instant> toInstant(String text) {
        // A bare date such as 2008-01-23 is not a dateTime (RFC 7643 §2.3.5); neither is a time without
        // seconds or an offset such as +01 or +01:00:30, which java.time alone would accept.
        try {
            TemporalAccessor parsed = XSD_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime withOffset) {
                return Optional.of(withOffset.toInstant());
            }
            return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notADateTime) {
            return Optional.empty();
        }
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitDateTime(this);
    }
}
