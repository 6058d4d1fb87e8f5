package io.scimkit.core.protocol;

import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortOrder;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The value a resource sorts by in the core (RFC 7644 §3.4.2.3), for stores that do not sort
 * themselves and for queries across resource types.
 *
 * <ul>
 *   <li>A multi-valued attribute sorts by its {@code primary: true} element, else its first
 *       (P-SRT-03).
 *   <li>Strings that are not caseExact compare case-insensitively, char by char without a locale,
 *       as {@link String#CASE_INSENSITIVE_ORDER} does; caseExact strings and references compare
 *       exactly (P-SRT-07). Integers and decimals compare numerically, dateTimes chronologically,
 *       {@code false} before {@code true} (P-SRT-08).
 *   <li>Resources without a value come last in ascending order and first in descending order
 *       (P-SRT-05); ties keep the order the store returned them in.
 *   <li>Values of different kinds under one attribute (possible only for data a store kept
 *       untyped) order by kind: text, number, time, boolean.
 * </ul>
 */
record SortKey(int rank, Object value) implements Comparable<SortKey> {
    private static final int TEXT = 0;
    private static final int NUMBER = 1;
    private static final int TIME = 2;
    private static final int FLAG = 3;

    @Override
    public int compareTo(SortKey other) {
        if (rank != other.rank) {
            return Integer.compare(rank, other.rank);
        }
        return switch (rank) {
            case TEXT -> ((String) value).compareTo((String) other.value);
            case NUMBER -> ((BigDecimal) value).compareTo((BigDecimal) other.value);
            case TIME -> ((Instant) value).compareTo((Instant) other.value);
            default -> Boolean.compare((Boolean) value, (Boolean) other.value);
        };
    }

    /** The key of a resource body for a sort, or {@code null} when it has no value for the attribute. */
    static @Nullable SortKey of(ComplexValue body, Sort sort) {
        ComplexValue holder = body;
        if (sort.by().extensionUrn() != null) {
            if (!(body.getOrNull(sort.by().extensionUrn()) instanceof ComplexValue extension)) {
                return null;
            }
            holder = extension;
        }
        ScimValue value = representative(holder.getOrNull(sort.by().attribute().name()));
        AttributeDefinition sub = sort.by().subAttribute();
        if (sub != null) {
            value = value instanceof ComplexValue complex ? representative(complex.getOrNull(sub.name())) : null;
        }
        return value == null ? null : keyOf(value, sort.by().leaf());
    }

    /**
     * Sorts items by their keys, stably; {@code key} is computed once per item.
     */
    static <T> List<T> sort(List<T> items, Function<T, @Nullable SortKey> key, SortOrder order) {
        List<Map.Entry<T, @Nullable SortKey>> decorated = new ArrayList<>(items.size());
        for (T item : items) {
            decorated.add(new java.util.AbstractMap.SimpleImmutableEntry<>(item, key.apply(item)));
        }
        Comparator<@Nullable SortKey> ascending = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<@Nullable SortKey> keys = order == SortOrder.DESCENDING ? ascending.reversed() : ascending;
        decorated.sort((a, b) -> keys.compare(a.getValue(), b.getValue()));
        List<T> sorted = new ArrayList<>(items.size());
        for (Map.Entry<T, @Nullable SortKey> entry : decorated) {
            sorted.add(entry.getKey());
        }
        return sorted;
    }

    /** A multi-valued attribute's primary element, else its first; other values as they are. */
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

    private static @Nullable SortKey keyOf(ScimValue value, AttributeDefinition leaf) {
        if (value instanceof StringValue string) {
            if (leaf.type() == AttributeType.DATE_TIME) {
                return DateTimeValue.parse(string.value()).map(time -> new SortKey(TIME, time.instant()))
                        .orElse(new SortKey(TEXT, string.value()));
            }
            return new SortKey(TEXT, leaf.caseExact() ? string.value() : fold(string.value()));
        }
        if (value instanceof ReferenceValue reference) {
            return new SortKey(TEXT, reference.uri());
        }
        if (value instanceof IntegerValue integer) {
            return new SortKey(NUMBER, BigDecimal.valueOf(integer.value()));
        }
        if (value instanceof DecimalValue decimal) {
            return new SortKey(NUMBER, decimal.value());
        }
        if (value instanceof DateTimeValue time) {
            return new SortKey(TIME, time.instant());
        }
        if (value instanceof BooleanValue flag) {
            return new SortKey(FLAG, flag.value());
        }
        return null;
    }

    /** Folds case as {@link String#CASE_INSENSITIVE_ORDER} compares, so that compareTo agrees with it. */
    private static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }
}
