package io.scimkit.core.store;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.value.ComplexValue;
import java.util.List;
import java.util.Objects;

/**
 * A resource to create (RFC 7644 §3.3), as the core hands it to {@link ResourceStore#create}: the
 * validated attributes, without {@code id} and {@code meta} (the store assigns both) and without
 * {@code members}; for a Group, its initial members are given separately, as elements with a
 * {@code value} (the member's id) and optionally {@code type}, {@code display} and {@code $ref}.
 *
 * @param body the attributes to store, including {@code schemas}
 * @param members the initial members of a group; empty for every other resource type
 */
public record ResourceCreate(ScimResource body, List<ComplexValue> members) {
    public ResourceCreate {
        Objects.requireNonNull(body, "body");
        members = List.copyOf(Objects.requireNonNull(members, "members"));
        MemberChanges.requireIds(members);
    }

    /** A resource without members, such as a User. */
    public static ResourceCreate of(ScimResource body) {
        return new ResourceCreate(body, List.of());
    }

    /** The ids of the initial members, in order. */
    public List<String> memberIds() {
        return MemberChanges.idsOf(members);
    }
}
