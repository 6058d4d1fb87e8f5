package io.scimkit.core.patch.internal;

import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * When two elements of a multi-valued attribute count as the same: an {@code add} skips an element
 * already present (RFC 7644 §3.5.2.1) and Entra's {@code remove} with a value list removes the
 * listed elements (quirk Q4, see {@code docs/entra-quirks.md}). The RFC does not say when two
 * elements are the same; the rule below is ours.
 *
 * <p>Elements with a {@code value} sub-attribute compare {@code value}, and {@code type} when both
 * carry one ({@code {"value":"u1"}} is the member {@code {"value":"u1","type":"User"}}); other
 * complex elements (such as {@code addresses}) compare every sub-attribute except {@code display}
 * and {@code primary}. Strings follow the sub-attribute's {@code caseExact}.
 *
 * <p>An instance holds one attribute's {@code value} and {@code type} definitions, looked up once
 * rather than per pair of elements. Immutable.
 */
public final class ElementEquality {
    private static final String VALUE = "value";
    private static final String TYPE = "type";

    private final AttributeDefinition attribute;
    private final @Nullable AttributeDefinition value;
    private final @Nullable AttributeDefinition type;
    private final boolean primaries;

    private ElementEquality(AttributeDefinition attribute) {
        this.attribute = attribute;
        this.value = attribute.subAttribute(VALUE).orElse(null);
        this.type = attribute.subAttribute(TYPE).orElse(null);
        this.primaries = PrimaryRule.applies(attribute);
    }

    /** The attribute whose elements this compares. */
    public AttributeDefinition attribute() {
        return attribute;
    }

    /** Whether the {@link PrimaryRule} applies to the attribute's elements (they have a boolean {@code primary}). */
    public boolean primaries() {
        return primaries;
    }

    /** The sameness of the elements of this multi-valued attribute. */
    public static ElementEquality of(AttributeDefinition attribute) {
        return new ElementEquality(attribute);
    }

    /** Whether the two elements of the attribute are the same element. */
    public static boolean same(AttributeDefinition attribute, ScimValue left, ScimValue right) {
        return of(attribute).same(left, right);
    }

    /** Whether the two elements are the same element. */
    public boolean same(ScimValue left, ScimValue right) {
        if (!(left instanceof ComplexValue a) || !(right instanceof ComplexValue b)) {
            return equal(attribute, left, right);
        }
        ScimValue valueA = a.getOrNull(VALUE);
        ScimValue valueB = b.getOrNull(VALUE);
        if (value != null && (valueA != null || valueB != null)) {
            if (!equal(value, valueA, valueB)) {
                return false;
            }
            ScimValue typeA = a.getOrNull(TYPE);
            ScimValue typeB = b.getOrNull(TYPE);
            return type == null || typeA == null || typeB == null || equal(type, typeA, typeB);
        }
        Set<String> names = new LinkedHashSet<>();
        a.attributes().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        b.attributes().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        names.remove("display");
        names.remove("primary");
        for (String name : names) {
            AttributeDefinition sub = attribute.subAttribute(name).orElse(null);
            ScimValue x = a.getOrNull(name);
            ScimValue y = b.getOrNull(name);
            if (sub == null ? !Objects.equals(x, y) : !equal(sub, x, y)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #same} with a fixed right-hand element whose {@code value} and {@code type} are looked
     * up once, for scanning a list for it.
     */
    public Predicate<ScimValue> sameAs(ScimValue element) {
        if (value == null || !(element instanceof ComplexValue probe)) {
            return stored -> same(stored, element);
        }
        ScimValue probeValue = probe.getOrNull(VALUE);
        if (probeValue == null) {
            return stored -> same(stored, element);
        }
        ScimValue probeType = probe.getOrNull(TYPE);
        return stored -> {
            if (!(stored instanceof ComplexValue a)) {
                return equal(attribute, stored, element);
            }
            if (!equal(value, a.getOrNull(VALUE), probeValue)) {
                return false;
            }
            ScimValue storedType = a.getOrNull(TYPE);
            return type == null || storedType == null || probeType == null || equal(type, storedType, probeType);
        };
    }

    /**
     * A hash key such that elements {@link #same} as each other have equal keys, or {@code null}
     * for an element without one (no {@code value}, or not complex), which may be the same as any
     * other keyless element. The key is the {@code value}, strings folded by case when the
     * sub-attribute is not {@code caseExact}.
     */
    public @Nullable Object key(ScimValue element) {
        if (value == null || !(element instanceof ComplexValue complex)) {
            return null;
        }
        ScimValue stored = complex.getOrNull(VALUE);
        if (stored == null) {
            return null;
        }
        if (!value.caseExact() && stored instanceof StringValue string) {
            return new FoldedString(string.value());
        }
        return stored;
    }

    /** Whether two values of one (sub-)attribute are equal, strings by its {@code caseExact}. */
    public static boolean equal(AttributeDefinition definition, @Nullable ScimValue x, @Nullable ScimValue y) {
        if (x == null || y == null) {
            return x == y;
        }
        if (!definition.caseExact() && x instanceof StringValue a && y instanceof StringValue b) {
            return a.value().equalsIgnoreCase(b.value());
        }
        return x.equals(y);
    }

    /**
     * A string compared as {@link String#equalsIgnoreCase} does; the hash folds each code point to
     * {@code toLowerCase(toUpperCase(c))}, which is equal for any two code points that method
     * considers equal, so equal keys always hash alike.
     */
    private static final class FoldedString {
        private final String text;
        private final int hash;

        FoldedString(String text) {
            this.text = text;
            int h = text.length();
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                h = 31 * h + Character.toLowerCase(Character.toUpperCase(codePoint));
                i += Character.charCount(codePoint);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof FoldedString folded && folded.text.equalsIgnoreCase(text);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
