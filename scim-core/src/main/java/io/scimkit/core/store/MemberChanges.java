package io.scimkit.core.store;

import io.scimkit.core.value.ComplexValue;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A delta to a group's {@code members} (RFC 7643 §4.2): with {@code replaceAll} the current members
 * are dropped first; then {@code remove} (member ids) are removed and {@code add} (member elements:
 * {@code value} plus optional {@code type}, {@code display}, {@code $ref}) are added, skipping ids
 * already present. Costs O(change) in a conforming store, never O(group size).
 */
public record MemberChanges(boolean replaceAll, List<ComplexValue> add, Set<String> remove) {
    /** No change to the members. */
    public static final MemberChanges NONE = new MemberChanges(false, List.of(), Set.of());

    public MemberChanges {
        add = List.copyOf(Objects.requireNonNull(add, "add"));
        remove = Set.copyOf(Objects.requireNonNull(remove, "remove"));
        for (ComplexValue member : add) {
            if (!(member.getOrNull("value") instanceof io.scimkit.core.value.StringValue)) {
                throw new IllegalArgumentException("every member to add has a string 'value'");
            }
        }
    }

    /** Whether this delta changes nothing. */
    public boolean isEmpty() {
        return !replaceAll && add.isEmpty() && remove.isEmpty();
    }
}
