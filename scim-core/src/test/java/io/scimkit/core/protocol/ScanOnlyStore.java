package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A test store that can do nothing but list a tenant's resources by index (capabilities: none), so
 * that the core does all filtering, sorting and cursor paging. It fails a test that hands it a
 * filter or a sort, and records the projections it was asked to serve.
 */
final class ScanOnlyStore implements UserStore, GroupStore {
    private static final StoreCapabilities NOTHING = new StoreCapabilities() {
        @Override
        public boolean evaluates(Filter filter) {
            return false;
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

    private final Map<String, Map<String, ScimResource>> tenants = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<StoreContext> searches = new ArrayList<>();

    @Override
    public StoreCapabilities capabilities() {
        return NOTHING;
    }

    @Override
    public synchronized ScimResource create(StoreContext context, ResourceCreate create) {
        String id = String.format("%s-%05d", context.resourceType().name().toLowerCase(), ids.incrementAndGet());
        ScimResource resource = create.members().isEmpty() ? create.body()
                : create.body().with("members", MultiValue.of(create.members()));
        ScimResource stored = resource.withId(id).withMeta(new Meta(context.resourceType().name(),
                context.requestTime(), context.requestTime(), null, "W/\"1\""));
        tenants.computeIfAbsent(context.tenant(), tenant -> new LinkedHashMap<>()).put(id, stored);
        return stored;
    }

    @Override
    public synchronized Optional<ScimResource> get(StoreContext context, String id) {
        return Optional.ofNullable(resources(context).get(id));
    }

    @Override
    public synchronized StorePage search(StoreContext context, StoreQuery query) {
        if (query.filter() != null || query.sort() != null || !(query.paging() instanceof Paging.Index index)) {
            throw new AssertionError("the core handed a scan-only store a query it cannot run: " + query);
        }
        searches.add(context);
        List<ScimResource> all = new ArrayList<>(resources(context).values());
        int from = Math.min(all.size(), index.startIndex() - 1);
        int to = Math.min(all.size(), from + index.count());
        return StorePage.of(all.subList(from, to), all.size());
    }

    @Override
    public synchronized ScimResource update(StoreContext context, ResourceUpdate update) {
        ScimResource current = get(context, update.id()).orElseThrow(() -> ScimException.notFound(update.id()));
        ScimResource next = update.body() == null ? current : update.body().withId(update.id())
                .withMeta(current.meta().orElseThrow());
        next = withMembers(next, current, update.members());
        resources(context).put(update.id(), next);
        return next;
    }

    @Override
    public synchronized void delete(StoreContext context, ResourceDelete delete) {
        resources(context).remove(delete.id());
    }

    /** The members of {@code current} after the change, kept in the body as a plain list. */
    private static ScimResource withMembers(ScimResource next, ScimResource current, MemberChanges changes) {
        java.util.Map<String, ScimValue> members = new LinkedHashMap<>();
        if (!changes.replaceAll() && current.body().getOrNull("members") instanceof MultiValue old) {
            for (ScimValue member : old.values()) {
                members.put(((StringValue) ((ComplexValue) member).getOrNull("value")).value(), member);
            }
        }
        changes.removed().forEach(members::remove);
        for (ComplexValue member : changes.added()) {
            members.putIfAbsent(((StringValue) member.getOrNull("value")).value(), member);
        }
        return members.isEmpty() ? next.without("members") : next.with("members", MultiValue.of(new ArrayList<>(members.values())));
    }

    @Override
    public synchronized List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        List<GroupMembership> groups = new ArrayList<>();
        for (ScimResource group : resources(context).values()) {
            if (group.body().getOrNull("members") instanceof MultiValue members) {
                for (ScimValue member : members.values()) {
                    if (member instanceof ComplexValue element
                            && element.getOrNull("value") instanceof StringValue value
                            && value.value().equals(memberId)) {
                        String display = group.body().getOrNull("displayName") instanceof StringValue name
                                ? name.value() : null;
                        groups.add(new GroupMembership(group.id().orElseThrow(), display));
                    }
                }
            }
        }
        return groups;
    }

    /** The contexts of every search so far. */
    synchronized List<StoreContext> searches() {
        return List.copyOf(searches);
    }

    private Map<String, ScimResource> resources(StoreContext context) {
        return tenants.computeIfAbsent(context.tenant(), tenant -> new LinkedHashMap<>());
    }
}
