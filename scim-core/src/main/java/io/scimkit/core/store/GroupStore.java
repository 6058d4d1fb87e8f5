package io.scimkit.core.store;

import io.scimkit.core.value.ComplexValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The store of Group resources (RFC 7643 §4.2). Besides the {@link ResourceStore} contract it
 * keeps {@code displayName} unique per tenant without regard to case (Entra ID matches groups by
 * it), applies {@link MemberChanges} in O(change) rather than rewriting the whole member list,
 * and lists the groups of a member, which the core uses for a User's {@code groups} attribute and
 * to remove a deleted resource from its groups.
 */
public interface GroupStore extends ResourceStore {

    /** The groups the resource with this id is a direct member of, in the context's tenant. */
    List<GroupMembership> groupsOf(StoreContext context, String memberId);

    /**
     * Which of these ids are direct members of the group now. The core asks before a member
     * PATCH, so that adding an existing member or removing a non-member writes nothing. The default
     * asks {@link #groupsOf} once per id; a database store should answer with one query.
     */
    default Set<String> membersAmong(StoreContext context, String groupId, Set<String> memberIds) {
        Set<String> members = new HashSet<>();
        for (String memberId : memberIds) {
            for (GroupMembership membership : groupsOf(context, memberId)) {
                if (membership.groupId().equals(groupId)) {
                    members.add(memberId);
                    break;
                }
            }
        }
        return members;
    }

    /** Adds members (existing ones are kept as they are). */
    default void addMembers(StoreContext context, String groupId, List<ComplexValue> members) {
        update(context, ResourceUpdate.members(groupId, MemberChanges.add(members)));
    }

    /** Removes the members with these ids; ids that are not members are ignored. */
    default void removeMembers(StoreContext context, String groupId, Set<String> memberIds) {
        update(context, ResourceUpdate.members(groupId, MemberChanges.remove(memberIds)));
    }

    /** Replaces all members. */
    default void replaceMembers(StoreContext context, String groupId, List<ComplexValue> members) {
        update(context, ResourceUpdate.members(groupId, MemberChanges.replaceWith(members)));
    }
}
