package io.scimkit.core.patch.internal;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes one top-level attribute of a resource body: core and common attributes at the
 * top level, extension attributes inside the object keyed by the extension URN (RFC 7643 §3.3).
 * An extension object left without attributes is removed with its key.
 */
public final class BodyAccess {
    private BodyAccess() {
    }

    /** The stored value of the target's attribute, as stored, or {@code null}. */
    public static @Nullable ScimValue get(ComplexValue body, PatchTarget target) {
        ComplexValue holder = holder(body, target.extensionUrn());
        return holder == null ? null : holder.getOrNull(target.attribute().name());
    }

    /** The body with the target's attribute set to the value, or removed when it is {@code null}. */
    public static ComplexValue set(ComplexValue body, PatchTarget target, @Nullable ScimValue value) {
        String name = target.attribute().name();
        String urn = target.extensionUrn();
        if (urn == null) {
            return value == null ? body.without(name) : body.with(name, value);
        }
        ComplexValue extension = holder(body, urn);
        if (extension == null) {
            extension = ComplexValue.EMPTY;
        }
        extension = value == null ? extension.without(name) : extension.with(name, value);
        return Unassigned.strip(extension) == null ? body.without(urn) : body.with(urn, extension);
    }

    /** The object holding the attributes: the body itself, or the extension object if it exists. */
    public static @Nullable ComplexValue holder(ComplexValue body, @Nullable String extensionUrn) {
        if (extensionUrn == null) {
            return body;
        }
        return body.getOrNull(extensionUrn) instanceof ComplexValue extension ? extension : null;
    }
}
