package io.scimkit.core.patch;

import io.scimkit.core.patch.internal.PatchTarget;
import io.scimkit.core.patch.internal.Unassigned;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.internal.ValueConformer;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code add}, {@code replace} and {@code remove} on a single-valued attribute (RFC 7644
 * §3.5.2.1-3): a simple value is set or removed; a complex value is
 * merged, sub-attributes not named staying as they were, also for a path-less {@code replace},
 * where the RFC could be read either way; {@code null} unassigns (RFC 7643 §2.5).
 */
final class SingularOps {
    private final ValueConformer conformer;

    SingularOps(ValueConformer conformer) {
        this.conformer = conformer;
    }

    /**
     * The attribute's new value.
     *
     * @param value the operation's value, {@code null} for remove
     * @param old the stored value without unassigned parts, or {@code null}
     * @return the new value without unassigned parts, or {@code null} when unassigned
     */
    @Nullable ScimValue apply(PatchOp op, PatchTarget target, @Nullable ScimValue value, @Nullable ScimValue old) {
        AttributeDefinition attribute = target.attribute();
        AttributeDefinition sub = target.subAttribute();
        if (sub == null) {
            if (op == PatchOp.REMOVE || value == null) {
                return null;
            }
            ScimValue conformed = conformer.conform(value, attribute, target.display());
            if (conformed instanceof ComplexValue patch && old instanceof ComplexValue stored) {
                return Unassigned.strip(merge(stored, patch));
            }
            return Unassigned.strip(conformed);
        }
        ComplexValue base = old instanceof ComplexValue stored ? stored : ComplexValue.EMPTY;
        if (op == PatchOp.REMOVE || value == null) {
            return Unassigned.strip(base.without(sub.name()));
        }
        return Unassigned.strip(base.with(sub.name(), conformer.conform(value, sub, target.display())));
    }

    /** The stored complex value with the patch's sub-attributes set; a {@code null} one unassigns. */
    static ComplexValue merge(ComplexValue stored, ComplexValue patch) {
        ComplexValue merged = stored;
        for (Map.Entry<String, ScimValue> entry : patch.attributes().entrySet()) {
            merged = merged.with(entry.getKey(), entry.getValue());
        }
        return merged;
    }
}
