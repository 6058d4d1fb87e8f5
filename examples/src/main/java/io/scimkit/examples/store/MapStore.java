package io.scimkit.examples.store;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.IndexKey;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.Versions;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.StringValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What {@link PersonStore} and {@link TeamStore} share: a map of rows in insertion order (the
 * table), an index on the name attribute and on {@code externalId}, and one lock.
 *
 * <ul>
 *   <li><b>Ids, meta, versions.</b> A create assigns a random UUID as {@code id} and stamps
 *       {@code meta.created} and {@code meta.lastModified} with the request time (RFC 7643 §3.1);
 *       every write bumps a revision, served as the weak version {@code W/"n"}, and an update or
 *       delete whose expected version is no longer current fails with 412 (RFC 7644 §3.14).
 *   <li><b>Uniqueness.</b> The name attribute ({@code userName}, or a group's {@code displayName})
 *       is unique per tenant without regard to case, and {@code externalId} too if the application
 *       asks for it: a taken value is 409 {@code uniqueness} (RFC 7644 §3.3, §3.12). The index keys
 *       come from {@link IndexKey}, so the index agrees with the filter {@code eq} of the core.
 *   <li><b>Queries.</b> The store declares only the two lookups identity providers send before each
 *       create, {@code name eq "..."} and {@code externalId eq "..."}, and answers them from the
 *       index. Any other filter, every sort and cursor paging (RFC 7644 §3.4.2, RFC 9865) the core
 *       does over a plain listing of the tenant's rows.
 *   <li><b>Concurrency.</b> The store's methods are {@code synchronized}: one lock, so that
 *       check-then-write is atomic and no reader sees a row or an index half-way through a write.
 *       A database gets the same from a unique index, {@code UPDATE ... WHERE revision = ?} and its
 *       isolation of transactions.
 * </ul>
 *
 * @param <R> the application's row type: its own columns, none of SCIM's bookkeeping
 */
abstract class MapStore<R> implements ResourceStore {

    /** A row as kept: the application's row and what SCIM adds to every resource (RFC 7643 §3.1). */
    record Stored<T>(String id, String tenant, T row, long revision, Instant created, Instant modified) {
    }

    /** An index entry: a tenant's value of an indexed attribute, as {@link IndexKey} compares it. */
    private record Key(String tenant, String attribute, String value) {
    }

    private final String nameAttribute;
    private final boolean uniqueExternalId;
    private final Map<String, Stored<R>> rows = new LinkedHashMap<>();
    private final Map<Key, Set<String>> index = new HashMap<>();
    private long revisions;

    MapStore(String nameAttribute, boolean uniqueExternalId) {
        this.nameAttribute = nameAttribute;
        this.uniqueExternalId = uniqueExternalId;
    }

    /** The application's row for these attributes (which come without {@code id}, {@code meta}, {@code members}). */
    abstract R toRow(ComplexValue attributes);

    /** The attributes a row stands for: what {@link #toRow} was given. */
    abstract ComplexValue attributes(R row);

    /** Applies a change of members to a resource just written or deleted (only groups have members). */
    void changeMembers(String id, MemberChanges changes) {
    }

    @Override
    public StoreCapabilities capabilities() {
        return StoreCapabilities.builder().lookups(nameAttribute, "externalId").build();
    }

    @Override
    public synchronized ScimResource create(StoreContext context, ResourceCreate create) {
        return write(context, null, create.body().body(), MemberChanges.add(create.members()));
    }

    @Override
    public synchronized Optional<ScimResource> get(StoreContext context, String id) {
        return row(context, id).map(stored -> resource(stored, context));
    }

    @Override
    public synchronized StorePage search(StoreContext context, StoreQuery query) {
        // capabilities() declares two lookups and neither sorting nor cursors: so the filter is null or
        // `<name or externalId> eq "text"`, there is no sort, and the page is an index page.
        Stream<Stored<R>> matches = query.filter() == null
                ? rows.values().stream().filter(stored -> stored.tenant().equals(context.tenant()))
                : lookup(context.tenant(), (ComparisonFilter) query.filter());
        List<ScimResource> resources = matches.map(stored -> resource(stored, context)).toList();
        return StorePage.slice(resources, (Paging.Index) query.paging());
    }

    @Override
    public synchronized ScimResource update(StoreContext context, ResourceUpdate update) {
        Stored<R> current = current(context, update.id(), update.expectedVersion());
        ComplexValue attributes = update.body() == null ? attributes(current.row()) : update.body().body();
        return write(context, current, attributes, update.members());
    }

    @Override
    public synchronized void delete(StoreContext context, ResourceDelete delete) {
        Stored<R> current = current(context, delete.id(), delete.expectedVersion());
        rows.remove(current.id());
        unindex(current);
        changeMembers(current.id(), MemberChanges.replaceWith(List.of()));
    }

    /** The resource a row stands for; the core adds {@code meta.location}. */
    ScimResource resource(Stored<R> stored, StoreContext context) {
        Meta meta = new Meta(context.resourceType().name(), stored.created(), stored.modified(), null,
                Versions.weak(stored.revision()));
        return ScimResource.of(attributes(stored.row())).withId(stored.id()).withMeta(meta);
    }

    /** The row with this id, if it is the context's tenant's. */
    Optional<Stored<R>> row(StoreContext context, String id) {
        return Optional.ofNullable(rows.get(id)).filter(stored -> stored.tenant().equals(context.tenant()));
    }

    /** The row to change: 404 if there is none, 412 if it no longer has the expected version. */
    private Stored<R> current(StoreContext context, String id, @Nullable String expectedVersion) {
        String what = context.resourceType().name() + " " + id;
        Stored<R> stored = row(context, id).orElseThrow(() -> ScimException.notFound("no " + what));
        Versions.requireMatch(Versions.weak(stored.revision()), expectedVersion, what);
        return stored;
    }

    /** Stores a new row, or the next revision of {@code current}, unless it takes a unique value. */
    private ScimResource write(StoreContext context, @Nullable Stored<R> current, ComplexValue attributes,
            MemberChanges members) {
        Instant now = context.requestTime();
        Stored<R> next = current == null
                ? new Stored<>(UUID.randomUUID().toString(), context.tenant(), toRow(attributes), ++revisions, now, now)
                : new Stored<>(current.id(), context.tenant(), toRow(attributes), ++revisions, current.created(), now);
        for (Key key : keys(next)) {
            boolean unique = key.attribute().equals(nameAttribute) || uniqueExternalId;
            if (unique && index.getOrDefault(key, Set.of()).stream().anyMatch(id -> !id.equals(next.id()))) {
                throw ScimException.uniqueness(key.attribute() + " is already taken in this tenant");
            }
        }
        if (current != null) {
            unindex(current);
        }
        keys(next).forEach(key -> index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(next.id()));
        rows.put(next.id(), next);
        changeMembers(next.id(), members);
        return resource(next, context);
    }

    private Stream<Stored<R>> lookup(String tenant, ComparisonFilter eq) {
        Key key = key(tenant, eq.path().attribute(), ((StringValue) eq.value()).value());
        return index.getOrDefault(key, Set.of()).stream().map(rows::get);
    }

    private void unindex(Stored<R> stored) {
        keys(stored).forEach(key -> index.computeIfPresent(key,
                (k, ids) -> ids.remove(stored.id()) && ids.isEmpty() ? null : ids));
    }

    /** The index entries of a row: its name, and its {@code externalId} if it has one. */
    private List<Key> keys(Stored<R> stored) {
        ComplexValue attributes = attributes(stored.row());
        return Stream.of(nameAttribute, "externalId").filter(attribute -> text(attributes, attribute) != null)
                .map(attribute -> key(stored.tenant(), attribute, text(attributes, attribute))).toList();
    }

    /** {@code externalId} is caseExact (RFC 7643 §3.1); {@code userName} and {@code displayName} are not. */
    private Key key(String tenant, String attribute, String value) {
        boolean caseExact = attribute.equalsIgnoreCase("externalId");
        return new Key(tenant, caseExact ? "externalId" : nameAttribute, IndexKey.of(caseExact, value));
    }

    /** The text of a string attribute, or {@code null}. */
    static @Nullable String text(ComplexValue attributes, String name) {
        return attributes.getOrNull(name) instanceof StringValue value ? value.value() : null;
    }

    /** The attributes with a string attribute set, unless the value is {@code null}. */
    static ComplexValue with(ComplexValue attributes, String name, @Nullable String value) {
        return value == null ? attributes : attributes.with(name, StringValue.of(value));
    }
}
