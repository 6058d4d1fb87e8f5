package io.scimkit.core.store.memory;

import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortKey;
import io.scimkit.core.store.SortOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The entries of a partition in the order of a sort by one indexed attribute (RFC 7644 §3.4.2.3,
 * {@link SortKey}), kept up to date on every write, so that a sorted query walks the entries in
 * order instead of computing every key and sorting the tenant. Ties are in creation order in both
 * directions, as {@link QueryRunner} orders them. Not thread-safe: the partition's lock guards it.
 */
final class OrderIndex {
    private static final Comparator<Position> ORDER = Comparator.comparing(Position::key)
            .thenComparingLong(Position::sequence);

    private final Sort ascending;
    private final NavigableMap<Position, StoredEntry> entries = new TreeMap<>(ORDER);

    OrderIndex(ResolvedAttribute attribute) {
        this.ascending = new Sort(attribute, SortOrder.ASCENDING);
    }

    /** Whether this index holds the order of the sort (in either direction). */
    boolean serves(Sort sort) {
        return sort.by().equals(ascending.by());
    }

    void add(StoredEntry entry) {
        entries.put(position(entry), entry);
    }

    void remove(StoredEntry entry) {
        entries.remove(position(entry));
    }

    /** What a walk does with each entry; {@code false} ends the walk. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(SortKey key, StoredEntry entry);
    }

    /**
     * Hands the entries with their sort keys to the visitor in the order of the sort (keys
     * ascending or descending, entries with equal keys by creation sequence either way) until it
     * returns {@code false}.
     */
    void walk(SortOrder order, Visitor visitor) {
        if (order == SortOrder.ASCENDING) {
            for (Map.Entry<Position, StoredEntry> next : entries.entrySet()) {
                if (!visitor.visit(next.getKey().key(), next.getValue())) {
                    return;
                }
            }
            return;
        }
        // Descending keys; a run of equal keys is buffered and replayed in creation order.
        List<StoredEntry> run = new ArrayList<>();
        SortKey runKey = null;
        for (Map.Entry<Position, StoredEntry> next : entries.descendingMap().entrySet()) {
            SortKey key = next.getKey().key();
            if (runKey != null && !runKey.equals(key) && !replay(runKey, run, visitor)) {
                return;
            }
            runKey = key;
            run.add(next.getValue());
        }
        if (runKey != null) {
            replay(runKey, run, visitor);
        }
    }

    private static boolean replay(SortKey key, List<StoredEntry> run, Visitor visitor) {
        for (int i = run.size() - 1; i >= 0; i--) {
            if (!visitor.visit(key, run.get(i))) {
                return false;
            }
        }
        run.clear();
        return true;
    }

    private Position position(StoredEntry entry) {
        return new Position(SortKey.of(entry.body(), ascending), entry.sequence());
    }

    /** Where an entry sorts: its key, then its creation sequence. */
    private record Position(SortKey key, long sequence) {
    }
}
