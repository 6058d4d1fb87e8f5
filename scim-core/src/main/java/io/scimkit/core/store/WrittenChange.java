package io.scimkit.core.store;

import io.scimkit.core.resource.ScimResource;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a store wrote in one transaction, as {@link PendingEvents} needs it to name the change's
 * provisioning events: the resource as stored (with the {@code id} a create assigned and the new
 * {@code meta.version}, RFC 7643 §3.1, RFC 7644 §3.14), and, for a hard delete (RFC 7644 §3.6),
 * the groups the deleted resource was removed from in the same transaction.
 *
 * @param resource the resource after a create or update, as the store returns it; {@code null}
 *     after a delete
 * @param groupsLeft for a delete, each group the store removed the deleted resource from in the
 *     same transaction, with the group's new version; empty otherwise, and for a store that leaves
 *     that removal to the core
 */
public record WrittenChange(@Nullable ScimResource resource, List<GroupLeft> groupsLeft) {
    public WrittenChange {
        groupsLeft = List.copyOf(Objects.requireNonNull(groupsLeft, "groupsLeft"));
    }

    /** A created or updated resource, as stored. */
    public static WrittenChange of(ScimResource resource) {
        return new WrittenChange(Objects.requireNonNull(resource, "resource"), List.of());
    }

    /** A deleted resource and the groups it left in the same transaction. */
    public static WrittenChange deleted(List<GroupLeft> groupsLeft) {
        return new WrittenChange(null, groupsLeft);
    }

    /**
     * A group a deleted resource was a member of (RFC 7643 §4.2) and is no longer.
     *
     * @param groupId the group's {@code id}
     * @param version the group's {@code meta.version} after the removal, or {@code null} if the
     *     store keeps none
     */
    public record GroupLeft(String groupId, @Nullable String version) {
        public GroupLeft {
            Objects.requireNonNull(groupId, "groupId");
        }
    }
}
