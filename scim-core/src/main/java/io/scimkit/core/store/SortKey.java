package io.scimkit.core.store;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.value.BinaryValue;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The value a resource sorts by for a {@link Sort}, with the ordering of RFC 7644 §3.4.2.3. A store
 * that sorts in its own code (or that pages by keyset cursors) can use it instead of writing the
 * rules again:
 *
 * <pre>{@code
 * List<ScimResource> ordered = SortKey.sort(matches, query.sort());      // stable, keys computed once
 * Comparator<ScimResource> order = SortKey.comparator(query.sort());      // the same order as a comparator
 * String position = SortKey.of(last, query.sort()).encode();             // into a cursor, and back:
 * SortKey after = SortKey.decode(position);
 * }</pre>
 *
 * <p>The rules:
 * <ul>
 *   <li>A multi-valued attribute sorts by its element marked {@code primary: true}, else by its
 *       first element. A complex attribute named without a sub-attribute sorts by its {@code value}
 *       sub-attribute, as filters compare it; an attribute of a schema extension is read from the
 *       extension's object (RFC 7643 §3.3).
 *   <li>Values compare by the attribute's type (RFC 7643 §2.3): integers and decimals numerically,
 *       dateTimes chronologically (also when a body holds one as a string), {@code false} before
 *       {@code true}. Strings and references compare case-insensitively when the attribute is not
 *       {@code caseExact}, character by character without a locale as
 *       {@link String#CASE_INSENSITIVE_ORDER} does, else exactly; binary values by their base64 text.
 *   <li>A resource without a value ({@link Missing}) sorts last in ascending order and first in
 *       descending order.
 *   <li>Keys of different kinds (only in data a store kept without its types) order by kind: text,
 *       number, time, boolean, so that the order stays total.
 * </ul>
 * Ties are left to the caller: {@link #sort} keeps the order it was given; a keyset cursor needs a
 * unique tie-breaker such as the id. Keys are immutable values; {@code equals} agrees with
 * {@code compareTo}.
 */
public sealed interface SortKey extends Comparable<SortKey>
        permits SortKey.Text, SortKey.Numeric, SortKey.Time, SortKey.Flag, SortKey.Missing {

    /**
     * A string, reference or binary value, held as it compares.
     *
     * @param value the text; for an attribute that is not caseExact, its case fold ({@link #text})
     */
    record Text(String value) implements SortKey {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String encode() {
            return "s" + value;
        }
    }

    /**
     * An integer or decimal value.
     *
     * @param value the number, without trailing zeros (so that {@code 1.0} and {@code 1} are equal keys)
     */
    record Numeric(BigDecimal value) implements SortKey {
        public Numeric {
            value = Objects.requireNonNull(value, "value").stripTrailingZeros();
        }

        @Override
        public String encode() {
            return "n" + value;
        }
    }

    /**
     * A dateTime value.
     *
     * @param value the instant
     */
    record Time(Instant value) implements SortKey {
        public Time {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String encode() {
            return "t" + value;
        }
    }

    /**
     * A boolean value.
     *
     * @param value the value
     */
    record Flag(boolean value) implements SortKey {
        @Override
        public String encode() {
            return "b" + value;
        }
    }

    /** No value: after every value in ascending order, before them in descending order. */
    record Missing() implements SortKey {
        private static final Missing INSTANCE = new Missing();

        @Override
        public String encode() {
            return "-";
        }
    }

    /** The key of a resource without a value for the sort attribute. */
    static SortKey missing() {
        return Missing.INSTANCE;
    }

    /**
     * The key of text: its case fold unless {@code caseExact}, so that keys compare as
     * {@link String#CASE_INSENSITIVE_ORDER} compares the texts.
     */
    static SortKey text(String value, boolean caseExact) {
        return new Text(caseExact ? value : fold(value));
    }

    /** The key of a resource for a sort ({@link Missing} when the resource has no value). */
    static SortKey of(ScimResource resource, Sort sort) {
        return of(resource.body(), sort);
    }

    /** The key of a resource body for a sort ({@link Missing} when the body has no value). */
    static SortKey of(ComplexValue body, Sort sort) {
        ResolvedAttribute by = sort.by();
        ComplexValue holder = body;
        if (by.extensionUrn() != null) {
            if (!(body.getOrNull(by.extensionUrn()) instanceof ComplexValue extension)) {
                return missing();
            }
            holder = extension;
        }
        ScimValue value = representative(holder.getOrNull(by.attribute().name()));
        AttributeDefinition compared = by.leaf();
        String sub = by.subAttribute() != null ? by.subAttribute().name() : null;
        if (sub == null && by.attribute().isComplex() && by.attribute().subAttribute("value").isPresent()) {
            sub = "value";
            compared = by.attribute().subAttribute("value").orElseThrow();
        }
        if (sub != null) {
            value = value instanceof ComplexValue complex ? representative(complex.getOrNull(sub)) : null;
        }
        return value == null || value.isUnassigned() ? missing() : typed(value, compared);
    }

    /** The order of keys: natural for ascending, reversed for descending (so {@link Missing} comes first). */
    static Comparator<SortKey> order(SortOrder order) {
        return order == SortOrder.DESCENDING ? Comparator.<SortKey>naturalOrder().reversed()
                : Comparator.naturalOrder();
    }

    /**
     * Resources in the order of a sort. It computes a resource's key on every comparison; for many
     * resources {@link #sort} is cheaper.
     */
    static Comparator<ScimResource> comparator(Sort sort) {
        Objects.requireNonNull(sort, "sort");
        return Comparator.comparing(resource -> of(resource, sort), order(sort.order()));
    }

    /**
     * A sorted copy of resources, computing each key once. The sort is stable: resources with equal
     * keys keep the order they were given in (e.g. creation order).
     */
    static List<ScimResource> sort(Collection<? extends ScimResource> resources, Sort sort) {
        List<Map.Entry<ScimResource, SortKey>> keyed = new ArrayList<>(resources.size());
        for (ScimResource resource : resources) {
            keyed.add(new AbstractMap.SimpleImmutableEntry<>(resource, of(resource, sort)));
        }
        keyed.sort(Map.Entry.comparingByValue(order(sort.order())));
        List<ScimResource> sorted = new ArrayList<>(keyed.size());
        keyed.forEach(entry -> sorted.add(entry.getKey()));
        return sorted;
    }

    /**
     * The key as text, e.g. for a keyset cursor: a one-letter kind and the value. Read it back with
     * {@link #decode}.
     */
    String encode();

    /**
     * Reads what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException if the text is not an encoded key
     */
    static SortKey decode(String encoded) {
        if (encoded.isEmpty()) {
            throw new IllegalArgumentException("empty sort key");
        }
        String value = encoded.substring(1);
        try {
            return switch (encoded.charAt(0)) {
                case 's' -> new Text(value);
                case 'n' -> new Numeric(new BigDecimal(value));
                case 't' -> new Time(Instant.parse(value));
                case 'b' -> new Flag(parseFlag(value));
                case '-' -> {
                    if (!value.isEmpty()) {
                        throw new IllegalArgumentException("a missing sort key has no value");
                    }
                    yield missing();
                }
                default -> throw new IllegalArgumentException("unknown sort key kind");
            };
        } catch (DateTimeException notAnInstant) {
            throw new IllegalArgumentException("not an encoded sort key", notAnInstant);
        }
    }

    /** Compares by kind (text, number, time, boolean, missing), then by value. */
    @Override
    default int compareTo(SortKey other) {
        int byKind = Integer.compare(rank(this), rank(other));
        if (byKind != 0) {
            return byKind;
        }
        if (this instanceof Text text) {
            return text.value().compareTo(((Text) other).value());
        }
        if (this instanceof Numeric number) {
            return number.value().compareTo(((Numeric) other).value());
        }
        if (this instanceof Time time) {
            return time.value().compareTo(((Time) other).value());
        }
        if (this instanceof Flag flag) {
            return Boolean.compare(flag.value(), ((Flag) other).value());
        }
        return 0;
    }

    private static int rank(SortKey key) {
        if (key instanceof Text) {
            return 0;
        }
        if (key instanceof Numeric) {
            return 1;
        }
        if (key instanceof Time) {
            return 2;
        }
        return key instanceof Flag ? 3 : 4;
    }

    /** A multi-valued attribute's primary element, else its first; any other value as it is. */
    private static @Nullable ScimValue representative(@Nullable ScimValue value) {
        if (!(value instanceof MultiValue multi)) {
            return value;
        }
        for (ScimValue element : multi.values()) {
            if (element instanceof ComplexValue complex && complex.getOrNull("primary") instanceof BooleanValue primary
                    && primary.value()) {
                return element;
            }
        }
        return multi.values().isEmpty() ? null : multi.values().get(0);
    }

    private static SortKey typed(ScimValue value, AttributeDefinition compared) {
        if (value instanceof IntegerValue integer) {
            return new Numeric(BigDecimal.valueOf(integer.value()));
        }
        if (value instanceof DecimalValue decimal) {
            return new Numeric(decimal.value());
        }
        if (value instanceof DateTimeValue time) {
            return new Time(time.instant());
        }
        if (value instanceof BooleanValue flag) {
            return new Flag(flag.value());
        }
        if (value instanceof BinaryValue binary) {
            return new Text(binary.base64());
        }
        String text = value instanceof StringValue string ? string.value()
                : value instanceof ReferenceValue reference ? reference.uri() : null;
        if (text == null) {
            return missing();
        }
        if (compared.type() == AttributeType.DATE_TIME) {
            // A dateTime held as a string (e.g. a body built by hand) still sorts chronologically.
            var parsed = DateTimeValue.parse(text);
            if (parsed.isPresent()) {
                return new Time(parsed.get().instant());
            }
        }
        return text(text, compared.caseExact());
    }

    private static boolean parseFlag(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("not a boolean: " + value);
        }
        return Boolean.parseBoolean(value);
    }

    /** Folds case as {@link String#CASE_INSENSITIVE_ORDER} compares, so that {@code compareTo} agrees with it. */
    private static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }
}
