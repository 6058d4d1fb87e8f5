package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The group {@code members} (RFC 7643 §4.2) that one response assembled in memory may still hold:
 * {@link ServiceLimits#maxMembersPerResponse} at the start, less every member gathered. Members are
 * read through {@link GroupStore#forEachMember} and counted as they come, so a request over the
 * limit stops reading at the first member too many and gets 400 {@code tooMany} (RFC 7644
 * §3.12) instead of filling the heap. Confined to one request.
 */
final class MemberBudget {
    private static final String MEMBERS = "members";

    private final int limit;
    private long used;

    MemberBudget(int limit) {
        this.limit = limit;
    }

    /**
     * The group (loaded without members) with its members from the store, placed before
     * {@code meta} as stores return them.
     *
     * @throws ScimException 400 {@code tooMany} once the response holds more members than the limit
     */
    ScimResource withMembers(GroupStore store, StoreContext context, ScimResource group) {
        String id = group.id().orElseThrow(() -> new IllegalStateException("a stored resource has an id"));
        List<ComplexValue> members = new ArrayList<>();
        store.forEachMember(context, id, member -> {
            spend();
            members.add(member);
        });
        if (members.isEmpty()) {
            return group.without(MEMBERS);
        }
        ComplexValue.Builder body = ComplexValue.builder();
        boolean placed = false;
        for (var attribute : group.body().attributes().entrySet()) {
            if (attribute.getKey().equalsIgnoreCase(MEMBERS)) {
                continue;
            }
            if (!placed && attribute.getKey().equalsIgnoreCase("meta")) {
                body.put(MEMBERS, MultiValue.of(members));
                placed = true;
            }
            body.put(attribute.getKey(), attribute.getValue());
        }
        if (!placed) {
            body.put(MEMBERS, MultiValue.of(members));
        }
        return ScimResource.of(body.build());
    }

    /**
     * Fails unless the group has at most the limit's members, reading no more than one past it.
     *
     * @throws ScimException 400 {@code tooMany} for a larger group
     */
    void requireWithin(GroupStore store, StoreContext context, String groupId) {
        store.forEachMember(context, groupId, member -> spend());
    }

    private void spend() {
        if (++used > limit) {
            throw ScimException.tooMany("the response would hold more than " + limit + " group members"
                    + " (the service's maxMembersPerResponse); ask with excludedAttributes=members and read"
                    + " a group's members with GET on the group, or change them with PATCH add/remove operations");
        }
    }
}
