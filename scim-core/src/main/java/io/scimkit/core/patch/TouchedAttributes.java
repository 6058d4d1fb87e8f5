package io.scimkit.core.patch;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The top-level members of a resource body (attribute names, extension URNs, RFC 7643 §3.3) that
 * the operations of one PATCH request wrote. Every other member of the patched body is the very
 * object of the input body, so whether the resource changed, and which paths changed
 * (RFC 7644 §3.5.2), is decided by comparing these members only. Not thread-safe; one per request.
 */
final class TouchedAttributes {
    private final List<String> keys = new ArrayList<>(4);

    /** Records a write of the member with this name (in any case). */
    void add(String key) {
        for (String known : keys) {
            if (known.equalsIgnoreCase(key)) {
                return;
            }
        }
        keys.add(key);
    }

    /** Whether a member of this name (in any case) was written. */
    boolean contains(String key) {
        for (String known : keys) {
            if (known.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the two bodies differ, given that they can only differ in the touched members: the
     * same as {@code !before.equals(after)} (names compared exactly, order ignored).
     */
    boolean differ(ComplexValue before, ComplexValue after) {
        for (String key : keys) {
            if (!sameMembers(before, after, key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether both bodies hold exactly the same members named like the key, ignoring case. */
    private static boolean sameMembers(ComplexValue before, ComplexValue after, String key) {
        Map<String, ScimValue> later = after.attributes();
        int count = 0;
        for (Map.Entry<String, ScimValue> member : before.attributes().entrySet()) {
            if (member.getKey().equalsIgnoreCase(key)) {
                count++;
                if (!member.getValue().equals(later.get(member.getKey()))) {
                    return false;
                }
            }
        }
        for (String name : later.keySet()) {
            if (name.equalsIgnoreCase(key)) {
                count--;
            }
        }
        return count == 0;
    }
}
