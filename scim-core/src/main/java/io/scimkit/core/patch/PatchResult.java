package io.scimkit.core.patch;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of applying a PATCH request (RFC 7644 §3.5.2).
 *
 * @param resource the patched resource; the very input object when nothing changed
 * @param changed whether the resource differs from the input; {@code false} lets the caller skip
 *     the store write and keep {@code meta.lastModified} (RFC 7644 §3.5.2.1: adding a value already present changes
 *     nothing)
 * @param modified the canonical top-level attribute paths whose value differs from the input,
 *     extension attributes qualified by their URN (e.g. {@code urn:...:enterprise:2.0:User:manager});
 *     used to return {@code returned: request} attributes the request changed
 */
public record PatchResult(ScimResource resource, boolean changed, Set<AttributePath> modified) {
    public PatchResult {
        Objects.requireNonNull(resource, "resource");
        modified = Set.copyOf(modified);
    }
}
