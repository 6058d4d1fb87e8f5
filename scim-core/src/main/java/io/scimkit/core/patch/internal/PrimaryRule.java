package io.scimkit.core.patch.internal;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import java.util.BitSet;
import java.util.List;

/**
 * The {@code primary} rule of RFC 7643 §2.4 and RFC 7644 §3.5.2 : when an
 * operation sets {@code primary: true} on one element, every other element of the attribute gets
 * {@code primary: false}. An operation that itself marks two elements primary is refused with 400
 * {@code invalidValue}: the RFC allows one primary at most but does not say how to enforce it.
 */
public final class PrimaryRule {
    /** The name of the sub-attribute. */
    public static final String PRIMARY = "primary";

    private PrimaryRule() {
    }

    /**
     * Applies the rule in place.
     *
     * @param elements the attribute's new elements
     * @param touched the indices of the elements this operation wrote
     */
    public static void apply(AttributeDefinition attribute, List<ScimValue> elements, BitSet touched) {
        if (!applies(attribute)) {
            return;
        }
        int chosen = -1;
        for (int i = touched.nextSetBit(0); i >= 0 && i < elements.size(); i = touched.nextSetBit(i + 1)) {
            if (isPrimary(elements.get(i))) {
                if (chosen >= 0) {
                    throw twoPrimaries(attribute);
                }
                chosen = i;
            }
        }
        if (chosen < 0) {
            return;
        }
        for (int i = 0; i < elements.size(); i++) {
            if (i != chosen && isPrimary(elements.get(i))) {
                elements.set(i, ((ComplexValue) elements.get(i)).with(PRIMARY, BooleanValue.FALSE));
            }
        }
    }

    /** Whether the attribute's elements have a boolean {@code primary} sub-attribute, so the rule applies. */
    public static boolean applies(AttributeDefinition attribute) {
        return attribute.subAttribute(PRIMARY).filter(sub -> sub.type() == AttributeType.BOOLEAN).isPresent();
    }

    /** The 400 {@code invalidValue} for an operation that marks two elements primary. */
    public static ScimException twoPrimaries(AttributeDefinition attribute) {
        return ScimException.invalidValue("at most one element of '" + attribute.name()
                + "' may have primary set to true");
    }

    /** Whether the element says {@code primary: true}. */
    public static boolean isPrimary(ScimValue element) {
        return element instanceof ComplexValue complex
                && complex.getOrNull(PRIMARY) instanceof BooleanValue flag && flag.value();
    }
}
