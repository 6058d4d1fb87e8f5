package io.scimkit.core.store.memory;

import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortOrder;
import io.scimkit.core.value.BinaryValue;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.ScimValue;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The order of a sorted query (RFC 7644 §3.4.2.3): sort keys compared by the attribute's type,
 * strings by its {@code caseExact} (case-insensitively without a locale otherwise, P-SRT-07),
 * resources without a value last in ascending and first in descending order (P-SRT-05), and ties
 * broken by creation sequence so that the order is total (which keyset cursors rely on).
 * Without a sort, the order is the creation sequence alone.
 */
final class SortOrdering {
    private final @Nullable Sort sort;
    private final Comparator<SortKey> keys;

    SortOrdering(@Nullable Sort sort) {
        this.sort = sort;
        Comparator<SortKey> ascending = keyComparator(sort == null || compared(sort.by()).caseExact());
        this.keys = sort != null && sort.order() == SortOrder.DESCENDING ? ascending.reversed() : ascending;
    }

    /** Whether a sort was requested. */
    boolean sorted() {
        return sort != null;
    }

    /** The key of a body, or {@code null} without a sort. */
    @Nullable SortKey keyOf(ComplexValue body) {
        if (sort == null) {
            return null;
        }
        ResolvedAttribute by = sort.by();
        ScimValue value = AttributeValues.sortValue(by, body);
        return value == null ? SortKey.Missing.INSTANCE : typed(compared(by).type(), value);
    }

    /** The definition whose values are compared: a complex attribute sorts by its {@code value}. */
    private static AttributeDefinition compared(ResolvedAttribute by) {
        AttributeDefinition leaf = by.leaf();
        return leaf.isComplex() ? leaf.subAttribute("value").orElse(leaf) : leaf;
    }

    /** Compares two positions: (key, sequence). */
    int compare(@Nullable SortKey keyA, long sequenceA, @Nullable SortKey keyB, long sequenceB) {
        if (sort != null) {
            int byKey = keys.compare(Objects.requireNonNull(keyA), Objects.requireNonNull(keyB));
            if (byKey != 0) {
                return byKey;
            }
        }
        return Long.compare(sequenceA, sequenceB);
    }

    /** A fingerprint of the sort for cursor signatures. */
    String describe() {
        return sort == null ? "" : sort.by().canonicalPath() + " " + sort.order().token();
    }

    private static SortKey typed(AttributeType type, ScimValue value) {
        if (value instanceof IntegerValue integer) {
            return new SortKey.Number(BigDecimal.valueOf(integer.value()));
        }
        if (value instanceof DecimalValue decimal) {
            return new SortKey.Number(decimal.value());
        }
        if (value instanceof DateTimeValue dateTime) {
            return new SortKey.Time(dateTime.instant());
        }
        if (value instanceof BooleanValue flag) {
            return new SortKey.Flag(flag.value());
        }
        if (value instanceof BinaryValue binary) {
            return new SortKey.Text(binary.base64());
        }
        String text = AttributeValues.text(value);
        if (text == null) {
            return SortKey.Missing.INSTANCE;
        }
        if (type == AttributeType.DATE_TIME) {
            // A dateTime held as a string (e.g. a body built by hand) still sorts chronologically.
            return DateTimeValue.parse(text).<SortKey>map(parsed -> new SortKey.Time(parsed.instant()))
                    .orElse(new SortKey.Text(text));
        }
        return new SortKey.Text(text);
    }

    private static Comparator<SortKey> keyComparator(boolean caseExact) {
        Comparator<String> strings = caseExact ? Comparator.naturalOrder() : String.CASE_INSENSITIVE_ORDER;
        return (a, b) -> {
            if (a.rank() != b.rank()) {
                return Integer.compare(a.rank(), b.rank());
            }
            if (a instanceof SortKey.Text textA && b instanceof SortKey.Text textB) {
                return strings.compare(textA.value(), textB.value());
            }
            if (a instanceof SortKey.Number numberA && b instanceof SortKey.Number numberB) {
                return numberA.value().compareTo(numberB.value());
            }
            if (a instanceof SortKey.Time timeA && b instanceof SortKey.Time timeB) {
                return timeA.value().compareTo(timeB.value());
            }
            if (a instanceof SortKey.Flag flagA && b instanceof SortKey.Flag flagB) {
                return Boolean.compare(flagA.value(), flagB.value());
            }
            return 0;
        };
    }
}
