package io.scimkit.core.patch;

import io.scimkit.core.patch.internal.ElementEquality;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The elements of a multi-valued attribute as a PATCH {@code add} sees them, answering where an
 * element {@link ElementEquality#same same} as a given one is (RFC 7644 §3.5.2.1: adding a value already there changes nothing).
 * Short lists are scanned; from {@value #INDEXED_FROM} elements on, the positions of elements with a
 * {@code value} are found by a hash of it, so adding to a large group or to a list that grows
 * operation by operation costs O(added) comparisons rather than O(elements). The index is built
 * once and kept up to date by the caller: appends are reported with {@link #added}; after any other
 * change that moves elements or changes a key the caller makes a new index. Not thread-safe.
 */
final class ElementIndex {
    static final int INDEXED_FROM = 16;

    private final ElementEquality sameness;
    private final List<ScimValue> elements;
    private final WorkMeter meter;
    private @Nullable Map<Object, List<Integer>> byKey;
    private @Nullable List<Integer> keyless;

    /**
     * @param elements the attribute's elements; the caller reports each element it appends with
     *     {@link #added}
     */
    ElementIndex(ElementEquality sameness, List<ScimValue> elements) {
        this(sameness, elements, WorkMeter.NONE);
    }

    ElementIndex(ElementEquality sameness, List<ScimValue> elements, WorkMeter meter) {
        this.sameness = sameness;
        this.elements = elements;
        this.meter = meter;
    }

    /** Whether an element the same as this one is present. */
    boolean containsSame(ScimValue element) {
        return indexOfSame(element) >= 0;
    }

    /** The position of the first element the same as this one, or -1. */
    int indexOfSame(ScimValue element) {
        if (byKey == null && elements.size() >= INDEXED_FROM) {
            index();
        }
        if (byKey == null) {
            Predicate<ScimValue> same = sameness.sameAs(element);
            for (int i = 0; i < elements.size(); i++) {
                if (same.test(elements.get(i))) {
                    return i;
                }
            }
            return -1;
        }
        // Same elements have equal keys, and a keyed element is never the same as a keyless one.
        Object key = sameness.key(element);
        List<Integer> candidates = key == null ? keyless : byKey.get(key);
        if (candidates != null) {
            for (int position : candidates) {
                if (sameness.same(elements.get(position), element)) {
                    return position;
                }
            }
        }
        return -1;
    }

    /** Records the element the caller appended to the list, now its last element. */
    void added(ScimValue element) {
        if (byKey != null) {
            put(element, elements.size() - 1);
        }
    }

    private void index() {
        meter.indexed(elements.size());
        byKey = new HashMap<>(elements.size() * 2);
        keyless = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            put(elements.get(i), i);
        }
    }

    private void put(ScimValue element, int position) {
        Object key = sameness.key(element);
        if (key == null) {
            keyless.add(position);
        } else {
            byKey.computeIfAbsent(key, unused -> new ArrayList<>(1)).add(position);
        }
    }
}
