package io.scimkit.core.value;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM {@code complex} value (RFC 7643 §2.3.8): named sub-attributes, kept in the order they were
 * added. A whole resource body is a complex value too, with schema-extension objects keyed by their
 * URN (RFC 7643 §3.3).
 *
 * <p>Names are case-insensitive (RFC 7643 §2.1): {@link #find} ignores case, and {@link #with}
 * replaces an existing entry whatever its case, keeping the new name's spelling. Equality compares
 * names exactly and ignores order; the codec gives every name its schema's canonical spelling.
 */
public record ComplexValue(Map<String, ScimValue> attributes) implements ScimValue {
    /** The complex value without sub-attributes. */
    public static final ComplexValue EMPTY = new ComplexValue(Map.of());

    public ComplexValue {
        Objects.requireNonNull(attributes, "attributes");
        // A Frozen map was built by this class and is already an unmodifiable copy: adopt it
        // rather than copying every value again (PATCH rebuilds bodies one attribute at a time).
        if (!(attributes instanceof Frozen)) {
            LinkedHashMap<String, ScimValue> copy = new LinkedHashMap<>(attributes);
            copy.forEach((name, value) -> {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(value, "value");
            });
            attributes = new Frozen(copy);
        }
    }

    /** A complex value holding the given sub-attributes, in the map's iteration order. */
    public static ComplexValue of(Map<String, ? extends ScimValue> attributes) {
        return new ComplexValue(Collections.unmodifiableMap(attributes));
    }

    /** A builder that keeps insertion order. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these sub-attributes in their order, to set or remove several of them with
     * one copy of the map (rather than one per {@link #with} or {@link #without}).
     */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(attributes));
    }

    /** The sub-attribute with this name, ignoring case. */
    public Optional<ScimValue> find(String name) {
        return Optional.ofNullable(getOrNull(name));
    }

    /** The sub-attribute with this name, ignoring case, or {@code null}; for hot paths. */
    public @Nullable ScimValue getOrNull(String name) {
        ScimValue exact = attributes.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, ScimValue> entry : attributes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The name as stored here for a case-insensitive match, if any. */
    public Optional<String> storedName(String name) {
        if (attributes.containsKey(name)) {
            return Optional.of(name);
        }
        return attributes.keySet().stream().filter(key -> key.equalsIgnoreCase(name)).findFirst();
    }

    /** A copy with the sub-attribute set, replacing any entry of the same name in any case. */
    public ComplexValue with(String name, ScimValue value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        LinkedHashMap<String, ScimValue> copy = new LinkedHashMap<>(capacity(attributes.size() + 1));
        boolean replaced = false;
        for (Map.Entry<String, ScimValue> entry : attributes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                if (!replaced) {
                    copy.put(name, value);
                    replaced = true;
                }
            } else {
                copy.put(entry.getKey(), entry.getValue());
            }
        }
        if (!replaced) {
            copy.put(name, value);
        }
        return new ComplexValue(new Frozen(copy));
    }

    /** A copy without the sub-attribute of this name in any case. */
    public ComplexValue without(String name) {
        if (getOrNull(name) == null) {
            return this;
        }
        LinkedHashMap<String, ScimValue> copy = new LinkedHashMap<>(capacity(attributes.size()));
        for (Map.Entry<String, ScimValue> entry : attributes.entrySet()) {
            if (!entry.getKey().equalsIgnoreCase(name)) {
                copy.put(entry.getKey(), entry.getValue());
            }
        }
        return new ComplexValue(new Frozen(copy));
    }

    /** The initial capacity of a hash map that holds this many entries without resizing. */
    private static int capacity(int entries) {
        return entries < 3 ? entries + 1 : (int) (entries / 0.75f) + 1;
    }

    /** Whether there are no sub-attributes at all. */
    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    @Override
    public boolean isUnassigned() {
        for (ScimValue value : attributes.values()) {
            if (!value.isUnassigned()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitComplex(this);
    }

    /**
     * Collects sub-attributes in order; the last value given for a name wins, whatever its case, at
     * the position where the name first appeared. Not thread-safe.
     */
    public static final class Builder {
        private LinkedHashMap<String, ScimValue> attributes = new LinkedHashMap<>();
        /** Whether a built value owns {@link #attributes}, so the next put must copy it first. */
        private boolean shared;

        private Builder() {
        }

        private Builder(LinkedHashMap<String, ScimValue> attributes) {
            this.attributes = attributes;
        }

        /** Sets a sub-attribute, replacing one whose name differs only in case (RFC 7643 §2.1). */
        public Builder put(String name, ScimValue value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (shared) {
                attributes = new LinkedHashMap<>(attributes);
                shared = false;
            }
            if (!attributes.containsKey(name)) {
                for (String existing : attributes.keySet()) {
                    if (existing.equalsIgnoreCase(name)) {
                        // Rare: rebuild so the new spelling keeps the first spelling's position.
                        LinkedHashMap<String, ScimValue> renamed = new LinkedHashMap<>();
                        attributes.forEach((key, old) -> renamed.put(key.equals(existing) ? name : key,
                                key.equals(existing) ? value : old));
                        attributes = renamed;
                        return this;
                    }
                }
            }
            attributes.put(name, value);
            return this;
        }

        /** Removes the sub-attribute of this name in any case, as {@link ComplexValue#without} does. */
        public Builder remove(String name) {
            Objects.requireNonNull(name, "name");
            if (shared) {
                attributes = new LinkedHashMap<>(attributes);
                shared = false;
            }
            attributes.remove(name);
            attributes.keySet().removeIf(key -> key.equalsIgnoreCase(name));
            return this;
        }

        /** Sets a string sub-attribute. */
        public Builder put(String name, String value) {
            return put(name, StringValue.of(value));
        }

        /** Sets a boolean sub-attribute. */
        public Builder put(String name, boolean value) {
            return put(name, BooleanValue.of(value));
        }

        /** The complex value built so far. */
        public ComplexValue build() {
            shared = true;
            return new ComplexValue(new Frozen(attributes));
        }
    }

    /**
     * The read-only attribute map of a complex value. Only this class creates one, always around a
     * map nothing else changes (entries checked non-null), so the record's constructor can adopt it
     * without a copy. Every mutator throws {@link UnsupportedOperationException}.
     */
    private static final class Frozen extends AbstractMap<String, ScimValue> {
        private final Map<String, ScimValue> view;

        Frozen(LinkedHashMap<String, ScimValue> owned) {
            this.view = Collections.unmodifiableMap(owned);
        }

        @Override
        public int size() {
            return view.size();
        }

        @Override
        public boolean isEmpty() {
            return view.isEmpty();
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public boolean containsValue(Object value) {
            return view.containsValue(value);
        }

        @Override
        public @Nullable ScimValue get(Object key) {
            return view.get(key);
        }

        @Override
        public @Nullable ScimValue getOrDefault(Object key, @Nullable ScimValue fallback) {
            return view.getOrDefault(key, fallback);
        }

        @Override
        public Set<String> keySet() {
            return view.keySet();
        }

        @Override
        public Collection<ScimValue> values() {
            return view.values();
        }

        @Override
        public Set<Map.Entry<String, ScimValue>> entrySet() {
            return view.entrySet();
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super ScimValue> action) {
            view.forEach(action);
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other == this || view.equals(other);
        }

        @Override
        public int hashCode() {
            return view.hashCode();
        }

        @Override
        public String toString() {
            return view.toString();
        }
    }
}
