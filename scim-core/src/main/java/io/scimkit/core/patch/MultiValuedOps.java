package io.scimkit.core.patch;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.patch.internal.ElementEquality;
import io.scimkit.core.patch.internal.PatchTarget;
import io.scimkit.core.patch.internal.PrimaryRule;
import io.scimkit.core.patch.internal.Unassigned;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.internal.ValueConformer;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * {@code add}, {@code replace} and {@code remove} on a multi-valued attribute (RFC 7644 §3.5.2),
 * changing the request's {@link ElementList} of the attribute in place:
 * <ul>
 *   <li>no filter: add appends the elements not already present (see {@link ElementEquality}) in
 *       O(elements added), and applies a {@code primary: true} given for an element already
 *       present to that element,
 *       replace swaps the whole list, as the RFC says, even when a client meant a partial list,
 *       remove empties it or, with a value list and Entra's quirk Q4 on, removes only the listed
 *       elements;</li>
 *   <li>a sub-attribute without filter ({@code emails.type}): every element;</li>
 *   <li>a value filter: the matching elements are merged into (add), replaced, changed in one
 *       sub-attribute or removed; a remove matching nothing changes nothing (removing an absent
 *       value succeeds, §3.5.2.2), an add or replace matching nothing is {@code noTarget} or, with
 *       Entra's quirk Q6 on, creates the element the filter describes.</li>
 * </ul>
 * Quirks Q4 and Q6 are described in {@code docs/entra-quirks.md}.
 * The {@link PrimaryRule} then runs on the elements the operation wrote. Operations other than
 * add without filter look at every element anyway; they rewrite a copy of the list.
 */
final class MultiValuedOps {
    private final ValueConformer conformer;
    private final PatchSettings settings;

    MultiValuedOps(ValueConformer conformer, PatchSettings settings) {
        this.conformer = conformer;
        this.settings = settings;
    }

    /**
     * Applies the operation to the attribute's elements, in place.
     *
     * @param matcher the compiled value filter of the target, or {@code null}
     * @param value the operation's value; for remove only Entra's listed values (Q4), else {@code null}
     * @param list the attribute's elements, without unassigned parts
     * @return whether the elements changed
     */
    boolean apply(PatchOp op, PatchTarget target, @Nullable ElementMatcher matcher, @Nullable ScimValue value,
            ElementList list) {
        if (op == PatchOp.ADD && matcher == null && target.subAttribute() == null) {
            return add(target, Objects.requireNonNull(value), list);
        }
        // Every other operation looks at (nearly) every element anyway: it works on a copy.
        List<ScimValue> elements = list.copy();
        BitSet touched = new BitSet();
        if (matcher != null) {
            filtered(op, target, matcher, value, elements, touched);
        } else if (target.subAttribute() != null) {
            BitSet all = new BitSet();
            all.set(0, elements.size());
            if (op != PatchOp.REMOVE && elements.isEmpty()) {
                throw ScimException.noTarget("'" + target.attribute().name() + "' has no elements to set '"
                        + target.display() + "' on");
            }
            changeSubAttribute(op, target, value, elements, all, touched);
        } else {
            whole(op, target, list.sameness(), value, elements, touched);
        }
        PrimaryRule.apply(target.attribute(), elements, touched);
        if (list.sameAs(elements)) {
            return false;
        }
        list.replaceAll(elements);
        return true;
    }

    /**
     * An add without filter, in O(elements added): each element not already present is appended
     * (RFC 7644 §3.5.2.1); one already present is not added again, but its {@code primary: true}
     * is applied to the stored element, since at most one element is primary and the client just
     * chose this one (RFC 7643 §2.4). A {@code primary: false} on an element already present changes
     * nothing: the add only adds.
     */
    private boolean add(PatchTarget target, ScimValue value, ElementList list) {
        AttributeDefinition attribute = target.attribute();
        boolean primaries = list.sameness().primaries();
        boolean changed = false;
        int chosen = -1;
        for (ScimValue element : conformElements(value, target)) {
            boolean primary = primaries && PrimaryRule.isPrimary(element);
            int position = list.indexOfSame(element);
            if (position < 0) {
                MutabilityGuard.checkNewElement(attribute, element);
                list.append(element);
                position = list.size() - 1;
            } else if (primary && list.get(position) instanceof ComplexValue stored && !PrimaryRule.isPrimary(stored)) {
                ComplexValue marked = stored.with(PrimaryRule.PRIMARY, BooleanValue.TRUE);
                MutabilityGuard.checkElement(attribute, stored, marked);
                list.set(position, marked);
            } else {
                continue;
            }
            changed = true;
            if (primary) {
                if (chosen >= 0) {
                    throw PrimaryRule.twoPrimaries(attribute);
                }
                chosen = position;
            }
        }
        if (chosen >= 0) {
            list.keepOnlyPrimary(chosen);
        }
        return changed;
    }

    private void whole(PatchOp op, PatchTarget target, ElementEquality sameness, @Nullable ScimValue value,
            List<ScimValue> elements, BitSet touched) {
        AttributeDefinition attribute = target.attribute();
        if (op == PatchOp.REMOVE) {
            if (value == null) {
                elements.clear();
                return;
            }
            List<ScimValue> listed = conformElements(value, target);
            elements.removeIf(element -> listed.stream().anyMatch(l -> sameness.same(l, element)));
            return;
        }
        // A replace (adds do not come here): only elements not stored before are checked as new.
        List<ScimValue> before = List.copyOf(elements);
        elements.clear();
        ElementIndex present = new ElementIndex(sameness, elements);
        for (ScimValue element : conformElements(Objects.requireNonNull(value), target)) {
            if (present.containsSame(element)) {
                continue;
            }
            if (!before.contains(element)) {
                MutabilityGuard.checkNewElement(attribute, element);
            }
            touched.set(elements.size());
            elements.add(element);
            present.added(element);
        }
    }

    private void filtered(PatchOp op, PatchTarget target, ElementMatcher matcher, @Nullable ScimValue value,
            List<ScimValue> elements, BitSet touched) {
        BitSet selected = new BitSet();
        for (int i = 0; i < elements.size(); i++) {
            if (matcher.matches(elements.get(i))) {
                selected.set(i);
            }
        }
        if (selected.isEmpty()) {
            if (op != PatchOp.REMOVE) {
                upsert(target, Objects.requireNonNull(value), elements, touched);
            }
            return;
        }
        if (target.subAttribute() != null) {
            changeSubAttribute(op, target, value, elements, selected, touched);
            return;
        }
        ScimValue element = op == PatchOp.REMOVE ? null : Unassigned.strip(conformElement(Objects.requireNonNull(value), target));
        if (element == null) {
            if (op != PatchOp.ADD) {
                removeSelected(elements, selected);
            }
            return;
        }
        if (op == PatchOp.ADD && element instanceof ComplexValue patch) {
            update(target, elements, selected, stored -> SingularOps.merge(stored, patch), touched);
        } else if (element instanceof ComplexValue replacement) {
            update(target, elements, selected, stored -> replacement, touched);
        }
    }

    private void changeSubAttribute(PatchOp op, PatchTarget target, @Nullable ScimValue value,
            List<ScimValue> elements, BitSet selected, BitSet touched) {
        AttributeDefinition sub = Objects.requireNonNull(target.subAttribute());
        if (op == PatchOp.REMOVE) {
            update(target, elements, selected, stored -> stored.without(sub.name()), new BitSet());
            return;
        }
        ScimValue conformed = conformer.conform(Objects.requireNonNull(value), sub, target.display());
        update(target, elements, selected, stored -> stored.with(sub.name(), conformed), touched);
    }

    /** Quirk Q6: the element the filter describes, with the operation's value, appended. */
    private void upsert(PatchTarget target, ScimValue value, List<ScimValue> elements, BitSet touched) {
        Filter filter = Objects.requireNonNull(target.filter());
        String unmatched = "no element of '" + target.attribute().name() + "' matches the filter [" + filter + "]";
        if (!settings.upsertUnmatchedValueFilter()) {
            throw ScimException.noTarget(unmatched);
        }
        AttributeDefinition sub = target.subAttribute();
        ScimValue patch = sub == null
                ? conformElement(value, target)
                : ComplexValue.builder().put(sub.name(), conformer.conform(value, sub, target.display())).build();
        if (!(Unassigned.strip(patch) instanceof ComplexValue given)) {
            return;
        }
        ComplexValue seed = UpsertSeed.of(filter, target.attribute(), conformer)
                .orElseThrow(() -> ScimException.noTarget(unmatched + ", and the filter does not describe one element"));
        ScimValue element = Unassigned.strip(SingularOps.merge(seed, given));
        if (element != null) {
            MutabilityGuard.checkNewElement(target.attribute(), element);
            touched.set(elements.size());
            elements.add(element);
        }
    }

    /** Changes the selected complex elements in place; elements left without sub-attributes are dropped. */
    private static void update(PatchTarget target, List<ScimValue> elements, BitSet selected,
            UnaryOperator<ComplexValue> change, BitSet touched) {
        List<ScimValue> result = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            ScimValue element = elements.get(i);
            if (!selected.get(i) || !(element instanceof ComplexValue stored)) {
                result.add(element);
                continue;
            }
            ScimValue updated = Unassigned.strip(change.apply(stored));
            MutabilityGuard.checkElement(target.attribute(), stored, updated);
            if (updated != null) {
                touched.set(result.size());
                result.add(updated);
            }
        }
        elements.clear();
        elements.addAll(result);
    }

    private static void removeSelected(List<ScimValue> elements, BitSet selected) {
        for (int i = elements.size() - 1; i >= 0; i--) {
            if (selected.get(i)) {
                elements.remove(i);
            }
        }
    }

    /** The value as elements of the attribute, unassigned ones dropped. */
    private List<ScimValue> conformElements(ScimValue value, PatchTarget target) {
        ScimValue conformed = conformer.conform(value, target.attribute(), target.display());
        return Unassigned.elements(Unassigned.strip(conformed));
    }

    /** The value as one element of the attribute. */
    private ScimValue conformElement(ScimValue value, PatchTarget target) {
        AttributeDefinition element = target.attribute().toBuilder().multiValued(false).build();
        return conformer.conform(value, element, target.display());
    }
}
