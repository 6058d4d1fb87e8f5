package io.scimkit.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** xsd:dateTime parsing of {@link DateTimeValue} (RFC 7643 §2.3.5, S-ATTR-06). */
class DateTimeValueTest {
    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("2008-01-23T04:56:22Z", "2008-01-23T04:56:22Z"),
                Arguments.of("2011-05-13T04:42:34Z", "2011-05-13T04:42:34Z"),
                Arguments.of("2008-01-23T04:56:22+00:00", "2008-01-23T04:56:22Z"),
                Arguments.of("2008-01-23T04:56:22-00:00", "2008-01-23T04:56:22Z"),
                Arguments.of("2008-01-23T06:56:22+02:00", "2008-01-23T04:56:22Z"),
                Arguments.of("2008-01-22T23:26:22-05:30", "2008-01-23T04:56:22Z"),
                Arguments.of("2008-01-23T04:56:22.5Z", "2008-01-23T04:56:22.500Z"),
                Arguments.of("2008-01-23T04:56:22.123Z", "2008-01-23T04:56:22.123Z"),
                // .NET (Entra) writes seven fraction digits.
                Arguments.of("2021-03-04T05:06:07.1234567Z", "2021-03-04T05:06:07.123456700Z"),
                Arguments.of("2008-01-23T04:56:22.123456789+01:00", "2008-01-23T03:56:22.123456789Z"),
                // No zone: read as UTC.
                Arguments.of("2008-01-23T04:56:22", "2008-01-23T04:56:22Z"),
                Arguments.of("2008-01-23T04:56:22.25", "2008-01-23T04:56:22.250Z"),
                // RFC 3339 §5.6 allows lower-case t and z.
                Arguments.of("2008-01-23t04:56:22z", "2008-01-23T04:56:22Z"),
                Arguments.of("2000-02-29T00:00:00Z", "2000-02-29T00:00:00Z"),
                Arguments.of("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
                // issue 15: XML Schema 1.1 allows 24:00:00, the first instant of the next day...
                Arguments.of("2008-01-23T24:00:00Z", "2008-01-24T00:00:00Z"),
                Arguments.of("2008-12-31T24:00:00Z", "2009-01-01T00:00:00Z"),
                Arguments.of("2008-02-28T24:00:00Z", "2008-02-29T00:00:00Z"),
                Arguments.of("2008-01-23T24:00:00.000Z", "2008-01-24T00:00:00Z"),
                Arguments.of("2008-01-23T24:00:00+02:00", "2008-01-23T22:00:00Z"),
                Arguments.of("2008-01-23T24:00:00", "2008-01-24T00:00:00Z"),
                // ...and any number of fraction digits: those beyond nanoseconds are truncated, never rounded.
                Arguments.of("2008-01-23T04:56:22.1234567890Z", "2008-01-23T04:56:22.123456789Z"),
                Arguments.of("2008-01-23T04:56:22.1234567899999Z", "2008-01-23T04:56:22.123456789Z"),
                Arguments.of("2008-01-23T23:59:59.99999999999999999999Z", "2008-01-23T23:59:59.999999999Z"),
                Arguments.of("2008-01-23T04:56:22.000000000000Z", "2008-01-23T04:56:22Z"),
                // issue 11: the range is years 0001 to 9999, the same on every store.
                Arguments.of("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
                Arguments.of("9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z"),
                Arguments.of("0001-01-01T10:00:00+10:00", "0001-01-01T00:00:00Z"),
                Arguments.of("2008-01-23T04:56:22+14:00", "2008-01-22T14:56:22Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesXsdDateTime(String text, String instant) {
        DateTimeValue value = DateTimeValue.parse(text).orElseThrow();

        assertThat(value.lexical()).isEqualTo(text);
        assertThat(value.instant()).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        // S-ATTR-06: a date alone is not a dateTime.
        "2008-01-23", "2008-01-23Z", "2008-01-23+01:00",
        // A time needs seconds.
        "2008-01-23T04:56Z", "2008-01-23T04:56+01:00", "2008-01-23T04:56",
        // Zones are Z or (+|-)hh:mm.
        "2008-01-23T04:56:22+01", "2008-01-23T04:56:22+0100", "2008-01-23T04:56:22+01:00:30",
        "2008-01-23T04:56:22 Z", "2008-01-23T04:56:22UTC", "2008-01-23T04:56:22+25:00",
        // Separators and field ranges.
        "2008-01-23 04:56:22Z", "2008/01/23T04:56:22Z", "2008-1-23T04:56:22Z", "2008-01-23T4:56:22Z",
        "2008-13-01T00:00:00Z", "2008-02-30T00:00:00Z", "2007-02-29T00:00:00Z", "2008-01-23T25:00:00Z",
        "2008-01-23T04:60:00Z", "2008-01-23T04:56:60Z", "2008-01-23T04:56:22.Z",
        // 24 is only the hour of 24:00:00 exactly.
        "2008-01-23T24:00:01Z", "2008-01-23T24:01:00Z", "2008-01-23T24:00:00.000000001Z", "2008-01-23T24:00:00.5Z",
        // Zones beyond 14 hours (XML Schema 1.1 Part 2 §3.3.7).
        "2008-01-23T04:56:22+14:01", "2008-01-23T04:56:22-15:00", "2008-01-23T04:56:22+01:60",
        // issue 11: years outside 0001-9999, or written with a sign or more than four digits.
        "+294277-01-01T00:00:00Z", "294277-01-01T00:00:00Z", "-4713-11-24T00:00:00Z", "-4714-01-01T00:00:00Z",
        "10000-01-01T00:00:00Z", "+2008-01-23T04:56:22Z", "0000-12-31T23:59:59Z", "0001-01-01T00:00:00+00:01",
        "9999-12-31T23:59:59-00:01", "9999-12-31T24:00:00Z", "-2008-01-23T04:56:22Z",
        // Digits other than ASCII 0-9.
        "٢٠٠٨-01-23T04:56:22Z", "2008-01-23T04:56:22.١Z",
        // Garbage.
        "", " ", "T", "now", "yesterday", "1201234567", " 2008-01-23T04:56:22Z", "2008-01-23T04:56:22Z ",
        "2008-01-23T04:56:22Zjunk", "\u0000"})
    void rejectsWhatIsNotAnXsdDateTime(String text) {
        assertThat(DateTimeValue.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-292275055-05-16T16:47:04.192Z", "+294277-01-01T00:00:00Z", "0000-12-31T23:59:59.999999999Z",
        "+10000-01-01T00:00:00Z"})
    void noValueLiesOutsideYears0001To9999(String instant) {
        assertThatThrownBy(() -> DateTimeValue.of(Instant.parse(instant))).isInstanceOf(IllegalArgumentException.class);
        assertThat(DateTimeValue.of(DateTimeValue.MIN).instant()).isEqualTo(DateTimeValue.MIN);
        assertThat(DateTimeValue.of(DateTimeValue.MAX).instant()).isEqualTo(DateTimeValue.MAX);
    }

    /** A seeded property: every instant's ISO form parses back to the same instant. */
    @Test
    void roundTripsRandomInstants() {
        Random random = new Random(2008);
        for (int i = 0; i < 1000; i++) {
            long seconds = random.nextLong(-2_000_000_000L, 32_000_000_000L);
            Instant instant = Instant.ofEpochSecond(seconds, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            DateTimeValue value = DateTimeValue.of(instant);

            assertThat(DateTimeValue.parse(value.lexical())).contains(value);
        }
    }
}
