package io.scimkit.core.patch;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.patch.internal.PatchTarget;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.Mutability;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The mutability and required-attribute checks of PATCH (RFC 7644 §3.5.2, §3.5.2.2; RFC 7643 §4.1.2,
 * §4.2, §7), all answering 400 {@code mutability}:
 * <ul>
 *   <li>a path naming a {@code readOnly} attribute or sub-attribute, or {@code schemas} (which
 *       the engine keeps in step with the extension objects itself), fails whatever the value;</li>
 *   <li>a change, through any path or a path-less value, to a {@code readOnly} value, or to an
 *       {@code immutable} value that is already assigned, fails; writing the value already
 *       stored is no change and passes, and so does the first value of an immutable attribute;</li>
 *   <li>an operation that leaves a {@code required} attribute unassigned fails.</li>
 * </ul>
 * Elements of a multi-valued attribute may be added and removed, but their immutable
 * sub-attributes ({@code members.type}) cannot be changed in place.
 */
final class MutabilityGuard {
    private MutabilityGuard() {
    }

    /** Refuses an operation whose path names something clients cannot write. */
    static void requireWritablePath(PatchTarget target) {
        if (target.isSchemas()) {
            throw ScimException.mutability("'schemas' is maintained by the service provider from the attributes present");
        }
        if (target.attribute().mutability() == Mutability.READ_ONLY) {
            throw ScimException.mutability("'" + target.attribute().name() + "' is readOnly");
        }
        AttributeDefinition sub = target.subAttribute();
        if (sub != null && sub.mutability() == Mutability.READ_ONLY) {
            throw ScimException.mutability("'" + target.display() + "' is readOnly");
        }
    }

    /** Checks a change of a top-level attribute from {@code old} to {@code updated} (they differ). */
    static void checkAttribute(PatchTarget target, @Nullable ScimValue old, @Nullable ScimValue updated) {
        checkPresence(target, old != null, updated != null);
        AttributeDefinition attribute = target.attribute();
        if (!attribute.multiValued() && old instanceof ComplexValue before && updated instanceof ComplexValue after) {
            checkSubAttributes(attribute, before, after, attribute.name());
        }
    }

    /**
     * Checks a change of a top-level attribute that was assigned or not before and is or is not
     * after; all a multi-valued attribute needs, whose elements are checked one by one.
     */
    static void checkPresence(PatchTarget target, boolean assignedBefore, boolean assignedAfter) {
        AttributeDefinition attribute = target.attribute();
        String name = attribute.name();
        if (target.isSchemas()) {
            throw ScimException.mutability("'schemas' is maintained by the service provider from the attributes present");
        }
        switch (attribute.mutability()) {
            case READ_ONLY -> throw ScimException.mutability("'" + name + "' is readOnly");
            case IMMUTABLE -> {
                if (assignedBefore) {
                    throw ScimException.mutability("'" + name + "' is immutable and already has a value");
                }
            }
            default -> {
            }
        }
        if (attribute.required() && !assignedAfter) {
            throw ScimException.mutability("'" + name + "' is required and cannot be removed");
        }
    }

    /** Checks an element of a multi-valued attribute changed in place ({@code updated} null: emptied). */
    static void checkElement(AttributeDefinition attribute, ScimValue old, @Nullable ScimValue updated) {
        if (!(old instanceof ComplexValue before)) {
            return;
        }
        ComplexValue after = updated instanceof ComplexValue complex ? complex : ComplexValue.EMPTY;
        checkSubAttributes(attribute, before, after, attribute.name());
    }

    /** Checks an element a client adds: it may not carry readOnly sub-attributes. */
    static void checkNewElement(AttributeDefinition attribute, ScimValue element) {
        if (!(element instanceof ComplexValue complex)) {
            return;
        }
        for (AttributeDefinition sub : attribute.subAttributes()) {
            if (sub.mutability() == Mutability.READ_ONLY && complex.getOrNull(sub.name()) != null) {
                throw ScimException.mutability("'" + attribute.name() + "." + sub.name() + "' is readOnly");
            }
        }
    }

    /** Whether a change of the sub-attribute can fail: it is readOnly, immutable or required. */
    private static boolean checked(AttributeDefinition sub) {
        return sub.required() || sub.mutability() == Mutability.READ_ONLY || sub.mutability() == Mutability.IMMUTABLE;
    }

    private static void checkSubAttributes(AttributeDefinition attribute, ComplexValue before, ComplexValue after,
            String name) {
        for (AttributeDefinition sub : attribute.subAttributes()) {
            if (!checked(sub)) {
                continue;
            }
            ScimValue was = before.getOrNull(sub.name());
            ScimValue is = after.getOrNull(sub.name());
            if (Objects.equals(was, is)) {
                continue;
            }
            String subName = name + "." + sub.name();
            if (sub.mutability() == Mutability.READ_ONLY) {
                throw ScimException.mutability("'" + subName + "' is readOnly");
            }
            if (sub.mutability() == Mutability.IMMUTABLE && was != null) {
                throw ScimException.mutability("'" + subName + "' is immutable and already has a value");
            }
            if (sub.required() && is == null) {
                throw ScimException.mutability("'" + subName + "' is required and cannot be removed");
            }
        }
    }
}
