package io.scimkit.examples.store;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.AndFilter;
import io.scimkit.core.filter.CompareOp;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterEvaluator;
import io.scimkit.core.filter.ResourceMatcher;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An example {@link UserStore} over the application's own data: {@link UserRow}s in a
 * {@code ConcurrentHashMap} standing in for a table, with a unique index on
 * (tenant, lower-cased login) and an index on (tenant, externalId). It shows what a store over
 * your own database has to do (DESIGN.md §4):
 *
 * <ul>
 *   <li>assign {@code id} and {@code meta}, keep tenants apart, refuse a taken {@code userName}
 *       (any case, 409 {@code uniqueness}, S-USR-01) and a stale {@code meta.version} (412);</li>
 *   <li>answer Entra's lookups ({@code userName eq}, {@code externalId eq}) from an index;
 *       any other filter is evaluated with the core's {@link FilterEvaluator} over the tenant's
 *       rows, so {@link #capabilities()} can say it evaluates every filter exactly;</li>
 *   <li>leave sorting and cursors to the core ({@code sorts()} and {@code cursors()} are false);</li>
 *   <li>on delete, drop the user from the groups of the given group store (digest K-64).</li>
 * </ul>
 *
 * <p>Writes take one lock so that check-then-write (uniqueness, compare-and-swap) is atomic; a
 * database store gets the same from a unique index and {@code UPDATE ... WHERE revision = ?}.
 */
public final class MapBackedUserStore implements UserStore {
    private static final StoreCapabilities CAPABILITIES = new StoreCapabilities() {
        @Override
        public boolean evaluates(Filter filter) {
            return true;
        }

        @Override
        public boolean sorts() {
            return false;
        }

        @Override
        public boolean cursors() {
            return false;
        }
    };

    private final SchemaRegistry registry;
    private final UserRowMapping mapping;
    private final boolean uniqueExternalId;
    private final @Nullable GroupStore groups;
    private final Map<String, UserRow> rowsById = new ConcurrentHashMap<>();
    private final Map<IndexKey, String> idsByLogin = new ConcurrentHashMap<>();
    private final Map<IndexKey, Set<String>> idsByExternalId = new ConcurrentHashMap<>();
    private final AtomicLong rowNumbers = new AtomicLong();
    private final AtomicLong revisions = new AtomicLong();
    private final ReentrantLock writes = new ReentrantLock();

    /**
     * A store for the User resource type of these schemas.
     *
     * @param uniqueExternalId whether {@code externalId} is unique per tenant (digest K-49; RFC 7643 §3.1 says it need not be)
     * @param groups the group store to remove deleted users from, or {@code null} if groups are not served
     */
    public MapBackedUserStore(SchemaRegistry registry, boolean uniqueExternalId, @Nullable GroupStore groups) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.mapping = new UserRowMapping(registry);
        this.uniqueExternalId = uniqueExternalId;
        this.groups = groups;
    }

    @Override
    public StoreCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate create) {
        ScimResource resource = create.body();
        writes.lock();
        try {
            long revision = revisions.incrementAndGet();
            UserRow row = mapping.toRow(resource, rowNumbers.incrementAndGet(), UUID.randomUUID().toString(), context.tenant(), revision,
                    context.requestTime(), context.requestTime());
            checkUnique(row, null);
            put(row);
            return mapping.toResource(row);
        } finally {
            writes.unlock();
        }
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        return row(context, id).map(mapping::toResource);
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        if (!(query.paging() instanceof Paging.Index index)) {
            // capabilities().cursors() is false: the core turns cursor requests into index pages.
            throw new IllegalArgumentException("this store pages by index only");
        }
        ResourceMatcher matcher = query.filter() == null ? null
                : FilterEvaluator.of(registry, context.resourceType()).compile(query.filter());
        List<ScimResource> matches = new ArrayList<>();
        candidates(context.tenant(), query.filter())
                .sorted(Comparator.comparingLong(UserRow::rowNumber))
                .map(mapping::toResource)
                .filter(resource -> matcher == null || matcher.matches(resource.body()))
                .forEach(matches::add);
        int from = Math.min(matches.size(), index.startIndex() - 1);
        int to = Math.min(matches.size(), from + index.count());
        return StorePage.of(matches.subList(from, to), matches.size());
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        writes.lock();
        try {
            UserRow current = row(context, update.id())
                    .orElseThrow(() -> ScimException.notFound("no User " + update.id()));
            checkVersion(current, update.expectedVersion());
            ScimResource body = update.body() != null ? update.body() : mapping.toResource(current);
            UserRow next = mapping.toRow(body, current.rowNumber(), current.id(), current.tenant(), revisions.incrementAndGet(),
                    current.created(), context.requestTime());
            checkUnique(next, current.id());
            replace(current, next);
            return mapping.toResource(next);
        } finally {
            writes.unlock();
        }
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete) {
        String id = delete.id();
        String expectedVersion = delete.expectedVersion();
        writes.lock();
        try {
            UserRow current = row(context, id).orElseThrow(() -> ScimException.notFound("no User " + id));
            checkVersion(current, expectedVersion);
            remove(current);
        } finally {
            writes.unlock();
        }
        if (groups != null) {
            ResourceType groupType = registry.resourceType("Group").orElseThrow();
            StoreContext groupContext = context.forType(groupType, Projection.none(registry, groupType));
            for (GroupMembership membership : groups.groupsOf(groupContext, id)) {
                groups.removeMembers(groupContext, membership.groupId(), Set.of(id));
            }
        }
    }

    private Optional<UserRow> row(StoreContext context, String id) {
        UserRow row = rowsById.get(id);
        return row != null && row.tenant().equals(context.tenant()) ? Optional.of(row) : Optional.empty();
    }

    /** The rows a filter can match: from an index for Entra's lookups, else all of the tenant's. */
    private Stream<UserRow> candidates(String tenant, @Nullable Filter filter) {
        if (filter instanceof AndFilter and) {
            Stream<UserRow> left = indexed(tenant, and.left());
            return left != null ? left : candidates(tenant, and.right());
        }
        Stream<UserRow> indexed = filter == null ? null : indexed(tenant, filter);
        return indexed != null ? indexed : rowsById.values().stream().filter(row -> row.tenant().equals(tenant));
    }

    private @Nullable Stream<UserRow> indexed(String tenant, Filter filter) {
        if (!(filter instanceof ComparisonFilter comparison) || comparison.op() != CompareOp.EQ
                || !(comparison.value() instanceof StringValue literal) || comparison.path().subAttribute() != null) {
            return null;
        }
        String attribute = comparison.path().attribute();
        if (attribute.equalsIgnoreCase("userName")) {
            String id = idsByLogin.get(IndexKey.ignoringCase(tenant, literal.value()));
            return Stream.ofNullable(id).map(rowsById::get).filter(Objects::nonNull);
        }
        if (attribute.equalsIgnoreCase("externalId")) {
            // externalId is caseExact (RFC 7643 §3.1): the key keeps its case.
            return idsByExternalId.getOrDefault(new IndexKey(tenant, literal.value()), Set.of()).stream()
                    .map(rowsById::get).filter(Objects::nonNull);
        }
        return null;
    }

    private void checkUnique(UserRow row, @Nullable String self) {
        String owner = idsByLogin.get(IndexKey.ignoringCase(row.tenant(), row.login()));
        if (owner != null && !owner.equals(self)) {
            throw ScimException.uniqueness("userName " + row.login() + " is taken");
        }
        if (uniqueExternalId && row.externalReference() != null) {
            Set<String> owners = idsByExternalId.getOrDefault(new IndexKey(row.tenant(), row.externalReference()), Set.of());
            if (owners.stream().anyMatch(other -> !other.equals(self))) {
                throw ScimException.uniqueness("externalId " + row.externalReference() + " is taken");
            }
        }
    }

    private static void checkVersion(UserRow current, @Nullable String expected) {
        if (expected == null) {
            return;
        }
        // Weak comparison (RFC 7232 §2.3.2): W/ is ignored; '*' matches any version.
        String wanted = expected.strip();
        if (!wanted.equals("*") && !opaque(wanted).equals(opaque(current.versionTag()))) {
            throw ScimException.preconditionFailed("User " + current.id() + " has changed: version is "
                    + current.versionTag());
        }
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private void put(UserRow row) {
        rowsById.put(row.id(), row);
        idsByLogin.put(IndexKey.ignoringCase(row.tenant(), row.login()), row.id());
        if (row.externalReference() != null) {
            idsByExternalId.computeIfAbsent(new IndexKey(row.tenant(), row.externalReference()),
                    key -> ConcurrentHashMap.newKeySet()).add(row.id());
        }
    }

    /**
     * Swaps a row for its next revision. Readers do not take the lock, so the row is overwritten in
     * place (never removed and re-added, which would let a concurrent get see no user at all) and
     * only the index entries whose keys changed are dropped afterwards.
     */
    private void replace(UserRow current, UserRow next) {
        put(next);
        IndexKey oldLogin = IndexKey.ignoringCase(current.tenant(), current.login());
        if (!oldLogin.equals(IndexKey.ignoringCase(next.tenant(), next.login()))) {
            idsByLogin.remove(oldLogin, current.id());
        }
        String oldReference = current.externalReference();
        if (oldReference != null && !oldReference.equals(next.externalReference())) {
            IndexKey key = new IndexKey(current.tenant(), oldReference);
            Set<String> ids = idsByExternalId.get(key);
            if (ids != null) {
                ids.remove(current.id());
                if (ids.isEmpty()) {
                    idsByExternalId.remove(key);
                }
            }
        }
    }

    private void remove(UserRow row) {
        rowsById.remove(row.id());
        idsByLogin.remove(IndexKey.ignoringCase(row.tenant(), row.login()), row.id());
        if (row.externalReference() != null) {
            IndexKey key = new IndexKey(row.tenant(), row.externalReference());
            Set<String> ids = idsByExternalId.get(key);
            if (ids != null) {
                ids.remove(row.id());
                if (ids.isEmpty()) {
                    idsByExternalId.remove(key);
                }
            }
        }
    }

    /** An index key: a tenant and a value. */
    private record IndexKey(String tenant, String value) {
        static IndexKey ignoringCase(String tenant, String value) {
            return new IndexKey(tenant, value.toLowerCase(Locale.ROOT));
        }
    }
}
