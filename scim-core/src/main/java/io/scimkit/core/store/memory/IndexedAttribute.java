package io.scimkit.core.store.memory;

import io.scimkit.core.store.IndexKey;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An attribute the store keeps a hash index on, and whether its values are unique per tenant
 * (RFC 7643 §2.2 {@code uniqueness: server}; {@code externalId} only when configured, since
 * RFC 7643 §3.1 leaves it to the client). Keys follow {@link IndexKey}: exact for caseExact attributes, folded otherwise.
 *
 * @param attribute the indexed path, resolved against the resource type
 * @param unique whether two resources of a tenant may not share a key
 */
record IndexedAttribute(ResolvedAttribute attribute, boolean unique) {
    IndexedAttribute {
        Objects.requireNonNull(attribute, "attribute");
        if (attribute.leaf().isComplex()) {
            throw new IllegalArgumentException("index a simple attribute or sub-attribute, not the complex "
                    + attribute.canonicalPath());
        }
    }

    /** Whether the attribute's values compare case-exactly. */
    boolean caseExact() {
        return attribute.leaf().caseExact();
    }

    /** The keys of a resource body's values at this path (string and reference values only). */
    Set<String> keysOf(ComplexValue body) {
        Set<String> keys = new LinkedHashSet<>();
        for (ScimValue value : AttributeValues.all(attribute, body)) {
            String text = AttributeValues.text(value);
            if (text != null) {
                keys.add(IndexKey.of(caseExact(), text));
            }
        }
        return keys;
    }

    /** The key a filter operand is looked up under. */
    String keyOf(String operand) {
        return IndexKey.of(caseExact(), operand);
    }
}
