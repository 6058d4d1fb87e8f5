package io.scimkit.core.store.memory;

import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the values an attribute path reaches in a resource body (RFC 7643 §3.3: extension
 * attributes live in the object keyed by the extension URN), for indexing.
 */
final class AttributeValues {
    private AttributeValues() {
    }

    /**
     * Every value at the path: each element of a multi-valued attribute, and for a sub-attribute
     * path the sub-attribute of each element. A complex attribute named without a sub-attribute
     * yields its {@code value} sub-attribute, as the filter evaluator reads it (so {@code emails eq "x"}
     * finds {@code emails.value}, as clients send despite RFC 7644 §3.4.2.2 asking for the sub-attribute).
     */
    static List<ScimValue> all(ResolvedAttribute at, ComplexValue body) {
        ScimValue value = attributeValue(at, body);
        List<ScimValue> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        String sub = subName(at);
        for (ScimValue element : elements(value)) {
            if (sub == null) {
                out.add(element);
            } else if (element instanceof ComplexValue complex) {
                ScimValue leaf = complex.getOrNull(sub);
                if (leaf != null) {
                    out.addAll(elements(leaf));
                }
            }
        }
        return out;
    }

    /** The text of a string or reference value, else {@code null}. */
    static @Nullable String text(ScimValue value) {
        if (value instanceof StringValue string) {
            return string.value();
        }
        return value instanceof ReferenceValue reference ? reference.uri() : null;
    }

    private static @Nullable ScimValue attributeValue(ResolvedAttribute at, ComplexValue body) {
        ComplexValue holder = body;
        if (at.extensionUrn() != null) {
            if (!(body.getOrNull(at.extensionUrn()) instanceof ComplexValue extension)) {
                return null;
            }
            holder = extension;
        }
        return holder.getOrNull(at.attribute().name());
    }

    private static @Nullable String subName(ResolvedAttribute at) {
        if (at.subAttribute() != null) {
            return at.subAttribute().name();
        }
        return at.attribute().isComplex() && at.attribute().subAttribute("value").isPresent() ? "value" : null;
    }

    private static List<ScimValue> elements(ScimValue value) {
        return value instanceof MultiValue multi ? multi.values() : List.of(value);
    }
}
