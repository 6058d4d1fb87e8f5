package io.scimkit.core.protocol;

import io.scimkit.core.event.EventContext;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.event.ProvisioningEvent.GroupDeleted;
import io.scimkit.core.event.ProvisioningEvent.MembersRemoved;
import io.scimkit.core.event.ProvisioningEvent.UserDeactivated;
import io.scimkit.core.event.ProvisioningEvent.UserDeleted;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.WrittenChange.GroupLeft;
import io.scimkit.core.value.BooleanValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code DELETE /{endpoint}/{id}} (RFC 7644 §3.6): checks {@code If-Match} (412 on a mismatch;
 * §3.14 names only PUT and PATCH, but Table 8 lists 412 for DELETE too), then follows the
 * {@link DeletePolicy}: {@code HARD} removes the resource (afterwards every request for it is 404,
 * §3.6; a deleted user also leaves every group, which the RFC leaves open, so that no group keeps
 * a dangling member); {@code SOFT} sets {@code active} to false on resource types that have that
 * attribute, so the resource is still found (what Entra's disable does, Entra quirk Q17 in
 * {@code docs/entra-quirks.md}), and deletes the others. Answers 204 without a body (§3.6); 404 for
 * an unknown id (§3.12). Listeners are told of the deletion (or, under {@code SOFT}, the
 * deactivation) and of every group a deleted user left.
 */
final class DeleteHandler {
    private static final String ACTIVE = "active";
    /** The resource type of the groups a deleted user leaves (see {@link ManagedStore}). */
    private static final String GROUP = "Group";

    private final SchemaRegistry registry;
    private final LoadProjections loads;

    DeleteHandler(SchemaRegistry registry, LoadProjections loads) {
        this.registry = registry;
        this.loads = loads;
    }

    ScimResponse handle(ResourceCall call, String id) {
        boolean conditional = Preconditions.hasIfMatch(call.request());
        StoreContext context = call.context(call.isGroup() ? loads.withoutMembers(call.type())
                : loads.everything(call.type()));
        if (call.config().deletePolicy() == DeletePolicy.SOFT && hasActive(call.type())) {
            OptimisticWrite.run(conditional, () -> {
                deactivate(call, context, id);
                return Boolean.TRUE;
            });
        } else if (conditional) {
            ScimResource existing = call.load(context, id);
            Preconditions.requireIfMatch(call.request(), existing);
            delete(call, context, new ResourceDelete(id, Preconditions.version(existing)));
        } else {
            delete(call, context, ResourceDelete.of(id));
        }
        return ScimResponse.empty(204);
    }

    /** Deletes the resource; then tells listeners, and of each group a deleted user left. */
    private static void delete(ResourceCall call, StoreContext context, ResourceDelete delete) {
        if (!(call.store() instanceof ManagedStore managed)) {
            call.store().delete(context, delete);
            return;
        }
        if (!call.tellsListeners()) {
            managed.delete(context, delete);
            return;
        }
        EventContext event = call.eventContext(context, delete.id(), null);
        ProvisioningEvent deleted = call.isUser() ? new UserDeleted(event) : new GroupDeleted(event);
        Function<GroupLeft, ProvisioningEvent> leaving = group -> new MembersRemoved(
                event.forResource(GROUP, group.groupId(), group.version()), List.of(delete.id()));
        if (managed.recordsEvents()) {
            call.publish(managed.deleteRecording(context, delete, deleted, leaving));
            return;
        }
        List<ProvisioningEvent> events = new ArrayList<>();
        events.add(deleted);
        managed.deleteAndLeaveGroups(context, delete, true).forEach((groupId, group) ->
                events.add(leaving.apply(new GroupLeft(groupId, ManagedStore.version(group)))));
        call.publish(events);
    }

    private static void deactivate(ResourceCall call, StoreContext context, String id) {
        ScimResource existing = call.load(context, id);
        Preconditions.requireIfMatch(call.request(), existing);
        if (BooleanValue.FALSE.equals(existing.body().getOrNull(ACTIVE))) {
            return;
        }
        call.update(context, new ResourceUpdate(id, Preconditions.version(existing),
                existing.with(ACTIVE, BooleanValue.FALSE), MemberChanges.NONE),
                written -> List.of(new UserDeactivated(call.eventContext(context, id, written.resource()))));
    }

    private boolean hasActive(ResourceType type) {
        return registry.resolve(type, AttributePath.of(ACTIVE))
                .filter(resolved -> resolved.extensionUrn() == null && resolved.subAttribute() == null)
                .map(resolved -> resolved.attribute().type() == AttributeType.BOOLEAN && !resolved.attribute().multiValued())
                .orElse(false);
    }
}
