package io.scimkit.testkit.store;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.IndexKey;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.Versions;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.StringValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A deliberately small User and Group store, as an application might first write one: rows in
 * maps under one lock, ids from a counter per tenant (so ids repeat across tenants), no
 * {@code schemas} and no {@code meta.resourceType} kept (the core fills both), members left out
 * when the projection excludes them. Its search answers only what its capabilities declare —
 * {@link StoreCapabilities#none()}, or the lookups {@code userName eq} and {@code externalId eq} —
 * and throws on anything else, so a suite that handed it a declined query would fail. A
 * {@link Flaw} breaks one rule, to check that the suite catches it.
 */
public final class MinimalStores {

    /** One broken rule, or none. */
    public enum Flaw {
        NONE,
        /** Compares userNames with their case for uniqueness. */
        CASE_SENSITIVE_USER_NAMES,
        /** Keeps a group's version when only its members change. */
        SAME_VERSION_ON_MEMBER_CHANGE,
        /** Lists rows in another order on every search. */
        UNSTABLE_ORDER
    }

    private final Object lock = new Object();
    private final StoreCapabilities capabilities;
    private final boolean singleTenant;
    private final boolean uniqueExternalId;
    private final Flaw flaw;
    private final Map<String, Tenant> tenants = new HashMap<>();
    private long revisions;

    private MinimalStores(StoreCapabilities capabilities, boolean singleTenant, boolean uniqueExternalId, Flaw flaw) {
        this.capabilities = capabilities;
        this.singleTenant = singleTenant;
        this.uniqueExternalId = uniqueExternalId;
        this.flaw = flaw;
    }

    /**
     * New empty stores.
     *
     * @param capabilities {@code none()} or {@code builder().lookups("userName", "externalId").build()}
     * @param singleTenant whether the stores ignore the tenant, as a single-tenant application may
     */
    public static ContractStores create(StoreCapabilities capabilities, boolean singleTenant, boolean uniqueExternalId,
            Flaw flaw) {
        MinimalStores stores = new MinimalStores(capabilities, singleTenant, uniqueExternalId, flaw);
        return new ContractStores(stores.new Users(), stores.new Groups());
    }

    /** The rows of one tenant. */
    private static final class Tenant {
        long lastId = 1000;
        final Map<String, Row> users = new LinkedHashMap<>();
        final Map<String, Row> groups = new LinkedHashMap<>();
        /** Unique keys ("userName:" + folded name, ...) to the id holding them, for users and groups. */
        final Map<String, String> userKeys = new HashMap<>();
        final Map<String, String> groupKeys = new HashMap<>();
    }

    /** One resource: its attributes (without id, meta, schemas, members) and, for a group, its members. */
    private static final class Row {
        final String id;
        final Instant created;
        Instant lastModified;
        long revision;
        ComplexValue attributes;
        final Map<String, ComplexValue> members = new LinkedHashMap<>();

        Row(String id, Instant created, long revision, ComplexValue attributes) {
            this.id = id;
            this.created = created;
            this.lastModified = created;
            this.revision = revision;
            this.attributes = attributes;
        }
    }

    private Tenant tenant(StoreContext context) {
        return tenants.computeIfAbsent(singleTenant ? StoreContext.DEFAULT_TENANT : context.tenant(), name -> new Tenant());
    }

    private ScimResource resource(Row row, boolean withMembers) {
        ScimResource resource = ScimResource.of(row.attributes).withId(row.id)
                .withMeta(new Meta(null, row.created, row.lastModified, null, Versions.weak(row.revision)));
        return withMembers && !row.members.isEmpty()
                ? resource.with("members", MultiValue.of(new ArrayList<>(row.members.values())))
                : resource;
    }

    private static @Nullable String text(ComplexValue attributes, String name) {
        return attributes.getOrNull(name) instanceof StringValue value ? value.value() : null;
    }

    /** The store of one resource type: users or groups. */
    private abstract class Table {
        abstract Map<String, Row> rows(Tenant tenant);

        abstract Map<String, String> keys(Tenant tenant);

        /** The unique keys of a row's attributes. */
        abstract List<String> uniqueKeys(ComplexValue attributes);

        public StoreCapabilities capabilities() {
            return capabilities;
        }

        public ScimResource create(StoreContext context, ResourceCreate create) {
            synchronized (lock) {
                Tenant tenant = tenant(context);
                ComplexValue attributes = create.body().body().without("schemas");
                String id = String.valueOf(++tenant.lastId);
                claim(tenant, id, attributes);
                Row row = new Row(id, context.requestTime(), ++revisions, attributes);
                create.members().forEach(member -> row.members.putIfAbsent(memberId(member), member));
                rows(tenant).put(id, row);
                return resource(row, true);
            }
        }

        public Optional<ScimResource> get(StoreContext context, String id) {
            synchronized (lock) {
                return Optional.ofNullable(rows(tenant(context)).get(id))
                        .map(row -> resource(row, context.returns("members")));
            }
        }

        public StorePage search(StoreContext context, StoreQuery query) {
            if (query.sort() != null || !(query.paging() instanceof Paging.Index page)
                    || query.filter() != null && !capabilities.evaluates(query.filter())) {
                throw new IllegalArgumentException("this store declined this query in capabilities(): " + query);
            }
            synchronized (lock) {
                List<ScimResource> matches = new ArrayList<>();
                for (Row row : rows(tenant(context)).values()) {
                    if (query.filter() == null || matches((ComparisonFilter) query.filter(), row)) {
                        matches.add(resource(row, context.returns("members")));
                    }
                }
                if (flaw == Flaw.UNSTABLE_ORDER) {
                    Collections.shuffle(matches);
                }
                return StorePage.slice(matches, page);
            }
        }

        public ScimResource update(StoreContext context, ResourceUpdate update) {
            synchronized (lock) {
                Tenant tenant = tenant(context);
                Row row = rows(tenant).get(update.id());
                if (row == null) {
                    throw ScimException.notFound("no resource " + update.id());
                }
                Versions.requireMatch(Versions.weak(row.revision), update.expectedVersion(), "resource " + row.id);
                if (update.body() != null) {
                    ComplexValue attributes = update.body().body().without("schemas");
                    release(tenant, row.id);
                    claim(tenant, row.id, attributes);
                    row.attributes = attributes;
                }
                MemberChanges members = update.members();
                if (members.replaceAll()) {
                    row.members.clear();
                }
                members.removed().forEach(row.members::remove);
                members.added().forEach(member -> row.members.putIfAbsent(memberId(member), member));
                row.lastModified = context.requestTime();
                if (flaw != Flaw.SAME_VERSION_ON_MEMBER_CHANGE || update.body() != null) {
                    row.revision = ++revisions;
                }
                return resource(row, true);
            }
        }

        public void delete(StoreContext context, ResourceDelete delete) {
            synchronized (lock) {
                Tenant tenant = tenant(context);
                Row row = rows(tenant).get(delete.id());
                if (row == null) {
                    throw ScimException.notFound("no resource " + delete.id());
                }
                Versions.requireMatch(Versions.weak(row.revision), delete.expectedVersion(), "resource " + row.id);
                release(tenant, row.id);
                rows(tenant).remove(row.id);
            }
        }

        private void claim(Tenant tenant, String id, ComplexValue attributes) {
            List<String> wanted = uniqueKeys(attributes);
            for (String key : wanted) {
                String holder = keys(tenant).get(key);
                if (holder != null && !holder.equals(id)) {
                    throw ScimException.uniqueness("the value of " + key.substring(0, key.indexOf(':')) + " is taken");
                }
            }
            wanted.forEach(key -> keys(tenant).put(key, id));
        }

        private void release(Tenant tenant, String id) {
            keys(tenant).values().removeIf(id::equals);
        }

        private boolean matches(ComparisonFilter lookup, Row row) {
            String attribute = lookup.path().attribute();
            String stored = text(row.attributes, attribute);
            String wanted = ((StringValue) lookup.value()).value();
            return stored != null && (attribute.equalsIgnoreCase("externalId") ? stored.equals(wanted)
                    : IndexKey.fold(stored).equals(IndexKey.fold(wanted)));
        }

        private String memberId(ComplexValue member) {
            return ((StringValue) member.getOrNull("value")).value();
        }

        List<String> keysOf(ComplexValue attributes, String name, boolean caseExact) {
            String value = text(attributes, name);
            return value == null ? List.of() : List.of(name + ":" + IndexKey.of(caseExact, value));
        }

        List<String> externalIdKey(ComplexValue attributes) {
            return uniqueExternalId ? keysOf(attributes, "externalId", true) : List.of();
        }
    }

    private final class Users extends Table implements UserStore {
        @Override
        Map<String, Row> rows(Tenant tenant) {
            return tenant.users;
        }

        @Override
        Map<String, String> keys(Tenant tenant) {
            return tenant.userKeys;
        }

        @Override
        List<String> uniqueKeys(ComplexValue attributes) {
            List<String> keys = new ArrayList<>(keysOf(attributes, "userName", flaw == Flaw.CASE_SENSITIVE_USER_NAMES));
            keys.addAll(externalIdKey(attributes));
            return keys;
        }
    }

    private final class Groups extends Table implements GroupStore {
        @Override
        Map<String, Row> rows(Tenant tenant) {
            return tenant.groups;
        }

        @Override
        Map<String, String> keys(Tenant tenant) {
            return tenant.groupKeys;
        }

        @Override
        List<String> uniqueKeys(ComplexValue attributes) {
            List<String> keys = new ArrayList<>(keysOf(attributes, "displayName", false));
            keys.addAll(externalIdKey(attributes));
            return keys;
        }

        @Override
        public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
            synchronized (lock) {
                List<GroupMembership> memberships = new ArrayList<>();
                for (Row group : tenant(context).groups.values()) {
                    if (group.members.containsKey(memberId)) {
                        memberships.add(new GroupMembership(group.id, text(group.attributes, "displayName")));
                    }
                }
                return memberships;
            }
        }
    }
}
