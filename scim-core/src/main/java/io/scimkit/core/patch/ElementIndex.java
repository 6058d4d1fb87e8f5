package io.scimkit.core.patch;

import io.scimkit.core.patch.internal.ElementEquality;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The elements of a multi-valued attribute as a PATCH {@code add} sees them, answering whether an
 * element {@link ElementEquality#same same} as a given one is present (RFC 7644 §3.5.2.1: adding a value already there changes nothing).
 * Short lists are scanned; from {@value #INDEXED_FROM} elements on, elements with a
 * {@code value} are found by a hash of it, so adding members to a large group costs O(added)
 * comparisons rather than O(members). Not thread-safe; one per operation.
 */
final class ElementIndex {
    static final int INDEXED_FROM = 16;

    private final ElementEquality sameness;
    private final List<ScimValue> elements;
    private @Nullable Map<Object, List<ScimValue>> byKey;
    private @Nullable List<ScimValue> keyless;

    /**
     * @param elements the attribute's elements; the caller reports each element it appends with
     *     {@link #added}
     */
    ElementIndex(ElementEquality sameness, List<ScimValue> elements) {
        this.sameness = sameness;
        this.elements = elements;
    }

    /** Whether an element the same as this one is present. */
    boolean containsSame(ScimValue element) {
        if (byKey == null && elements.size() >= INDEXED_FROM) {
            index();
        }
        if (byKey == null) {
            for (ScimValue present : elements) {
                if (sameness.same(present, element)) {
                    return true;
                }
            }
            return false;
        }
        // Same elements have equal keys, and a keyed element is never the same as a keyless one.
        Object key = sameness.key(element);
        List<ScimValue> candidates = key == null ? keyless : byKey.get(key);
        if (candidates != null) {
            for (ScimValue present : candidates) {
                if (sameness.same(present, element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records an element the caller appended to the list. */
    void added(ScimValue element) {
        if (byKey != null) {
            put(element);
        }
    }

    private void index() {
        byKey = new HashMap<>(elements.size() * 2);
        keyless = new ArrayList<>();
        for (ScimValue element : elements) {
            put(element);
        }
    }

    private void put(ScimValue element) {
        Object key = sameness.key(element);
        if (key == null) {
            keyless.add(element);
        } else {
            byKey.computeIfAbsent(key, unused -> new ArrayList<>(1)).add(element);
        }
    }
}
