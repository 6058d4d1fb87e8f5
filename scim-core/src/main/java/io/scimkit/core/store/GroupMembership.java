package io.scimkit.core.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One group a resource is a direct member of: the source of a User's read-only {@code groups} (RFC 7643 §4.1.2). */
public record GroupMembership(String groupId, @Nullable String display) {
    public GroupMembership {
        Objects.requireNonNull(groupId, "groupId");
    }
}
