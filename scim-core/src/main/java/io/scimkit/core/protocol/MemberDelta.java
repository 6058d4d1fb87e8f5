package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The change a PATCH makes to a group's {@code members} (RFC 7643 §4.2), composed operation by
 * operation in request order (RFC 7644 §3.5.2) into one {@link MemberChanges}: the store then
 * applies it in O(change). Members are identified by their {@code value} (the member's id).
 * The composition keeps the PATCH engine's semantics: adding a member already added is no change
 * (RFC 7644 §3.5.2.1), removing one removes an earlier add of it, replacing the list starts over
 * (§3.5.2.3). Not thread-safe; one per attempt.
 */
final class MemberDelta {
    private boolean replaceAll;
    private final Map<String, ComplexValue> added = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();

    /**
     * Adds members; one already added in this request is kept as first added. Every element is
     * checked against the service's string limits, also one that turns out to be a member already.
     */
    void add(List<ComplexValue> members) {
        StoredStrings.checkMembers(members);
        for (ComplexValue member : members) {
            added.putIfAbsent(id(member), member);
        }
    }

    /** Replaces every member, those of the group and those of earlier operations. */
    void replaceAll(List<ComplexValue> members) {
        replaceAll = true;
        added.clear();
        removed.clear();
        add(members);
    }

    /** Removes the members with these ids, including ones added earlier in this request. */
    void remove(Collection<String> ids) {
        for (String id : ids) {
            added.remove(id);
            removed.add(id);
        }
    }

    /**
     * Drops what would change nothing, so that a PATCH adding an existing member or removing a
     * non-member writes nothing and keeps {@code meta.lastModified} (RFC 7644 §3.5.2.1, §3.5.2.2).
     * A removal followed by an add of the same member stays: the member's element is replaced.
     *
     * @param isMember whether an id is a member of the stored group now
     */
    void dropNoOps(Predicate<String> isMember) {
        if (replaceAll) {
            return;
        }
        added.keySet().removeIf(id -> !removed.contains(id) && isMember.test(id));
        removed.removeIf(id -> !isMember.test(id));
    }

    /** The ids whose current membership {@link #dropNoOps} needs to know; none after a replace-all. */
    Set<String> candidates() {
        if (replaceAll) {
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>(added.keySet());
        ids.addAll(removed);
        return ids;
    }

    /** Whether the delta replaces the whole member list. */
    boolean replacesAll() {
        return replaceAll;
    }

    /** Whether the delta changes nothing. */
    boolean isEmpty() {
        return !replaceAll && added.isEmpty() && removed.isEmpty();
    }

    /** The delta for the store. */
    MemberChanges changes() {
        return new MemberChanges(replaceAll, List.copyOf(added.values()), removed);
    }

    /**
     * The elements of a {@code members} value, each checked to carry the member's id as a string
     * {@code value}: a member without one names no resource.
     *
     * @throws ScimException 400 {@code invalidValue} for an element without a string {@code value}
     */
    static List<ComplexValue> members(@Nullable ScimValue members) {
        if (members == null) {
            return List.of();
        }
        List<ScimValue> elements = members instanceof MultiValue multi ? multi.values() : List.of(members);
        List<ComplexValue> result = new ArrayList<>(elements.size());
        for (ScimValue element : elements) {
            if (!(element instanceof ComplexValue member) || !(member.getOrNull("value") instanceof StringValue id)
                    || id.value().isEmpty()) {
                throw ScimException.invalidValue("every element of 'members' needs a 'value': the id of the member");
            }
            result.add(member);
        }
        return result;
    }

    private static String id(ComplexValue member) {
        return ((StringValue) member.getOrNull("value")).value();
    }
}
