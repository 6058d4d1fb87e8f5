package io.scimkit.core.protocol;

import io.scimkit.core.event.EventContext;
import io.scimkit.core.patch.PatchEngine;
import io.scimkit.core.patch.PatchOp;
import io.scimkit.core.patch.PatchOperation;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.patch.PatchResult;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ResourceValidator;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One attempt of a PATCH on a group (RFC 7644 §3.5.2, RFC 7643 §4.2) that costs O(change), never
 * O(group size), so that groups with many thousands of members stay cheap to change: the group is
 * loaded without {@code members}; the operations run
 * in order, those on other attributes through the PATCH engine, those on members into a
 * {@link MemberDelta}. Each member operation also runs through the engine on an empty probe
 * group, which conforms its value and reports exactly the errors the engine would (invalid
 * elements, Entra quirk Q4 of {@code docs/entra-quirks.md} in the strict dialect). Adds of members
 * and removals of non-members are dropped after asking the store once which of those members are
 * in the group ({@code membersAmong}), so that such a PATCH writes nothing and leaves
 * {@code meta.lastModified} alone (RFC 7644 §3.5.2.1: adding a value that is already there changes
 * nothing). When only members change, the
 * delta is written without a version check: the store applies it atomically, and concurrent
 * member PATCHes then never conflict.
 *
 * <p>When the {@link MemberPatchPlan} needs the whole group, the engine runs on the complete
 * resource and the resulting members are written as a {@code replaceAll} delta, with
 * compare-and-swap on the version it was computed from.
 */
final class GroupPatch {
    private static final String MEMBERS = "members";

    private final ResourceValidator validator;
    private final LoadProjections loads;

    GroupPatch(ResourceValidator validator, LoadProjections loads) {
        this.validator = validator;
        this.loads = loads;
    }

    PatchHandler.Outcome attempt(ResourceCall call, String id, PatchRequest request, MemberPatchPlan plan,
            PatchEngine engine, StoreContext writeContext) {
        if (plan.needsWholeGroup()) {
            return whole(call, id, request, engine, writeContext);
        }
        ScimResource existing = call.load(call.context(loads.withoutMembers(call.type())), id);
        Preconditions.requireIfMatch(call.request(), existing);
        ScimResource probe = probe(call.type());
        ScimResource body = existing;
        Set<AttributePath> modified = new LinkedHashSet<>();
        MemberDelta delta = new MemberDelta();
        for (MemberPatchPlan.Step step : plan.steps()) {
            if (step instanceof MemberPatchPlan.Other other) {
                PatchResult result = engine.apply(body, PatchRequest.of(List.of(other.operation())));
                body = result.resource();
                modified.addAll(result.modified());
            } else if (step instanceof MemberPatchPlan.MemberOperation member) {
                apply(member, engine, probe, delta);
            }
        }
        if (body.body().getOrNull(MEMBERS) != null) {
            // An operation reached members by a way the plan does not know: do it the general way.
            return whole(call, id, request, engine, writeContext);
        }
        if (!delta.isEmpty() && call.store() instanceof GroupStore store) {
            Set<String> members = store.membersAmong(call.context(loads.withoutMembers(call.type())), id,
                    delta.candidates());
            delta.dropNoOps(members::contains);
        }
        boolean bodyChanged = !body.equals(existing);
        if (!bodyChanged && delta.isEmpty()) {
            return new PatchHandler.Outcome(existing, false, Set.of(), true);
        }
        if (!delta.isEmpty()) {
            modified.add(AttributePath.of(MEMBERS));
        }
        ScimResource validated = bodyChanged ? validator.validateStored(body, call.type()) : null;
        String expected = bodyChanged || Preconditions.hasIfMatch(call.request()) ? Preconditions.version(existing) : null;
        Set<String> membersBefore = delta.replacesAll() && call.tellsListeners() ? call.memberIds(id) : Set.of();
        MemberChanges changes = delta.changes();
        ScimResource after = bodyChanged ? body : existing;
        ScimResource stored = call.update(writeContext, new ResourceUpdate(id, expected, validated, changes),
                written -> {
                    EventContext event = call.eventContext(writeContext, id, written.resource());
                    return changes.replaceAll()
                            ? ChangeEvents.groupReplacingMembers(event, existing, after, membersBefore,
                                    changes.addedIds())
                            : ChangeEvents.group(event, existing, after, changes.addedIds(), changes.removed());
                });
        return new PatchHandler.Outcome(stored, true, modified, !writeContext.projection()
                .includes(AttributePath.of(MEMBERS)));
    }

    /** The general way: the whole group through the engine, the members written as replaceAll. */
    private PatchHandler.Outcome whole(ResourceCall call, String id, PatchRequest request, PatchEngine engine,
            StoreContext writeContext) {
        if (call.store() instanceof GroupStore store) {
            // The whole member list is about to be held in memory: only within the members budget.
            new MemberBudget(call.config().limits().maxMembersPerResponse())
                    .requireWithin(store, call.context(loads.everything(call.type())), id);
        }
        ScimResource existing = call.load(call.context(loads.everything(call.type())), id);
        Preconditions.requireIfMatch(call.request(), existing);
        PatchResult result = engine.apply(existing, request);
        if (!result.changed()) {
            return new PatchHandler.Outcome(existing, false, Set.of(), false);
        }
        ScimResource validated = validator.validateStored(result.resource(), call.type());
        List<ComplexValue> members = MemberDelta.members(validated.body().getOrNull(MEMBERS));
        ScimResource stored = call.update(writeContext, new ResourceUpdate(id,
                Preconditions.version(existing), validated.without(MEMBERS), new MemberChanges(true, members, Set.of())),
                written -> ChangeEvents.groupReplacingMembers(call.eventContext(writeContext, id, written.resource()),
                        existing, validated, ChangeEvents.memberIds(existing.body().getOrNull(MEMBERS)),
                        ChangeEvents.memberIds(validated.body().getOrNull(MEMBERS))));
        return new PatchHandler.Outcome(stored, true, result.modified(),
                !writeContext.projection().includes(AttributePath.of(MEMBERS)));
    }

    /** Runs one member operation on the probe and records its effect in the delta. */
    private static void apply(MemberPatchPlan.MemberOperation member, PatchEngine engine, ScimResource probe,
            MemberDelta delta) {
        List<ComplexValue> elements = probeMembers(engine, probe, member.operation());
        switch (member.kind()) {
            case ADD -> delta.add(elements);
            case REPLACE -> delta.replaceAll(elements);
            case REMOVE_ALL -> delta.replaceAll(List.of());
            case REMOVE_LISTED -> {
                PatchOperation listed = PatchOperation.of(PatchOp.ADD, MEMBERS, member.operation().value());
                List<String> ids = new ArrayList<>();
                for (ComplexValue element : probeMembers(engine, probe, listed)) {
                    ids.add(((StringValue) element.getOrNull("value")).value());
                }
                delta.remove(ids);
            }
            case REMOVE_IDS -> delta.remove(member.ids());
        }
    }

    /** The members of the probe after the operation: its value conformed, or the engine's error. */
    private static List<ComplexValue> probeMembers(PatchEngine engine, ScimResource probe, PatchOperation operation) {
        PatchResult result = engine.apply(probe, PatchRequest.of(List.of(operation)));
        return MemberDelta.members(result.resource().body().getOrNull(MEMBERS));
    }

    /** A group with nothing but its schema: member operations on it change nothing but its members. */
    private static ScimResource probe(ResourceType type) {
        return ScimResource.of(ComplexValue.EMPTY).withSchemas(List.of(type.schema()));
    }
}
