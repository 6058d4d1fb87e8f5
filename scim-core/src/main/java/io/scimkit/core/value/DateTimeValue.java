package io.scimkit.core.value;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

    /** Reads xsd:dateTime text as an instant: with an offset or {@code Z}, or as UTC without one. */
    static Optional<Instant> toInstant(String text) {
        // xsd:dateTime needs a 'T' between date and time; a bare date is not a dateTime (S-ATTR-06).
        if (text.length() < 19 || text.indexOf('T') != 10 && text.indexOf('t') != 10) {
            return Optional.empty();
        }
        String normalized = text.indexOf('t') == 10 ? text.replace('t', 'T') : text;
        try {
            return Optional.of(OffsetDateTime.parse(normalized).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(normalized).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notADateTime) {
                return Optional.empty();
            }
        }
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitDateTime(this);
    }
}
