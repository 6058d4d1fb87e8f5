package io.scimkit.core.store;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A change to a group's {@code members} (RFC 7643 §4.2): with {@code replaceAll} the current members
 * are dropped first; then the {@code removed} member ids are removed and the {@code added} member
 * elements ({@code value}, the member's id, plus optional {@code type}, {@code display},
 * {@code $ref}) are added, skipping ids already present. A store applies it in O(change), never in
 * O(group size): a PATCH that adds one member to a group of 100,000 touches one row.
 *
 * @param replaceAll whether the current members are dropped first (PUT, or a PATCH that replaces members)
 * @param added the member elements to add; each has a string {@code value}
 * @param removed the ids of the members to remove; ids that are not members are ignored
 */
public record MemberChanges(boolean replaceAll, List<ComplexValue> added, Set<String> removed) {
    /** No change to the members. */
    public static final MemberChanges NONE = new MemberChanges(false, List.of(), Set.of());

    public MemberChanges {
        added = List.copyOf(Objects.requireNonNull(added, "added"));
        removed = Set.copyOf(Objects.requireNonNull(removed, "removed"));
        requireIds(added);
    }

    /** Adds these member elements (members already present are kept as they are). */
    public static MemberChanges add(List<ComplexValue> members) {
        return new MemberChanges(false, members, Set.of());
    }

    /** Removes the members with these ids. */
    public static MemberChanges remove(Collection<String> memberIds) {
        return new MemberChanges(false, List.of(), Set.copyOf(memberIds));
    }

    /** Replaces all members with these (an empty list empties the group). */
    public static MemberChanges replaceWith(List<ComplexValue> members) {
        return new MemberChanges(true, members, Set.of());
    }

    /** Whether this change changes nothing. */
    public boolean isEmpty() {
        return !replaceAll && added.isEmpty() && removed.isEmpty();
    }

    /** The ids of the added members, in order. */
    public List<String> addedIds() {
        return idsOf(added);
    }

    /** A member element for an id: {@code {"value": id}}, the least a member carries. */
    public static ComplexValue member(String id) {
        return ComplexValue.builder().put("value", Objects.requireNonNull(id, "id")).build();
    }

    static void requireIds(List<ComplexValue> members) {
        for (ComplexValue member : members) {
            if (!(member.getOrNull("value") instanceof StringValue)) {
                throw new IllegalArgumentException("every member element has a string 'value'");
            }
        }
    }

    static List<String> idsOf(List<ComplexValue> members) {
        List<String> ids = new ArrayList<>(members.size());
        for (ComplexValue member : members) {
            ids.add(((StringValue) member.getOrNull("value")).value());
        }
        return ids;
    }
}
