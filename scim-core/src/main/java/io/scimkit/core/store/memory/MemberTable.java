package io.scimkit.core.store.memory;

import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.value.ComplexValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code members} of the groups of one tenant (RFC 7643 §4.2): per group an insertion-ordered
 * map from member id ({@code value}) to the member element, and the reverse index from member id
 * to the ids of the groups holding it. Every operation costs O(change): adding or removing a
 * member touches one entry of each map, so PATCHing a group of a million members is as cheap as
 * PATCHing an empty one (RFC 7644 §3.5.2 member deltas); {@link #groupsOf} costs O(groups of
 * the member).
 *
 * <p>Not thread-safe: the owning partition guards it with its lock.
 */
final class MemberTable {
    private final Map<String, LinkedHashMap<String, ComplexValue>> membersByGroup = new HashMap<>();
    private final Map<String, LinkedHashSet<String>> groupsByMember = new HashMap<>();

    /** Applies a delta: drop everything if asked, remove, then add members not yet present. */
    void apply(String groupId, MemberChanges changes) {
        if (changes.replaceAll()) {
            drop(groupId);
        }
        LinkedHashMap<String, ComplexValue> members = membersByGroup.get(groupId);
        if (members != null) {
            for (String memberId : changes.removed()) {
                if (members.remove(memberId) != null) {
                    unlink(memberId, groupId);
                }
            }
        }
        add(groupId, changes.added());
    }

    /** Adds members; an id already present keeps its element (adding it again changes nothing). */
    void add(String groupId, List<ComplexValue> elements) {
        if (elements.isEmpty()) {
            return;
        }
        LinkedHashMap<String, ComplexValue> members = membersByGroup.computeIfAbsent(groupId,
                id -> new LinkedHashMap<>());
        for (ComplexValue element : elements) {
            String memberId = MemberElements.idOf(element);
            if (members.putIfAbsent(memberId, element) == null) {
                groupsByMember.computeIfAbsent(memberId, id -> new LinkedHashSet<>()).add(groupId);
            }
        }
    }

    /** The members of a group in insertion order (a copy; O(members)). */
    List<ComplexValue> members(String groupId) {
        LinkedHashMap<String, ComplexValue> members = membersByGroup.get(groupId);
        return members == null ? List.of() : new ArrayList<>(members.values());
    }

    /** Whether the group has a member with this id. */
    boolean contains(String groupId, String memberId) {
        LinkedHashMap<String, ComplexValue> members = membersByGroup.get(groupId);
        return members != null && members.containsKey(memberId);
    }

    /** The ids of the groups the member is in, in the order it joined them. */
    Set<String> groupsOf(String memberId) {
        Set<String> groups = groupsByMember.get(memberId);
        return groups == null ? Set.of() : groups;
    }

    /** Forgets a group's members (the group is deleted or its members replaced). */
    void drop(String groupId) {
        LinkedHashMap<String, ComplexValue> members = membersByGroup.remove(groupId);
        if (members != null) {
            for (String memberId : members.keySet()) {
                unlink(memberId, groupId);
            }
        }
    }

    /**
     * Removes a member from every group holding it (when it is deleted) and returns those groups' ids;
     * O(groups of the member).
     */
    Set<String> removeEverywhere(String memberId) {
        Set<String> groups = groupsByMember.remove(memberId);
        if (groups == null) {
            return Set.of();
        }
        for (String groupId : groups) {
            LinkedHashMap<String, ComplexValue> members = membersByGroup.get(groupId);
            if (members != null) {
                members.remove(memberId);
            }
        }
        return groups;
    }

    private void unlink(String memberId, String groupId) {
        Set<String> groups = groupsByMember.get(memberId);
        if (groups != null) {
            groups.remove(groupId);
            if (groups.isEmpty()) {
                groupsByMember.remove(memberId);
            }
        }
    }
}
