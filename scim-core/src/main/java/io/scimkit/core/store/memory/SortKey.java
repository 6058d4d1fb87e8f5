package io.scimkit.core.store.memory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The value a resource sorts by (RFC 7644 §3.4.2.3), typed so that numbers sort numerically and
 * dateTimes chronologically (P-SRT-08), or {@link Missing} when the resource has none (P-SRT-05).
 * A key can be written into a cursor and read back ({@link #encode()}, {@link #decode(String)}).
 */
sealed interface SortKey permits SortKey.Text, SortKey.Number, SortKey.Time, SortKey.Flag, SortKey.Missing {

    /** The rank of the kind, ordering keys of different kinds (only in badly typed data). */
    int rank();

    /** The key as text: a one-letter tag and the value. */
    String encode();

    /**
     * Reads {@link #encode()}'s output.
     *
     * @throws IllegalArgumentException if the text is not an encoded key
     */
    static SortKey decode(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty sort key");
        }
        String value = text.substring(1);
        return switch (text.charAt(0)) {
            case 's' -> new Text(value);
            case 'n' -> new Number(new BigDecimal(value));
            case 't' -> new Time(Instant.parse(value));
            case 'b' -> new Flag(Boolean.parseBoolean(value));
            case '-' -> Missing.INSTANCE;
            default -> throw new IllegalArgumentException("unknown sort key tag");
        };
    }

    /** A string, reference or binary value. */
    record Text(String value) implements SortKey {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public int rank() {
            return 0;
        }

        @Override
        public String encode() {
            return "s" + value;
        }
    }

    /** An integer or decimal value. */
    record Number(BigDecimal value) implements SortKey {
        public Number {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public int rank() {
            return 1;
        }

        @Override
        public String encode() {
            return "n" + value;
        }
    }

    /** A dateTime value. */
    record Time(Instant value) implements SortKey {
        public Time {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public int rank() {
            return 2;
        }

        @Override
        public String encode() {
            return "t" + value;
        }
    }

    /** A boolean value. */
    record Flag(boolean value) implements SortKey {
        @Override
        public int rank() {
            return 3;
        }

        @Override
        public String encode() {
            return "b" + value;
        }
    }

    /** No value: sorts after every value in ascending order. */
    enum Missing implements SortKey {
        INSTANCE;

        @Override
        public int rank() {
            return Integer.MAX_VALUE;
        }

        @Override
        public String encode() {
            return "-";
        }
    }
}
