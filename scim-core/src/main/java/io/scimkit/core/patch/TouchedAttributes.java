package io.scimkit.core.patch;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The top-level members of a resource body (attribute names, extension URNs, RFC 7643 §3.3) that
 * the operations of one PATCH request wrote. Every other member of the patched body is the very
 * object of the input body, so whether the resource changed, and which paths changed
 * (RFC 7644 §3.5.2), is decided by comparing these members only. Not thread-safe; one per request.
 */
final class TouchedAttributes {
    private final List<String> keys = new ArrayList<>(4);
    private final List<Boolean> extensions = new ArrayList<>(4);

    /**
     * Records a write of a core or common attribute.
     *
     * @param name the attribute's canonical name, from its definition
     */
    void attribute(String name) {
        add(name, false);
    }

    /** Records a write of an extension object, keyed by the extension's schema URN. */
    void extension(String urn) {
        add(urn, true);
    }

    private void add(String key, boolean extension) {
        if (indexOf(key) < 0) {
            keys.add(key);
            extensions.add(extension);
        }
    }

    /** The recorded names that either body holds under exactly that spelling, in the order recorded. */
    List<String> present(ComplexValue before, ComplexValue after) {
        List<String> present = new ArrayList<>(keys.size());
        for (String key : keys) {
            if (before.attributes().containsKey(key) || after.attributes().containsKey(key)) {
                present.add(key);
            }
        }
        return present;
    }

    /** Whether a member of this name (in any case) was written. */
    boolean contains(String key) {
        return indexOf(key) >= 0;
    }

    /** Whether the written member of this name (in any case) is an extension object. */
    boolean isExtension(String key) {
        int index = indexOf(key);
        return index >= 0 && extensions.get(index);
    }

    /** The canonical spelling recorded for the written member of this name (in any case). */
    String canonical(String key) {
        int index = indexOf(key);
        return index < 0 ? key : keys.get(index);
    }

    private int indexOf(String key) {
        for (int i = 0; i < keys.size(); i++) {
            String known = keys.get(i);
            if (known.length() == key.length() && (known.equals(key) || known.equalsIgnoreCase(key))) {
                return i;
            }
        }
        return -1;
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
                if (!equal(member.getValue(), later.get(member.getKey()))) {
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

    /**
     * {@code Objects.equals} for two values of one member, answering at once for the common cases
     * of a PATCH: the very same object (a member written back unchanged) and lists of different
     * sizes (an element added or removed), which {@code List.equals} would find out only after
     * comparing every element.
     */
    static boolean equal(@Nullable ScimValue before, @Nullable ScimValue after) {
        if (before == after) {
            return true;
        }
        if (before == null || after == null) {
            return false;
        }
        if (before instanceof MultiValue a && after instanceof MultiValue b && a.size() != b.size()) {
            return false;
        }
        return before.equals(after);
    }
}
