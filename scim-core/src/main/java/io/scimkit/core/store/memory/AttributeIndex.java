package io.scimkit.core.store.memory;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's hash index on an {@link IndexedAttribute}: key to the ids of the resources holding
 * a value with that key, in insertion order. Lookups and updates are O(1) per key. Not
 * thread-safe: the owning partition guards it with its lock.
 */
final class AttributeIndex {
    private final IndexedAttribute attribute;
    private final Map<String, Set<String>> ids = new HashMap<>();

    AttributeIndex(IndexedAttribute attribute) {
        this.attribute = attribute;
    }

    IndexedAttribute attribute() {
        return attribute;
    }

    /** The ids of resources with a value equal (by key) to the operand. */
    Set<String> lookup(String operand) {
        Set<String> found = ids.get(attribute.keyOf(operand));
        return found == null ? Set.of() : found;
    }

    /** A key among these that another resource already holds, or {@code null}. */
    @Nullable String takenKey(String id, Set<String> keys) {
        for (String key : keys) {
            Set<String> owners = ids.get(key);
            if (owners != null && !(owners.size() == 1 && owners.contains(id))) {
                return key;
            }
        }
        return null;
    }

    void add(String id, Set<String> keys) {
        for (String key : keys) {
            ids.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
        }
    }

    void remove(String id, Set<String> keys) {
        for (String key : keys) {
            Set<String> owners = ids.get(key);
            if (owners != null) {
                owners.remove(id);
                if (owners.isEmpty()) {
                    ids.remove(key);
                }
            }
        }
    }
}
