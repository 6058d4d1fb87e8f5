package io.scimkit.core.store.memory;

import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.ResourceMatcher;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.CursorPayload;
import io.scimkit.core.store.CursorSeal;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortKey;
import io.scimkit.core.store.SortOrder;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.value.ComplexValue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs one query against a tenant's partition (RFC 7644 §3.4.2): candidates from an index or a
 * scan in creation order, the exact filter, the sort, then the page. A sort by an attribute the
 * partition keeps in order ({@link OrderIndex}) walks that order instead of sorting, with the same
 * result.
 *
 * <p>Index paging (RFC 7644 §3.4.2.4): {@code totalResults} counts every match, the page starts at
 * the 1-based {@code startIndex} and holds at most {@code count} resources, and a start beyond the
 * end gives an empty page with the true {@code totalResults}. The order is the sort's
 * ({@link SortKey}, RFC 7644 §3.4.2.3) with ties broken by creation sequence, so that it is total;
 * without a sort, creation order.
 *
 * <p>Cursor paging (RFC 9865 §2) is keyset paging: a cursor ({@link CursorPayload}, sealed with a
 * {@link CursorSeal} under a random key of this store instance over the tenant, resource type,
 * filter and sort) holds the position (sort key and creation sequence) of the last resource of its
 * page ({@code nextCursor}) or the first ({@code previousCursor}), and the next page is whatever
 * sorts after it now. A cursor that was tampered with, minted by another store instance, or used
 * with another query or tenant is 400 {@code invalidCursor}; one past the timeout
 * {@code expiredCursor}; one used with another {@code count} {@code invalidCount} (RFC 9865 §2.1).
 * Nothing is remembered per cursor, so invalidating them all costs nothing (drop the store).
 * Consistency guarantee: a resource that matches during the whole walk and whose sort key does
 * not change is returned exactly once, however many resources are created or deleted meanwhile;
 * resources created after the position show up, deleted ones disappear, and {@code totalResults}
 * is exact at the time of each page. (An offset would skip or repeat resources when earlier ones
 * are deleted or created.)
 */
final class QueryRunner {
    private final IndexPlanner planner;
    private final CursorSeal seal = CursorSeal.random();
    private final Duration timeout;
    private final Clock clock;

    QueryRunner(IndexPlanner planner, Duration timeout, Clock clock) {
        this.planner = planner;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * One page of the query.
     *
     * @param partition the tenant's data, {@code null} if the tenant has none
     * @param scope the tenant and resource type, part of every cursor's signature
     * @param matcher the compiled filter, {@code null} for no filter
     * @param evaluateMembers whether the filter or sort reads {@code members}
     * @param returnMembers whether the results carry {@code members}
     */
    StorePage run(@Nullable Partition partition, String scope, StoreQuery query, @Nullable ResourceMatcher matcher,
            boolean evaluateMembers, boolean returnMembers) {
        Ordering ordering = new Ordering(query.sort());
        // Only cursors are signed; an index page (Entra's lookups) need not render the filter.
        String signedQuery = query.paging() instanceof Paging.Cursor
                ? scope + part(query.filter() == null ? "" : query.filter().toString()) + part(ordering.describe())
                : "";
        Position position = null;
        if (query.paging() instanceof Paging.Cursor cursor && cursor.cursor() != null) {
            position = Position.of(CursorPayload.open(seal, cursor.cursor(), signedQuery, clock.instant())
                    .requireCount(cursor.count()).position());
        }
        if (partition == null) {
            return StorePage.of(List.of(), 0);
        }
        Position start = position;
        return partition.read(() -> {
            if (query.filter() == null && !ordering.sorted() && query.paging() instanceof Paging.Cursor cursor) {
                return unfilteredCursorPage(partition, cursor.count(), start, signedQuery, returnMembers);
            }
            OrderIndex order = ordering.sort() == null || evaluateMembers ? null : partition.order(ordering.sort());
            if (query.filter() == null && order != null && query.paging() instanceof Paging.Index index) {
                return orderedIndexPage(partition, order, ordering.sort().order(), index, returnMembers);
            }
            List<Ranked> matches = matches(partition, query.filter(), matcher, ordering, evaluateMembers);
            if (query.paging() instanceof Paging.Index index) {
                return indexPage(partition, matches, index, returnMembers);
            }
            return cursorPage(partition, matches, ordering, (Paging.Cursor) query.paging(), start, signedQuery,
                    returnMembers);
        });
    }

    /** A length-prefixed part of the signed query, so that no two queries sign alike. */
    static String part(String text) {
        return text.length() + ":" + text + ";";
    }

    private List<Ranked> matches(Partition partition, @Nullable Filter filter, @Nullable ResourceMatcher matcher,
            Ordering ordering, boolean evaluateMembers) {
        Iterable<StoredEntry> candidates = partition.inOrder();
        Set<String> ids = filter == null ? null : planner.candidates(filter, partition);
        OrderIndex order = ordering.sort() == null || ids != null || evaluateMembers ? null
                : partition.order(ordering.sort());
        if (order != null) {
            // Already in the query's order: walk it, keep the matches; nothing to key or sort.
            List<Ranked> matches = new ArrayList<>(matcher == null ? partition.size() : 16);
            order.walk(ordering.sort().order(), (key, entry) -> {
                if (matcher == null || matcher.matches(entry.body())) {
                    matches.add(new Ranked(entry, key));
                }
                return true;
            });
            return matches;
        }
        if (ids != null) {
            List<StoredEntry> found = new ArrayList<>(ids.size());
            for (String id : ids) {
                StoredEntry entry = partition.entry(id);
                if (entry != null) {
                    found.add(entry);
                }
            }
            found.sort(Comparator.comparingLong(StoredEntry::sequence));
            candidates = found;
        }
        List<Ranked> matches = new ArrayList<>();
        for (StoredEntry entry : candidates) {
            ComplexValue body = evaluateMembers ? partition.resource(entry, true).body() : entry.body();
            if (matcher == null || matcher.matches(body)) {
                matches.add(new Ranked(entry, ordering.keyOf(body)));
            }
        }
        if (ordering.sorted()) {
            matches.sort((a, b) -> ordering.compare(a.key(), a.entry().sequence(), b.key(), b.entry().sequence()));
        }
        return matches;
    }

    /**
     * An index page of an unfiltered query sorted by an attribute kept in order: read up to the end
     * of the page, never further, and every resource counts.
     */
    private static StorePage orderedIndexPage(Partition partition, OrderIndex order, SortOrder direction,
            Paging.Index index, boolean returnMembers) {
        long from = index.startIndex() - 1L;
        List<ScimResource> page = new ArrayList<>();
        if (index.count() > 0 && from < partition.size()) {
            long[] position = {0};
            order.walk(direction, (key, entry) -> {
                if (position[0]++ >= from) {
                    page.add(partition.resource(entry, returnMembers));
                }
                return page.size() < index.count();
            });
        }
        return StorePage.of(page, partition.size());
    }

    private static StorePage indexPage(Partition partition, List<Ranked> matches, Paging.Index index,
            boolean returnMembers) {
        long from = index.startIndex() - 1L;
        long to = Math.min(matches.size(), from + index.count());
        List<ScimResource> page = new ArrayList<>();
        for (long i = from; i < to; i++) {
            page.add(partition.resource(matches.get((int) i).entry(), returnMembers));
        }
        return StorePage.of(page, matches.size());
    }

    private StorePage cursorPage(Partition partition, List<Ranked> matches, Ordering ordering,
            Paging.Cursor paging, @Nullable Position position, String signedQuery, boolean returnMembers) {
        int count = paging.count();
        int start = 0;
        if (position != null) {
            int boundary = firstAfter(matches, ordering, position, !position.forward());
            start = position.forward() ? boundary : Math.max(0, boundary - count);
        }
        int stop = (int) Math.min(matches.size(), (long) start + count);
        List<ScimResource> page = new ArrayList<>();
        for (int i = start; i < stop; i++) {
            page.add(partition.resource(matches.get(i).entry(), returnMembers));
        }
        String next = null;
        String previous = null;
        if (stop > start) {
            if (stop < matches.size()) {
                next = cursor(signedQuery, count, matches.get(stop - 1).position(true));
            }
            if (start > 0) {
                previous = cursor(signedQuery, count, matches.get(start).position(false));
            }
        }
        return new StorePage(page, matches.size(), next, previous);
    }

    /**
     * A cursor page of an unfiltered, unsorted query straight from the creation-sequence map:
     * O(page), whatever the tenant's size, so that walking a whole tenant costs O(tenant), with the
     * same pages as the general path.
     */
    private StorePage unfilteredCursorPage(Partition partition, int count, @Nullable Position position,
            String signedQuery, boolean returnMembers) {
        NavigableMap<Long, StoredEntry> all = partition.bySequence();
        NavigableMap<Long, StoredEntry> from = all;
        if (position != null && position.forward()) {
            from = all.tailMap(position.sequence(), false);
        } else if (position != null) {
            // The page before the position: the last `count` entries before it, or the first page.
            Long first = all.isEmpty() ? null : all.firstKey();
            int skipped = 0;
            for (Long sequence : all.headMap(position.sequence(), false).descendingKeySet()) {
                first = sequence;
                if (++skipped == count) {
                    break;
                }
            }
            from = first == null ? all : all.tailMap(first, true);
        }
        List<StoredEntry> entries = new ArrayList<>();
        for (StoredEntry entry : from.values()) {
            if (entries.size() == count) {
                break;
            }
            entries.add(entry);
        }
        List<ScimResource> page = new ArrayList<>();
        entries.forEach(entry -> page.add(partition.resource(entry, returnMembers)));
        String next = null;
        String previous = null;
        if (!entries.isEmpty()) {
            StoredEntry last = entries.get(entries.size() - 1);
            if (all.higherKey(last.sequence()) != null) {
                next = cursor(signedQuery, count, new Position(true, SortKey.missing(), last.sequence()));
            }
            if (all.lowerKey(entries.get(0).sequence()) != null) {
                previous = cursor(signedQuery, count,
                        new Position(false, SortKey.missing(), entries.get(0).sequence()));
            }
        }
        return new StorePage(page, partition.size(), next, previous);
    }

    /**
     * The index of the first match after the position (or at it, when {@code inclusive}); binary
     * search, since the matches are in the query's total order.
     */
    private static int firstAfter(List<Ranked> matches, Ordering ordering, Position position,
            boolean inclusive) {
        int low = 0;
        int high = matches.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            Ranked ranked = matches.get(middle);
            int comparison = ordering.compare(ranked.key(), ranked.entry().sequence(), position.key(),
                    position.sequence());
            if (comparison > 0 || inclusive && comparison == 0) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The cursor of a position, expiring after the timeout. */
    private String cursor(String signedQuery, int count, Position position) {
        return CursorPayload.expiring(position.payload(), count, clock.instant(), timeout).seal(seal, signedQuery);
    }

    /** A match with its sort key ({@link SortKey#missing()} without a sort). */
    private record Ranked(StoredEntry entry, SortKey key) {
        Position position(boolean forward) {
            return new Position(forward, key, entry.sequence());
        }
    }

    /**
     * Where a cursor points: the position of a resource in the query's total order (its sort key
     * and creation sequence), and whether the page wanted comes after it ({@code nextCursor}) or
     * before it ({@code previousCursor}).
     */
    private record Position(boolean forward, SortKey key, long sequence) {
        /** The position a cursor of this store holds; an offset is not one. */
        static Position of(CursorPayload.Position position) {
            try {
                if (position instanceof CursorPayload.After after) {
                    return new Position(true, after.key(), Long.parseLong(after.tieBreaker()));
                }
                if (position instanceof CursorPayload.Before before) {
                    return new Position(false, before.key(), Long.parseLong(before.tieBreaker()));
                }
            } catch (NumberFormatException notOurs) {
                throw CursorPayload.invalidCursor();
            }
            throw CursorPayload.invalidCursor();
        }

        CursorPayload.Position payload() {
            String sequenceText = Long.toString(sequence);
            return forward ? new CursorPayload.After(key, sequenceText) : new CursorPayload.Before(key, sequenceText);
        }
    }

    /**
     * The order of a query: by sort key when it has a sort ({@link SortKey#order}), then by creation
     * sequence, so that the order is total (which keyset cursors rely on).
     */
    private record Ordering(@Nullable Sort sort, Comparator<SortKey> keys) {
        Ordering(@Nullable Sort sort) {
            this(sort, SortKey.order(sort == null ? SortOrder.ASCENDING : sort.order()));
        }

        boolean sorted() {
            return sort != null;
        }

        /** The key of a body ({@link SortKey#missing()} without a sort). */
        SortKey keyOf(ComplexValue body) {
            return sort == null ? SortKey.missing() : SortKey.of(body, sort);
        }

        /** Compares two positions: (key, sequence). */
        int compare(SortKey keyA, long sequenceA, SortKey keyB, long sequenceB) {
            if (sort != null) {
                int byKey = keys.compare(keyA, keyB);
                if (byKey != 0) {
                    return byKey;
                }
            }
            return Long.compare(sequenceA, sequenceB);
        }

        /** The sort as part of the signed query. */
        String describe() {
            return sort == null ? "" : sort.by().canonicalPath() + " " + sort.order().token();
        }
    }
}
