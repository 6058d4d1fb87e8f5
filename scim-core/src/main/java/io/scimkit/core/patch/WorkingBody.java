package io.scimkit.core.patch;

import io.scimkit.core.patch.internal.BodyAccess;
import io.scimkit.core.patch.internal.ElementEquality;
import io.scimkit.core.patch.internal.PatchTarget;
import io.scimkit.core.patch.internal.Unassigned;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A resource body while one PATCH request runs (RFC 7644 §3.5.2): the stored body, which is never
 * changed, plus the attributes the operations wrote so far, each kept once however many
 * operations write it. Singular attributes hold their new value; multi-valued ones an
 * {@link ElementList} changed in place. {@link #freeze} builds the patched body once, at the end,
 * so a request of N operations copies the body and each list once rather than N times. A failing
 * operation throws and the working body is dropped: nothing is applied (atomicity, §3.5.2).
 * Members not written stay the very objects of the stored body. Not thread-safe; one per request.
 */
final class WorkingBody {
    private final ComplexValue stored;
    private final WorkMeter meter;
    /** The attributes written or read as lists, by extension URN and canonical name, in first-write order. */
    private final Map<Key, Slot> slots = new LinkedHashMap<>();
    /** Extensions whose stored object was removed as a whole, by canonical URN. */
    private final Set<String> droppedExtensions = new HashSet<>(2);
    /** Whether the last {@link #freeze} found every written member stored exactly as spelled or not at all. */
    private boolean canonicalKeys;

    private record Key(@Nullable String extensionUrn, String name) {
        static Key of(PatchTarget target) {
            return new Key(target.extensionUrn(), target.attribute().name());
        }
    }

    /** One attribute: its target, and either its value (singular) or its list (multi-valued). */
    private static final class Slot {
        final PatchTarget target;
        @Nullable ScimValue value;
        @Nullable ElementList list;
        boolean written;

        Slot(PatchTarget target) {
            this.target = target;
        }

        @Nullable ScimValue current() {
            return list != null ? list.value() : value;
        }

        boolean changed() {
            return list != null ? list.changed() : written;
        }
    }

    WorkingBody(ComplexValue stored, WorkMeter meter) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.meter = meter;
    }

    /** The attribute's value now, without unassigned parts, or {@code null}. */
    @Nullable ScimValue get(PatchTarget target) {
        Slot slot = slots.get(Key.of(target));
        return slot != null ? slot.current() : storedValue(target);
    }

    /** Sets a singular attribute; {@code null} unassigns it. */
    void set(PatchTarget target, @Nullable ScimValue value) {
        Slot slot = slots.computeIfAbsent(Key.of(target), unused -> new Slot(target));
        slot.value = value;
        slot.written = true;
    }

    /** The elements of a multi-valued attribute, to change in place; {@code sameness} is the attribute's. */
    ElementList elements(PatchTarget target, ElementEquality sameness) {
        Slot slot = slots.computeIfAbsent(Key.of(target), unused -> new Slot(target));
        if (slot.list == null) {
            slot.list = new ElementList(sameness, storedValue(target), meter);
        }
        return slot.list;
    }

    /** Records that the extension object was removed as a whole, members outside its schema included. */
    void dropExtension(String urn) {
        droppedExtensions.add(urn);
    }

    /**
     * The body as it is now. Costs one copy of the top-level members and of each changed list, so
     * the engine calls it once per request, and for the rare removal of a whole extension object.
     * The result is what removing the dropped extensions and then setting each written attribute
     * in turn with {@link BodyAccess#set} gives, member order included, built in one copy.
     */
    ComplexValue freeze() {
        canonicalKeys = true;
        if (droppedExtensions.isEmpty() && !anyChanged()) {
            return stored;
        }
        canonicalKeys = keysAsStored();
        if (!canonicalKeys) {
            return freezeStepwise();
        }
        ComplexValue.Builder members = stored.toBuilder();
        // The extension objects as the body holds them so far, by URN (absent: not held).
        Map<String, ComplexValue> extensions = new HashMap<>(2);
        for (String urn : droppedExtensions) {
            members.remove(urn);
            extensions.put(urn, ComplexValue.EMPTY);
        }
        for (Slot slot : slots.values()) {
            if (!slot.changed()) {
                continue;
            }
            String name = slot.target.attribute().name();
            ScimValue value = slot.current();
            String urn = slot.target.extensionUrn();
            if (urn == null) {
                put(members, name, value);
                continue;
            }
            ComplexValue extension = extensions.computeIfAbsent(urn,
                    key -> stored.attributes().get(key) instanceof ComplexValue object ? object : ComplexValue.EMPTY);
            extension = value == null ? extension.without(name) : extension.with(name, value);
            boolean unassigned = Unassigned.strip(extension) == null;
            put(members, urn, unassigned ? null : extension);
            extensions.put(urn, unassigned ? ComplexValue.EMPTY : extension);
        }
        return members.build();
    }

    /**
     * Whether, at the last {@link #freeze}, no stored member name equalled a written one in another
     * case: the stored body and the frozen one then hold each written member under its canonical
     * name or not at all.
     */
    boolean canonicalKeys() {
        return canonicalKeys;
    }

    /** {@code with} (kept in place, or appended when new) or {@code without}, for a key spelled as stored. */
    private static void put(ComplexValue.Builder members, String key, @Nullable ScimValue value) {
        if (value == null) {
            members.remove(key);
        } else {
            members.put(key, value);
        }
    }

    private boolean anyChanged() {
        for (Slot slot : slots.values()) {
            if (slot.changed()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every top-level member the request writes is stored under exactly its canonical
     * spelling or not at all, so that {@code with} and {@code without} reduce to map operations.
     * Stored bodies come from the codec with canonical names, so this nearly always holds.
     */
    private boolean keysAsStored() {
        List<String> written = new ArrayList<>(droppedExtensions);
        for (Slot slot : slots.values()) {
            String urn = slot.target.extensionUrn();
            if (slot.changed()) {
                written.add(urn == null ? slot.target.attribute().name() : urn);
            }
        }
        // No stored name may equal a written one in another case (which also rules out two spellings).
        for (String name : stored.attributes().keySet()) {
            for (String key : written) {
                if (name.length() == key.length() && !name.equals(key) && name.equalsIgnoreCase(key)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@link #freeze} one member at a time, for bodies that spell a written member in another case. */
    private ComplexValue freezeStepwise() {
        ComplexValue body = stored;
        for (String urn : droppedExtensions) {
            body = body.without(urn);
        }
        for (Slot slot : slots.values()) {
            if (slot.changed()) {
                body = BodyAccess.set(body, slot.target, slot.current());
            }
        }
        return body;
    }

    private @Nullable ScimValue storedValue(PatchTarget target) {
        String urn = target.extensionUrn();
        if (urn != null && droppedExtensions.contains(urn)) {
            return null;
        }
        return Unassigned.strip(BodyAccess.get(stored, target));
    }
}
