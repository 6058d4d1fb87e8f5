package io.scimkit.core.store.memory;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.FilterEvaluator;
import io.scimkit.core.filter.ResourceMatcher;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory {@link ResourceStore} for one resource type: the reference
 * implementation of the store SPI, and a store for custom resource types.
 *
 * <ul>
 *   <li><b>Tenancy</b>: data is partitioned by {@link StoreContext#tenant()}; nothing, not even a
 *       cursor, crosses tenants, and uniqueness is per tenant.</li>
 *   <li><b>Atomicity</b>: each write holds its tenant's write lock, so uniqueness checks and the
 *       compare-and-swap on {@code meta.version} happen in one step with the write.</li>
 *   <li><b>Ids and meta</b>: {@code create} assigns a random UUID {@code id} and stamps
 *       {@code meta} (resourceType, created = lastModified = request time, version); any
 *       {@code id} or {@code meta} in a client body is ignored. Every write issues a new weak
 *       version such as {@code W/"7"} (RFC 7644 §3.14) from a per-tenant counter.</li>
 *   <li><b>Indexes</b>: {@code id} and {@code externalId} always, plus the attributes the builder
 *       names; {@code eq} lookups on them never scan (see {@link IndexPlanner}). Results are always
 *       checked with the compiled {@link FilterEvaluator} matcher, so they are exact.</li>
 *   <li><b>Members</b> (when enabled, as for Groups): kept in a per-group insertion-ordered table
 *       with a reverse index; deltas cost O(change), and a read whose projection excludes
 *       {@code members} does not copy them. A {@link ResourceUpdate} body that carries
 *       {@code members} replaces them before the delta is applied; one without keeps them.</li>
 *   <li><b>Deletion</b> is hard (RFC 7644 §3.6): the id is gone (404 afterwards), it never appears
 *       in a query again, its unique values are free again, and, with {@link Builder#memberOf},
 *       the resource is removed from every group (which the RFC leaves open).</li>
 *   <li><b>Search</b> applies any filter exactly, sorts (RFC 7644 §3.4.2.3, see
 *       {@link io.scimkit.core.store.SortKey}), and pages by index or by signed,
 *       expiring keyset cursors (see {@link QueryRunner}).</li>
 * </ul>
 *
 * <p>Thread-safe; no state is shared between instances (each has its own cursor key).
 */
public final class InMemoryResourceStore implements ResourceStore {
    private static final AttributePath MEMBERS = AttributePath.of(MemberElements.MEMBERS);
    private static final StoreCapabilities CAPABILITIES = StoreCapabilities.everything();

    private final ResourceType type;
    private final FilterEvaluator evaluator;
    private final List<IndexedAttribute> indexed;
    private final boolean members;
    private final List<InMemoryResourceStore> memberOf;
    private final QueryRunner queries;
    private final Map<String, Partition> partitions = new ConcurrentHashMap<>();

    private InMemoryResourceStore(Builder builder) {
        this.type = builder.type;
        this.evaluator = FilterEvaluator.of(builder.registry, builder.type);
        this.indexed = List.copyOf(builder.indexed.values());
        this.members = builder.members;
        this.memberOf = List.copyOf(builder.memberOf);
        this.queries = new QueryRunner(new IndexPlanner(builder.registry, builder.type, indexed),
                builder.cursorTimeout, builder.clock);
    }

    /**
     * A builder for a store of the named resource type.
     *
     * @throws IllegalArgumentException if the registry has no such resource type
     */
    public static Builder builder(SchemaRegistry registry, String resourceTypeName) {
        return new Builder(registry, resourceTypeName);
    }

    /** The resource type this store holds. */
    public ResourceType resourceType() {
        return type;
    }

    @Override
    public StoreCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate resource) {
        String id = UUID.randomUUID().toString();
        // Members in the body are read too, for callers that use the store without the core.
        List<ComplexValue> initialMembers = !members ? null
                : resource.members().isEmpty() ? MemberElements.of(resource.body().body()) : resource.members();
        ComplexValue body = stripped(resource.body().body(), id);
        return partition(context.tenant()).create(id, body, initialMembers, context.requestTime(),
                returnsMembers(context));
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        Partition partition = partitions.get(context.tenant());
        if (partition == null) {
            return Optional.empty();
        }
        boolean withMembers = returnsMembers(context);
        return partition.read(() -> {
            StoredEntry entry = partition.entry(id);
            return entry == null ? Optional.empty() : Optional.of(partition.resource(entry, withMembers));
        });
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        ResourceMatcher matcher = query.filter() == null ? null : evaluator.compile(query.filter());
        boolean evaluateMembers = members && (query.filter() != null
                && FilterAttributes.mentions(query.filter(), MemberElements.MEMBERS)
                || query.sort() != null && query.sort().by().attribute().name().equalsIgnoreCase(MemberElements.MEMBERS));
        String scope = QueryRunner.part(context.tenant()) + QueryRunner.part(type.name());
        return queries.run(partitions.get(context.tenant()), scope, query, matcher, evaluateMembers,
                returnsMembers(context));
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        ComplexValue body = null;
        List<ComplexValue> bodyMembers = null;
        if (update.body() != null) {
            body = stripped(update.body().body(), update.id());
            bodyMembers = members ? MemberElements.of(update.body().body()) : null;
        }
        return existingPartition(context, update.id()).update(update.id(), update.expectedVersion(), body,
                bodyMembers, update.members(), context.requestTime(), returnsMembers(context));
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete) {
        String id = delete.id();
        existingPartition(context, id).delete(id, delete.expectedVersion(), context.requestTime());
        for (InMemoryResourceStore groups : memberOf) {
            groups.removeMemberEverywhere(context, id);
        }
    }

    /**
     * The groups of this store the resource with this id is a direct member of, each with the
     * group's {@code displayName} as display (RFC 7643 §4.1.2 {@code groups}); O(groups of the
     * member).
     */
    public List<GroupMembership> memberships(StoreContext context, String memberId) {
        Partition partition = partitions.get(context.tenant());
        if (partition == null || !members) {
            return List.of();
        }
        return partition.read(() -> {
            MemberTable table = Objects.requireNonNull(partition.members());
            List<GroupMembership> memberships = new ArrayList<>();
            for (String groupId : table.groupsOf(memberId)) {
                StoredEntry group = partition.entry(groupId);
                if (group != null) {
                    ScimValue display = group.body().getOrNull("displayName");
                    memberships.add(new GroupMembership(groupId, display == null ? null : AttributeValues.text(display)));
                }
            }
            return memberships;
        });
    }

    /**
     * Removes a member id from every group of the context's tenant; the changed
     * groups get a new version and {@code lastModified}. Called when a linked store deletes a
     * resource.
     */
    public void removeMemberEverywhere(StoreContext context, String memberId) {
        Partition partition = partitions.get(context.tenant());
        if (partition != null) {
            partition.removeMemberEverywhere(memberId, context.requestTime());
        }
    }

    private boolean returnsMembers(StoreContext context) {
        return members && context.projection().includes(MEMBERS);
    }

    private Partition partition(String tenant) {
        return partitions.computeIfAbsent(tenant, name -> new Partition(type.name(), indexed, members));
    }

    private Partition existingPartition(StoreContext context, String id) {
        Partition partition = partitions.get(context.tenant());
        if (partition == null) {
            throw ScimException.notFound(type.name() + " " + id + " not found");
        }
        return partition;
    }

    /**
     * The body to store: {@code schemas} first, then the store's {@code id}, then the client's
     * attributes without {@code id}, {@code meta} (the store owns both) and, for group-like types,
     * {@code members} (kept in the member table).
     */
    private ComplexValue stripped(ComplexValue body, String id) {
        ComplexValue.Builder out = ComplexValue.builder();
        ScimValue schemas = body.getOrNull("schemas");
        if (schemas != null) {
            out.put("schemas", schemas);
        }
        out.put("id", StringValue.of(id));
        body.attributes().forEach((name, value) -> {
            boolean owned = name.equalsIgnoreCase("id") || name.equalsIgnoreCase("meta")
                    || name.equalsIgnoreCase("schemas") || members && name.equalsIgnoreCase(MemberElements.MEMBERS);
            if (!owned) {
                out.put(name, value);
            }
        });
        return out.build();
    }

    /** Configures an {@link InMemoryResourceStore}. Not thread-safe. */
    public static final class Builder {
        private final SchemaRegistry registry;
        private final ResourceType type;
        private final Map<AttributePath, IndexedAttribute> indexed = new LinkedHashMap<>();
        private final List<InMemoryResourceStore> memberOf = new ArrayList<>();
        private boolean members;
        private Duration cursorTimeout = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();

        private Builder(SchemaRegistry registry, String resourceTypeName) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.type = registry.resourceType(resourceTypeName).orElseThrow(
                    () -> new IllegalArgumentException("no resource type named " + resourceTypeName));
            index("externalId", false);
        }

        /**
         * Keeps values of this attribute unique per tenant (409 {@code uniqueness}), compared
         * without regard to case unless the attribute is caseExact; also indexes it.
         */
        public Builder unique(String path) {
            return index(path, true);
        }

        /** Indexes this attribute (or sub-attribute, e.g. {@code emails.value}) for {@code eq} lookups. */
        public Builder indexed(String path) {
            return index(path, false);
        }

        /**
         * Whether {@code externalId} is unique per tenant (default {@code false}:
         * RFC 7643 §3.1 leaves it to the client). It is indexed either way.
         */
        public Builder uniqueExternalId(boolean value) {
            return index("externalId", value);
        }

        /** Whether resources have {@code members} kept as a member table (group-like types). */
        public Builder members(boolean value) {
            this.members = value;
            return this;
        }

        /**
         * Resources of this store may be members of the given store's groups: deleting one removes
         * it from every group there (RFC 7644 §3.6 leaves this open).
         */
        public Builder memberOf(InMemoryResourceStore groups) {
            memberOf.add(Objects.requireNonNull(groups, "groups"));
            return this;
        }

        /** How long a cursor stays valid (RFC 9865 {@code cursorTimeout}; default 10 minutes). */
        public Builder cursorTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the cursor timeout is positive");
            }
            this.cursorTimeout = value;
            return this;
        }

        /** The clock cursor expiry is measured with (default: system UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The store. */
        public InMemoryResourceStore build() {
            return new InMemoryResourceStore(this);
        }

        private Builder index(String path, boolean unique) {
            AttributePath parsed = AttributePath.parse(path);
            ResolvedAttribute resolved = registry.resolve(type, parsed).orElseThrow(
                    () -> new IllegalArgumentException(type.name() + " has no attribute " + path));
            if (resolved.leaf().isComplex()) {
                resolved = new ResolvedAttribute(resolved.extensionUrn(), resolved.attribute(), resolved.attribute()
                        .subAttribute("value").orElseThrow(() -> new IllegalArgumentException(
                                "index a sub-attribute of the complex attribute " + path)));
            }
            IndexedAttribute attribute = new IndexedAttribute(resolved, unique);
            indexed.put(resolved.canonicalPath(), attribute);
            return this;
        }
    }
}
