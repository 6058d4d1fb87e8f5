package io.scimkit.core.store;

import io.scimkit.core.resource.ScimResource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One atomic write to an existing resource (a PUT, a PATCH or a soft delete, RFC 7644 §3.5), as the
 * core hands it to {@link ResourceStore#update}: compare-and-swap on {@code expectedVersion}, then
 * the new body and the member change, all or nothing. The store stamps a new {@code meta.version}
 * and {@code meta.lastModified} and keeps {@code id} and {@code meta.created}.
 *
 * @param id the id of the resource to change
 * @param expectedVersion the {@code meta.version} the change was computed from; the write fails
 *     with 412 if the resource has another one now ({@link Versions#requireMatch}); {@code null}
 *     skips the check
 * @param body the whole new set of attributes (including {@code schemas}, without {@code id},
 *     {@code meta} and {@code members}), replacing the stored ones; {@code null} keeps them, as in
 *     a PATCH that only changes members
 * @param members the change to a group's members; {@link MemberChanges#NONE} for anything else
 */
public record ResourceUpdate(String id, @Nullable String expectedVersion, @Nullable ScimResource body,
        MemberChanges members) {
    public ResourceUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(members, "members");
    }

    /** Replaces the attributes, if the resource still has {@code expectedVersion} ({@code null}: any). */
    public static ResourceUpdate replace(String id, @Nullable String expectedVersion, ScimResource body) {
        return new ResourceUpdate(id, expectedVersion, Objects.requireNonNull(body, "body"), MemberChanges.NONE);
    }

    /** Changes only the members of a group, whatever its version. */
    public static ResourceUpdate members(String id, MemberChanges changes) {
        return new ResourceUpdate(id, null, null, changes);
    }
}
