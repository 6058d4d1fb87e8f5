package io.scimkit.core.store.memory;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.Versions;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The resources of one tenant in one store, with their indexes and (for group-like types) member
 * table. Every write runs under the write lock, so a uniqueness check, a version compare-and-swap
 * and the write itself are one atomic step: there is no window between check and act. Reads run
 * under the read lock and see a consistent state.
 */
final class Partition {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, StoredEntry> byId = new HashMap<>();
    private final NavigableMap<Long, StoredEntry> bySequence = new TreeMap<>();
    private final List<AttributeIndex> indexes = new ArrayList<>();
    private final List<OrderIndex> orders = new ArrayList<>();
    private final @Nullable MemberTable members;
    private final String typeName;
    private long sequence;
    private long revision;

    Partition(String typeName, List<IndexedAttribute> indexed, boolean withMembers) {
        this.typeName = typeName;
        indexed.forEach(attribute -> indexes.add(new AttributeIndex(attribute)));
        // Single-valued indexed attributes are also kept in sort order (userName, externalId, displayName).
        indexed.stream().filter(attribute -> !attribute.attribute().attribute().multiValued()
                && !attribute.attribute().leaf().multiValued())
                .forEach(attribute -> orders.add(new OrderIndex(attribute.attribute())));
        this.members = withMembers ? new MemberTable() : null;
    }

    /** Runs a read under the read lock. */
    <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Stores a new resource (the body already carries its id); enforces uniqueness.
     *
     * @return the stored resource, with its members if {@code withMembers}
     */
    ScimResource create(String id, ComplexValue body, @Nullable List<ComplexValue> initialMembers, Instant now,
            boolean withMembers) {
        lock.writeLock().lock();
        try {
            List<Set<String>> keys = keysOf(body);
            requireUnique(id, keys);
            StoredEntry entry = StoredEntry.of(id, ++sequence, body, now, now, nextVersion(), typeName);
            byId.put(id, entry);
            bySequence.put(entry.sequence(), entry);
            orders.forEach(order -> order.add(entry));
            addKeys(id, keys);
            if (members != null && initialMembers != null) {
                members.add(id, initialMembers);
            }
            return resource(entry, withMembers);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Applies one update atomically: version check, uniqueness of the new body, body replacement,
     * then the members of the body (a replacement) and the delta.
     *
     * @return the stored resource, with its members if {@code withMembers}
     */
    ScimResource update(String id, @Nullable String expectedVersion, @Nullable ComplexValue newBody,
            @Nullable List<ComplexValue> bodyMembers, MemberChanges changes, Instant now, boolean withMembers) {
        lock.writeLock().lock();
        try {
            StoredEntry current = existing(id);
            requireVersion(current, expectedVersion);
            if ((bodyMembers != null || !changes.isEmpty()) && members == null) {
                throw ScimException.invalidValue(typeName + " resources have no members");
            }
            changes.added().forEach(MemberElements::idOf);
            ComplexValue body = current.body();
            if (newBody != null) {
                List<Set<String>> oldKeys = keysOf(current.body());
                List<Set<String>> newKeys = keysOf(newBody);
                requireUnique(id, newKeys);
                for (int i = 0; i < indexes.size(); i++) {
                    indexes.get(i).remove(id, oldKeys.get(i));
                    indexes.get(i).add(id, newKeys.get(i));
                }
                body = newBody;
            }
            if (members != null) {
                if (bodyMembers != null) {
                    members.drop(id);
                    members.add(id, bodyMembers);
                }
                members.apply(id, changes);
            }
            return resource(replace(current, body, now), withMembers);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a resource, its keys, its members, and its membership in other groups. */
    void delete(String id, @Nullable String expectedVersion, Instant now) {
        lock.writeLock().lock();
        try {
            StoredEntry current = existing(id);
            requireVersion(current, expectedVersion);
            byId.remove(id);
            bySequence.remove(current.sequence());
            orders.forEach(order -> order.remove(current));
            List<Set<String>> keys = keysOf(current.body());
            for (int i = 0; i < indexes.size(); i++) {
                indexes.get(i).remove(id, keys.get(i));
            }
            if (members != null) {
                members.drop(id);
                touch(members.removeEverywhere(id), now);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Removes a deleted member from every group of this partition; each changed group gets a new
     * version and {@code lastModified}, since its representation changed (RFC 7644 §3.14).
     */
    void removeMemberEverywhere(String memberId, Instant now) {
        if (members == null) {
            return;
        }
        lock.writeLock().lock();
        try {
            touch(members.removeEverywhere(memberId), now);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // Read access for callers holding the read lock (see read()).

    /**
     * The resource as stored, with its {@code members} (before {@code meta}) when asked; without
     * them the cost does not depend on the group's size.
     */
    ScimResource resource(StoredEntry entry, boolean withMembers) {
        List<ComplexValue> list = withMembers && members != null ? members.members(entry.id()) : List.of();
        if (list.isEmpty()) {
            return ScimResource.of(entry.body());
        }
        ComplexValue.Builder body = ComplexValue.builder();
        entry.body().attributes().forEach((name, value) -> {
            if (name.equals("meta")) {
                body.put(MemberElements.MEMBERS, MultiValue.of(list));
            }
            body.put(name, value);
        });
        return ScimResource.of(body.build());
    }

    @Nullable StoredEntry entry(String id) {
        return byId.get(id);
    }

    /** Every entry in creation order. */
    Collection<StoredEntry> inOrder() {
        return bySequence.values();
    }

    /** Every entry by creation sequence, for keyset pages that need no scan (unmodifiable). */
    NavigableMap<Long, StoredEntry> bySequence() {
        return java.util.Collections.unmodifiableNavigableMap(bySequence);
    }

    int size() {
        return byId.size();
    }

    /** The order index that serves a sort, if the store keeps one. */
    @Nullable OrderIndex order(Sort sort) {
        for (OrderIndex order : orders) {
            if (order.serves(sort)) {
                return order;
            }
        }
        return null;
    }

    /** The index on this attribute path, if the store keeps one. */
    @Nullable AttributeIndex index(IndexedAttribute attribute) {
        for (AttributeIndex index : indexes) {
            if (index.attribute().equals(attribute)) {
                return index;
            }
        }
        return null;
    }

    @Nullable MemberTable members() {
        return members;
    }

    private StoredEntry existing(String id) {
        StoredEntry current = byId.get(id);
        if (current == null) {
            throw ScimException.notFound(typeName + " " + id + " not found");
        }
        return current;
    }

    private StoredEntry replace(StoredEntry current, ComplexValue body, Instant now) {
        StoredEntry updated = StoredEntry.of(current.id(), current.sequence(), body, current.created(), now,
                nextVersion(), typeName);
        byId.put(updated.id(), updated);
        bySequence.put(updated.sequence(), updated);
        orders.forEach(order -> {
            order.remove(current);
            order.add(updated);
        });
        return updated;
    }

    private void touch(Set<String> groupIds, Instant now) {
        for (String groupId : groupIds) {
            StoredEntry group = byId.get(groupId);
            if (group != null) {
                replace(group, group.body(), now);
            }
        }
    }

    private String nextVersion() {
        return Versions.weak(++revision);
    }

    private List<Set<String>> keysOf(ComplexValue body) {
        List<Set<String>> keys = new ArrayList<>(indexes.size());
        for (AttributeIndex index : indexes) {
            keys.add(index.attribute().keysOf(body));
        }
        return keys;
    }

    private void addKeys(String id, List<Set<String>> keys) {
        for (int i = 0; i < indexes.size(); i++) {
            indexes.get(i).add(id, keys.get(i));
        }
    }

    private void requireUnique(String id, List<Set<String>> keys) {
        for (int i = 0; i < indexes.size(); i++) {
            AttributeIndex index = indexes.get(i);
            if (index.attribute().unique() && index.takenKey(id, keys.get(i)) != null) {
                throw ScimException.uniqueness("another " + typeName + " already has this "
                        + index.attribute().attribute().canonicalPath() + " (RFC 7643 §2.2 uniqueness; compared"
                        + (index.attribute().caseExact() ? " exactly)" : " without regard to case)"));
            }
        }
    }

    private static void requireVersion(StoredEntry current, @Nullable String expectedVersion) {
        if (expectedVersion != null && !Versions.matches(current.version(), expectedVersion)) {
            throw ScimException.preconditionFailed("the resource was modified: its version is no longer "
                    + expectedVersion + " (RFC 7644 §3.14)");
        }
    }
}
