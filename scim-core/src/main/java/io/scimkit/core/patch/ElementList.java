package io.scimkit.core.patch;

import io.scimkit.core.patch.internal.ElementEquality;
import io.scimkit.core.patch.internal.PrimaryRule;
import io.scimkit.core.patch.internal.Unassigned;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The elements of one multi-valued attribute (RFC 7643 §2.4) while a PATCH request runs: a
 * mutable copy of the stored elements, taken once per request, that every operation on the
 * attribute changes in place, with an {@link ElementIndex} and the positions of the elements
 * that may say {@code primary: true} kept up to date as elements are appended, so that an
 * {@code add} without filter costs O(added) whatever the size of the list. Operations that
 * select elements by a filter or rewrite the list work on a copy and {@link #replaceAll} it; the
 * index and the primary positions are then found again when next needed. The list becomes a
 * {@link MultiValue} once, when the request ends. Not thread-safe; one per attribute and request.
 */
final class ElementList {
    private final ElementEquality sameness;
    private final @Nullable ScimValue stored;
    private final WorkMeter meter;
    private List<ScimValue> elements;
    private ElementIndex index;
    /** Every position whose element may be primary (a superset), or {@code null} when not known. */
    private @Nullable List<Integer> primaries;
    private boolean changed;

    /**
     * @param sameness the sameness of the attribute's elements
     * @param stored the stored value without unassigned parts, or {@code null}
     */
    ElementList(ElementEquality sameness, @Nullable ScimValue stored, WorkMeter meter) {
        this.sameness = sameness;
        this.stored = stored;
        this.meter = meter;
        List<ScimValue> initial = Unassigned.elements(stored);
        meter.copied(initial.size());
        this.elements = new ArrayList<>(initial);
        this.index = new ElementIndex(sameness, elements, meter);
    }

    /** When two elements of the attribute are the same, and whether the primary rule applies. */
    ElementEquality sameness() {
        return sameness;
    }

    int size() {
        return elements.size();
    }

    boolean isEmpty() {
        return elements.isEmpty();
    }

    ScimValue get(int position) {
        return elements.get(position);
    }

    /** The position of an element the same as this one ({@link ElementEquality}), or -1. */
    int indexOfSame(ScimValue element) {
        return index.indexOfSame(element);
    }

    /** Appends an element. */
    void append(ScimValue element) {
        elements.add(element);
        index.added(element);
        if (primaries != null && PrimaryRule.isPrimary(element)) {
            primaries.add(elements.size() - 1);
        }
        changed = true;
    }

    /**
     * Replaces the element at this position by one the same as it ({@link ElementEquality}: same
     * {@code value}), e.g. with another {@code primary} flag, so the index stays valid.
     */
    void set(int position, ScimValue element) {
        elements.set(position, element);
        if (primaries != null && PrimaryRule.isPrimary(element)) {
            primaries.add(position);
        }
        changed = true;
    }

    /**
     * Sets {@code primary: false} on every primary element but the chosen one (RFC 7643 §2.4), in
     * O(elements marked primary since the last call) once the positions are known.
     */
    void keepOnlyPrimary(int chosen) {
        if (primaries == null) {
            primaries = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                if (PrimaryRule.isPrimary(elements.get(i))) {
                    primaries.add(i);
                }
            }
        }
        for (int position : primaries) {
            if (position != chosen && PrimaryRule.isPrimary(elements.get(position))) {
                elements.set(position, ((ComplexValue) elements.get(position)).with(PrimaryRule.PRIMARY, BooleanValue.FALSE));
                changed = true;
            }
        }
        primaries.clear();
        primaries.add(chosen);
    }

    /** A copy of the elements, for an operation that rewrites the list. */
    List<ScimValue> copy() {
        meter.copied(elements.size());
        return new ArrayList<>(elements);
    }

    /** Whether the elements equal these. */
    boolean sameAs(List<ScimValue> others) {
        return elements.equals(others);
    }

    /** Adopts a rewritten list (from {@link #copy}) as the elements. */
    void replaceAll(List<ScimValue> rewritten) {
        elements = rewritten;
        index = new ElementIndex(sameness, elements, meter);
        primaries = null;
        changed = true;
    }

    /** Whether an operation changed the elements since the list was taken from the stored value. */
    boolean changed() {
        return changed;
    }

    /** The attribute's value now: the stored value if nothing changed, else the elements, or {@code null} if none. */
    @Nullable ScimValue value() {
        if (!changed) {
            return stored;
        }
        if (elements.isEmpty()) {
            return null;
        }
        meter.copied(elements.size());
        return MultiValue.of(elements);
    }
}
