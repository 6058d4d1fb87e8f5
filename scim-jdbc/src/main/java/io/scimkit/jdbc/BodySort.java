package io.scimkit.jdbc;

import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortOrder;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.math.BigDecimal;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * The order of a sort the database cannot do (an attribute kept only in the JSON body), applied in
 * Java with the semantics of RFC 7644 §3.4.2.3: a multi-valued attribute sorts by its primary
 * value, else its first (P-SRT-03); numbers numerically, dateTimes chronologically, strings by the
 * attribute's caseExact (P-SRT-07); resources without a value last ascending, first descending
 * (P-SRT-05). Callers sort a list in creation order with a stable sort, so ties keep it.
 */
final class BodySort {
    private BodySort() {
    }

    /** A comparator of resource bodies for the sort. */
    static Comparator<ComplexValue> comparator(Sort sort) {
        Comparator<Comparable<?>> values = values(compared(sort.by()).caseExact());
        Comparator<@Nullable Comparable<?>> missingLast = Comparator.nullsLast(values);
        Comparator<@Nullable Comparable<?>> ordered = sort.order() == SortOrder.DESCENDING
                ? Comparator.nullsFirst(values.reversed()) : missingLast;
        return (a, b) -> ordered.compare(key(sort.by(), a), key(sort.by(), b));
    }

    private static AttributeDefinition compared(ResolvedAttribute by) {
        AttributeDefinition leaf = by.leaf();
        return leaf.isComplex() ? leaf.subAttribute("value").orElse(leaf) : leaf;
    }

    /** The comparable sort value of a body, or {@code null} when it has none. */
    static @Nullable Comparable<?> key(ResolvedAttribute by, ComplexValue body) {
        ComplexValue holder = body;
        if (by.extensionUrn() != null) {
            if (!(body.getOrNull(by.extensionUrn()) instanceof ComplexValue extension)) {
                return null;
            }
            holder = extension;
        }
        ScimValue value = holder.getOrNull(by.attribute().name());
        if (value instanceof MultiValue multi) {
            value = primaryOrFirst(multi);
        }
        String sub = by.subAttribute() != null ? by.subAttribute().name()
                : by.attribute().isComplex() && by.attribute().subAttribute("value").isPresent() ? "value" : null;
        if (sub != null) {
            value = value instanceof ComplexValue complex ? complex.getOrNull(sub) : null;
        }
        if (value == null || value.isUnassigned() || value instanceof MultiValue) {
            return null;
        }
        if (value instanceof IntegerValue integer) {
            return BigDecimal.valueOf(integer.value());
        }
        if (value instanceof DecimalValue decimal) {
            return decimal.value();
        }
        if (value instanceof DateTimeValue dateTime) {
            return dateTime.instant();
        }
        if (value instanceof BooleanValue flag) {
            return flag.value();
        }
        String text = IndexedValues.text(value);
        if (text != null && compared(by).type() == io.scimkit.core.schema.AttributeType.DATE_TIME) {
            return DateTimeValue.parse(text).<Comparable<?>>map(DateTimeValue::instant).orElse(text);
        }
        return text;
    }

    private static @Nullable ScimValue primaryOrFirst(MultiValue multi) {
        for (ScimValue element : multi.values()) {
            if (element instanceof ComplexValue complex && complex.getOrNull("primary") instanceof BooleanValue flag
                    && flag.value()) {
                return element;
            }
        }
        return multi.values().isEmpty() ? null : multi.values().get(0);
    }

    private static int rank(Comparable<?> value) {
        if (value instanceof String) {
            return 0;
        }
        if (value instanceof BigDecimal) {
            return 1;
        }
        return value instanceof java.time.Instant ? 2 : 3;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Comparable<?>> values(boolean caseExact) {
        return (a, b) -> {
            if (a instanceof String textA && b instanceof String textB) {
                return caseExact ? textA.compareTo(textB) : String.CASE_INSENSITIVE_ORDER.compare(textA, textB);
            }
            if (rank(a) != rank(b)) {
                // Only in badly typed data: order by kind so the order stays total.
                return Integer.compare(rank(a), rank(b));
            }
            return ((Comparable) a).compareTo(b);
        };
    }
}
