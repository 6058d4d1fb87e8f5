package io.scimkit.core.store;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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
     * The groups each of these resources is a direct member of ({@link #groupsOf} for many ids at
     * once), for a page of users whose {@code groups} attribute (RFC 7643 §4.1.2) the core fills in.
     * Ids in no group may be left out of the map. The default asks {@link #groupsOf} once per id; a
     * database store should answer with one query.
     */
    default Map<String, List<GroupMembership>> groupsOfEach(StoreContext context, Collection<String> memberIds) {
        Map<String, List<GroupMembership>> groups = new HashMap<>();
        for (String memberId : memberIds) {
            List<GroupMembership> memberships = groupsOf(context, memberId);
            if (!memberships.isEmpty()) {
                groups.put(memberId, memberships);
            }
        }
        return groups;
    }

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

    /**
     * Hands each {@code members} element (RFC 7643 §4.2: {@code value}, and {@code display},
     * {@code $ref} and {@code type} when the store has them) of the group with this id to the action, in
     * the order the group lists them; nothing if there is no such group. The core calls this to write
     * a group's members to the response as they are read, so a store should not load them all at
     * once: a database store reads them in batches with a forward-only cursor, and the cost in memory
     * is then independent of the group's size. The action may throw (for example when the client
     * has gone away); the store then stops and releases what it holds.
     *
     * <p>The default loads the group with {@link #get} (with the context's projection, which includes
     * {@code members}) and walks its list: correct for every store, bounded only by the group's size.
     */
    default void forEachMember(StoreContext context, String groupId, Consumer<ComplexValue> action) {
        get(context, groupId).ifPresent(group -> {
            ScimValue members = group.body().getOrNull("members");
            if (members instanceof MultiValue list) {
                for (ScimValue element : list.values()) {
                    if (element instanceof ComplexValue member) {
                        action.accept(member);
                    }
                }
            } else if (members instanceof ComplexValue single) {
                action.accept(single);
            }
        });
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
