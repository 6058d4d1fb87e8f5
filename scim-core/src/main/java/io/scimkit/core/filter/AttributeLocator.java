package io.scimkit.core.filter;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the values an attribute path reaches inside a complex value (a resource body, or one
 * element of a multi-valued attribute inside a value filter) and asks whether any of them passes
 * a test: the "any value matches" rule for multi-valued attributes (RFC 7644 §3.4.2.2).
 *
 * <p>Names are the schema's canonical spellings, so lookups normally hit the exact key; the
 * case-insensitive fallback of {@link ComplexValue#getOrNull} covers bodies built by hand.
 * Immutable; allocates nothing while matching.
 *
 * @param extensionUrn the key of the extension object holding the attribute (RFC 7643 §3.3), or
 *     {@code null} for an attribute at the top level of the scope
 * @param attribute the attribute name
 * @param subAttribute the sub-attribute name, or {@code null}
 */
record AttributeLocator(@Nullable String extensionUrn, String attribute, @Nullable String subAttribute) {

    /** Whether some value at this path in the scope passes the test; an absent path never does. */
    boolean anyMatch(ComplexValue scope, ValueTest test) {
        ComplexValue holder = scope;
        if (extensionUrn != null) {
            if (!(scope.getOrNull(extensionUrn) instanceof ComplexValue extension)) {
                return false;
            }
            holder = extension;
        }
        ScimValue value = holder.getOrNull(attribute);
        if (value == null) {
            return false;
        }
        if (subAttribute == null) {
            return anyElement(value, test);
        }
        if (value instanceof MultiValue multi) {
            List<ScimValue> elements = multi.values();
            for (int i = 0; i < elements.size(); i++) {
                if (elements.get(i) instanceof ComplexValue element && anySub(element, test)) {
                    return true;
                }
            }
            return false;
        }
        return value instanceof ComplexValue complex && anySub(complex, test);
    }

    private boolean anySub(ComplexValue element, ValueTest test) {
        ScimValue sub = element.getOrNull(subAttribute);
        return sub != null && anyElement(sub, test);
    }

    /** Tests a single value, or each element of a multi-valued one. */
    private static boolean anyElement(ScimValue value, ValueTest test) {
        if (value instanceof MultiValue multi) {
            List<ScimValue> elements = multi.values();
            for (int i = 0; i < elements.size(); i++) {
                if (test.test(elements.get(i))) {
                    return true;
                }
            }
            return false;
        }
        return test.test(value);
    }
}
