package io.scimkit.core.patch;

import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When two elements of a multi-valued attribute count as the same (digest K-52): an {@code add}
 * skips an element already present (P-PAT-ADD-07) and Entra's {@code remove} with a value list
 * removes the listed elements (quirk Q4).
 *
 * <p>Elements with a {@code value} sub-attribute compare {@code value}, and {@code type} when both
 * carry one ({@code {"value":"u1"}} is the member {@code {"value":"u1","type":"User"}}); other
 * complex elements (such as {@code addresses}) compare every sub-attribute except {@code display}
 * and {@code primary}. Strings follow the sub-attribute's {@code caseExact}.
 */
final class ElementEquality {
    private ElementEquality() {
    }

    /** Whether the two elements of the attribute are the same element. */
    static boolean same(AttributeDefinition attribute, ScimValue left, ScimValue right) {
        if (!(left instanceof ComplexValue a) || !(right instanceof ComplexValue b)) {
            return equal(attribute, left, right);
        }
        Optional<AttributeDefinition> value = attribute.subAttribute("value");
        if (value.isPresent() && (a.getOrNull("value") != null || b.getOrNull("value") != null)) {
            if (!equal(value.get(), a.getOrNull("value"), b.getOrNull("value"))) {
                return false;
            }
            Optional<AttributeDefinition> type = attribute.subAttribute("type");
            ScimValue typeA = a.getOrNull("type");
            ScimValue typeB = b.getOrNull("type");
            return type.isEmpty() || typeA == null || typeB == null || equal(type.get(), typeA, typeB);
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

    /** Whether two values of one (sub-)attribute are equal, strings by its {@code caseExact}. */
    static boolean equal(AttributeDefinition definition, @Nullable ScimValue x, @Nullable ScimValue y) {
        if (x == null || y == null) {
            return x == y;
        }
        if (!definition.caseExact() && x instanceof StringValue a && y instanceof StringValue b) {
            return a.value().equalsIgnoreCase(b.value());
        }
        return x.equals(y);
    }
}
