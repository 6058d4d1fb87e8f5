package io.scimkit.core.store;

import java.util.List;
import java.util.Set;
import io.scimkit.core.value.ComplexValue;

/**
 * The store of Group resources (RFC 7643 §4.2). Must enforce {@code displayName} uniqueness per
 * tenant, case-insensitively (Entra matches groups by it, quirk Q21), apply member deltas in
 * O(change), and list the groups of a member in O(groups of that member).
 */
public interface GroupStore extends ResourceStore {

    /** The groups the resource with this id is a direct member of. */
    List<GroupMembership> groupsOf(StoreContext context, String memberId);

    /**
     * Which of these ids are direct members of the group now. The core asks this before a member
     * PATCH so that adding an existing member or removing a non-member writes nothing
     * (P-PAT-ADD-07/08). The default asks {@link #groupsOf} once per id; a database store should
     * answer with one query.
     */
    default Set<String> membersAmong(StoreContext context, String groupId, Set<String> memberIds) {
        Set<String> members = new java.util.HashSet<>();
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
        update(context, new ResourceUpdate(groupId, null, null, new MemberChanges(false, members, Set.of())));
    }

    /** Removes the members with these ids; ids that are not members are ignored. */
    default void removeMembers(StoreContext context, String groupId, Set<String> memberIds) {
        update(context, new ResourceUpdate(groupId, null, null, new MemberChanges(false, List.of(), memberIds)));
    }

    /** Replaces all members. */
    default void replaceMembers(StoreContext context, String groupId, List<ComplexValue> members) {
        update(context, new ResourceUpdate(groupId, null, null, new MemberChanges(true, members, Set.of())));
    }
}
