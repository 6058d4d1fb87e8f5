package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaExtension;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.EventRecordingStore;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.PendingEvents;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.WrittenChange.GroupLeft;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The core's side of every call to an application's store, so that each store need not repeat it:
 * on the way in, {@code id} and {@code meta} are dropped from bodies (the store owns them) and a
 * group's {@code members} travel as their own value, never in the body; on the way out, a resource
 * without {@code schemas} gets them from its type and the extension attributes it has (RFC 7643
 * §3), and a resource without {@code id} is a programming error of the store, reported as such;
 * after a hard delete, the resource leaves every group it was a member of (RFC 7644 §3.6 leaves
 * this to the service provider; a group that lists a member that no longer exists helps nobody),
 * each such group getting a new version. Immutable and thread-safe.
 */
class ManagedStore implements ResourceStore {
    private static final String MEMBERS = "members";

    private final ResourceStore store;
    private final ResourceType type;
    private final boolean group;
    private final @Nullable GroupStore groups;
    private final @Nullable ResourceType groupType;
    private final LoadProjections loads;

    ManagedStore(ResourceStore store, ResourceType type, @Nullable GroupStore groups, @Nullable ResourceType groupType,
            LoadProjections loads) {
        this.store = store;
        this.type = type;
        this.group = type.schema().equalsIgnoreCase(CoreSchemas.GROUP_URN);
        this.groups = groups;
        this.groupType = groupType;
        this.loads = loads;
    }

    /** Every store of a configuration, managed; keys keep the map's order and case rules. */
    static Map<String, ResourceStore> manage(SchemaRegistry registry, Map<String, ResourceStore> stores) {
        LoadProjections loads = new LoadProjections(registry);
        ResourceType groupType = registry.resourceType("Group").orElse(null);
        ResourceStore rawGroups = groupType == null ? null : unwrap(stores.get(groupType.name()));
        GroupStore groups = rawGroups instanceof GroupStore groupStore ? groupStore : null;
        Map<String, ResourceStore> managed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        stores.forEach((name, store) -> {
            ResourceType type = registry.resourceType(name).orElseThrow();
            ResourceStore raw = unwrap(store);
            managed.put(name, raw instanceof GroupStore groupStore
                    ? new Groups(groupStore, type, groups, groupType, loads)
                    : new ManagedStore(raw, type, groups, groupType, loads));
        });
        return managed;
    }

    private static @Nullable ResourceStore unwrap(@Nullable ResourceStore store) {
        return store instanceof ManagedStore managed ? managed.store : store;
    }

    @Override
    public StoreCapabilities capabilities() {
        return store.capabilities();
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate resource) {
        return create(context, resource, null);
    }

    /**
     * Whether the store records the events of its writes in their transactions
     * ({@link EventRecordingStore}): then the write methods that take {@link PendingEvents} hand
     * them to it.
     */
    boolean recordsEvents() {
        return recorder() != null;
    }

    /** The store, if it records events now. */
    private @Nullable EventRecordingStore recorder() {
        return store instanceof EventRecordingStore recording && recording.recordsEvents() ? recording : null;
    }

    /** {@link #create(StoreContext, ResourceCreate)}, with events the store records when it does. */
    ScimResource create(StoreContext context, ResourceCreate resource, @Nullable PendingEvents events) {
        ComplexValue body = resource.body().body();
        List<ComplexValue> members = resource.members();
        if (group && body.getOrNull(MEMBERS) != null) {
            members = new ArrayList<>(members);
            members.addAll(MemberDelta.members(body.getOrNull(MEMBERS)));
        }
        StoredStrings.checkBody(body);
        StoredStrings.checkMembers(members);
        ResourceCreate managed = new ResourceCreate(inbound(resource.body()), members);
        EventRecordingStore recorder = events == null ? null : recorder();
        ScimResource created = outbound(recorder == null ? store.create(context, managed)
                : recorder.create(context, managed, events), "create");
        String id = created.id().orElseThrow();
        if (!ResourceIds.isValid(id)) {
            throw new IllegalStateException("the " + type.name() + " store's create assigned an id that is not one"
                    + " URI path segment without percent-encoding (see ResourceStore.create)");
        }
        return created;
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        if (!StoredStrings.canName(id)) {
            return Optional.empty();
        }
        return store.get(context, id).map(resource -> outbound(resource, "get"));
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        StorePage page = store.search(context, query);
        List<ScimResource> resources = null;
        for (int i = 0; i < page.resources().size(); i++) {
            ScimResource stored = page.resources().get(i);
            ScimResource completed = outbound(stored, "search");
            if (completed != stored && resources == null) {
                resources = new ArrayList<>(page.resources().subList(0, i));
            }
            if (resources != null) {
                resources.add(completed);
            }
        }
        return resources == null ? page
                : new StorePage(resources, page.totalResults(), page.nextCursor(), page.previousCursor());
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        return update(context, update, null);
    }

    /** {@link #update(StoreContext, ResourceUpdate)}, with events the store records when it does. */
    ScimResource update(StoreContext context, ResourceUpdate update, @Nullable PendingEvents events) {
        ScimResource body = update.body();
        MemberChanges members = update.members();
        if (body != null && group && body.body().getOrNull(MEMBERS) != null) {
            // A whole member list in a body is a replacement of the members.
            members = MemberChanges.replaceWith(MemberDelta.members(body.body().getOrNull(MEMBERS)));
        }
        requireNameable(update.id());
        if (body != null) {
            StoredStrings.checkBody(body.body());
        }
        StoredStrings.checkMembers(members);
        ResourceUpdate managed = body == null && members == update.members() ? update
                : new ResourceUpdate(update.id(), update.expectedVersion(), body == null ? null : inbound(body), members);
        EventRecordingStore recorder = events == null ? null : recorder();
        return outbound(recorder == null ? store.update(context, managed) : recorder.update(context, managed, events),
                "update");
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete) {
        deleteAndLeaveGroups(context, delete, false);
    }

    /**
     * Deletes the resource, then removes it from every group it is still a member of (a store may
     * have done that itself, as the shipped ones do).
     *
     * @param report whether to find out which groups the resource left, at the cost of asking the
     *     group store for its groups before the delete and reading each afterwards
     * @return with {@code report}, each group it left by id, as it is after the change (with its new
     *     version), in the order of {@code groupsOf}; otherwise empty
     */
    Map<String, ScimResource> deleteAndLeaveGroups(StoreContext context, ResourceDelete delete, boolean report) {
        requireNameable(delete.id());
        StoreContext groupContext = groups == null || groupType == null ? null
                : context.forType(groupType, loads.withoutMembers(groupType));
        List<GroupMembership> before = report && groupContext != null ? groups.groupsOf(groupContext, delete.id())
                : List.of();
        store.delete(context, delete);
        if (groupContext == null) {
            return Map.of();
        }
        Map<String, ScimResource> written = new LinkedHashMap<>();
        for (GroupMembership membership : groups.groupsOf(groupContext, delete.id())) {
            try {
                written.put(membership.groupId(), groups.update(groupContext, ResourceUpdate.members(
                        membership.groupId(), MemberChanges.remove(Set.of(delete.id())))));
            } catch (ScimException gone) {
                if (gone.status() != 404) {
                    throw gone;
                }
                // The group was deleted meanwhile: nothing left to remove the member from.
            }
        }
        Map<String, ScimResource> left = new LinkedHashMap<>();
        for (GroupMembership membership : before) {
            String groupId = membership.groupId();
            ScimResource group = written.containsKey(groupId) ? written.get(groupId)
                    : groups.get(groupContext, groupId).orElse(null);
            if (group != null) {
                left.put(groupId, group);
            }
        }
        written.forEach(left::putIfAbsent);
        return report ? left : Map.of();
    }

    /**
     * Deletes the resource through a store that records events: the deletion's events in its
     * transaction (with the groups the store removed it from there), then, for each group it is
     * still a member of, the core's removal as an update that records its own event.
     *
     * @param deleted the event of the deletion itself
     * @param left the event of the resource leaving one group
     * @return the events recorded, in order, for the listeners told synchronously
     */
    List<ProvisioningEvent> deleteRecording(StoreContext context, ResourceDelete delete, ProvisioningEvent deleted,
            Function<GroupLeft, ProvisioningEvent> left) {
        requireNameable(delete.id());
        EventRecordingStore recorder = Objects.requireNonNull(recorder(), "a store that records events");
        List<ProvisioningEvent> recorded = new ArrayList<>();
        recorder.delete(context, delete, written -> {
            List<ProvisioningEvent> events = new ArrayList<>();
            events.add(deleted);
            written.groupsLeft().forEach(group -> events.add(left.apply(group)));
            recorded.clear();
            recorded.addAll(events);
            return events;
        });
        if (groups == null || groupType == null) {
            return recorded;
        }
        StoreContext groupContext = context.forType(groupType, loads.withoutMembers(groupType));
        EventRecordingStore groupRecorder = groups instanceof EventRecordingStore recording && recording.recordsEvents()
                ? recording : null;
        for (GroupMembership membership : groups.groupsOf(groupContext, delete.id())) {
            String groupId = membership.groupId();
            ResourceUpdate removal = ResourceUpdate.members(groupId, MemberChanges.remove(Set.of(delete.id())));
            try {
                if (groupRecorder == null) {
                    ScimResource group = groups.update(groupContext, removal);
                    recorded.add(left.apply(new GroupLeft(groupId, version(group))));
                    continue;
                }
                List<ProvisioningEvent> removed = new ArrayList<>();
                groupRecorder.update(groupContext, removal, written -> {
                    removed.clear();
                    removed.add(left.apply(new GroupLeft(groupId, version(written.resource()))));
                    return List.copyOf(removed);
                });
                recorded.addAll(removed);
            } catch (ScimException gone) {
                if (gone.status() != 404) {
                    throw gone;
                }
                // The group was deleted meanwhile: nothing left to remove the member from.
            }
        }
        return recorded;
    }

    /** A resource's {@code meta.version}, or {@code null}. */
    static @Nullable String version(@Nullable ScimResource resource) {
        return resource == null ? null : resource.meta().flatMap(Meta::versionTag).orElse(null);
    }

    /** 404 for an id no resource can have (U+0000 or an unpaired surrogate), before any store sees it. */
    private void requireNameable(String id) {
        if (!StoredStrings.canName(id)) {
            throw ScimException.notFound(type.name() + " not found: no resource has an id with that character");
        }
    }

    /** The attributes to store: without {@code id}, {@code meta} and (for groups) {@code members}. */
    private ScimResource inbound(ScimResource resource) {
        ComplexValue body = resource.body();
        if (body.getOrNull("id") == null && body.getOrNull("meta") == null
                && !(group && body.getOrNull(MEMBERS) != null)) {
            return resource;
        }
        ComplexValue stripped = body.without("id").without("meta");
        return ScimResource.of(group ? stripped.without(MEMBERS) : stripped);
    }

    /** What the store gave back, with {@code schemas} filled in if the store does not keep them. */
    private ScimResource outbound(ScimResource resource, String call) {
        if (resource.id().isEmpty()) {
            throw new IllegalStateException("the " + type.name() + " store's " + call
                    + " returned a resource without an id: a store returns resources with their id and meta");
        }
        if (resource.body().getOrNull("schemas") != null) {
            return resource;
        }
        List<ScimValue> schemas = new ArrayList<>();
        schemas.add(StringValue.of(type.schema()));
        for (SchemaExtension extension : type.schemaExtensions()) {
            if (resource.body().getOrNull(extension.schema()) != null) {
                schemas.add(StringValue.of(extension.schema()));
            }
        }
        Map<String, ScimValue> body = new LinkedHashMap<>();
        body.put("schemas", MultiValue.of(schemas));
        body.putAll(resource.body().attributes());
        return ScimResource.of(ComplexValue.of(body));
    }

    /** A managed group store: member questions go straight to the store. */
    static final class Groups extends ManagedStore implements GroupStore {
        private final GroupStore store;

        Groups(GroupStore store, ResourceType type, @Nullable GroupStore groups, @Nullable ResourceType groupType,
                LoadProjections loads) {
            super(store, type, groups, groupType, loads);
            this.store = store;
        }

        @Override
        public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
            if (!StoredStrings.canName(memberId)) {
                return List.of();
            }
            return store.groupsOf(context, memberId);
        }

        @Override
        public Map<String, List<GroupMembership>> groupsOfEach(StoreContext context, Collection<String> memberIds) {
            List<String> nameable = memberIds.stream().filter(StoredStrings::canName).toList();
            return nameable.isEmpty() ? Map.of() : store.groupsOfEach(context, nameable);
        }

        @Override
        public Set<String> membersAmong(StoreContext context, String groupId, Set<String> memberIds) {
            if (!StoredStrings.canName(groupId)) {
                return Set.of();
            }
            Set<String> nameable = memberIds.stream().filter(StoredStrings::canName).collect(Collectors.toSet());
            return store.membersAmong(context, groupId, nameable);
        }

        @Override
        public void forEachMember(StoreContext context, String groupId, Consumer<ComplexValue> action) {
            store.forEachMember(context, groupId, action);
        }
    }
}
