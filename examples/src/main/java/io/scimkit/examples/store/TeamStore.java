package io.scimkit.examples.store;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.StringValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SCIM Groups (RFC 7643 §4.2) over the application's own {@link Team} rows and a membership map.
 * {@code displayName} is unique per tenant without regard to case, as identity providers find
 * groups by it, and {@code displayName eq} and {@code externalId eq} are answered from an index;
 * ids, versions and everything else work as in {@link PersonStore}.
 *
 * <p>Members are not part of the row. Whether a client replaced a group (PUT, RFC 7644 §3.5.1) or
 * patched its members (RFC 7644 §3.5.2), the core hands the store a change: add these, remove
 * those, or replace them all; the store applies it entry by entry, so adding one member to a group
 * of thousands touches one entry. Member elements are kept as sent ({@code value}, and
 * {@code type}, {@code display} and {@code $ref} if given). {@link #groupsOf} answers from a reverse
 * map; the core uses it for a user's {@code groups} (RFC 7643 §4.1.2) and to remove a deleted user
 * from its groups.
 */
public final class TeamStore extends MapStore<Team> implements GroupStore {
    /** Team id to its members' elements by member id, in the order they joined. */
    private final Map<String, Map<String, ComplexValue>> members = new HashMap<>();
    /** Member id to the ids of the teams it is in. */
    private final Map<String, Set<String>> teamsOf = new HashMap<>();

    /**
     * An empty store.
     *
     * @param uniqueExternalId whether {@code externalId} is unique per tenant too
     */
    public TeamStore(boolean uniqueExternalId) {
        super("displayName", uniqueExternalId);
    }

    @Override
    Team toRow(ComplexValue attributes) {
        // The core validated the attributes: displayName is there (RFC 7643 §4.2).
        return new Team(text(attributes, "displayName"), text(attributes, "externalId"),
                attributes.without("displayName").without("externalId"));
    }

    @Override
    ComplexValue attributes(Team team) {
        return with(with(team.rest(), "displayName", team.displayName()), "externalId", team.externalId());
    }

    @Override
    ScimResource resource(Stored<Team> team, StoreContext context) {
        ScimResource resource = super.resource(team, context);
        Map<String, ComplexValue> elements = members.getOrDefault(team.id(), Map.of());
        // A client that excluded members (as Entra ID does when it reads a group) does not get them.
        return elements.isEmpty() || !context.returns("members") ? resource
                : resource.with("members", MultiValue.of(List.copyOf(elements.values())));
    }

    @Override
    void changeMembers(String teamId, MemberChanges changes) {
        Map<String, ComplexValue> current = members.computeIfAbsent(teamId, id -> new LinkedHashMap<>());
        for (String memberId : changes.replaceAll() ? List.copyOf(current.keySet()) : changes.removed()) {
            current.remove(memberId);
            teamsOf.computeIfPresent(memberId, (id, teams) -> teams.remove(teamId) && teams.isEmpty() ? null : teams);
        }
        for (ComplexValue element : changes.added()) {
            String memberId = ((StringValue) element.getOrNull("value")).value();
            if (current.putIfAbsent(memberId, element) == null) {
                teamsOf.computeIfAbsent(memberId, id -> new HashSet<>()).add(teamId);
            }
        }
        if (current.isEmpty()) {
            members.remove(teamId);
        }
    }

    @Override
    public synchronized List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        return teamsOf.getOrDefault(memberId, Set.of()).stream().flatMap(teamId -> row(context, teamId).stream())
                .map(team -> new GroupMembership(team.id(), team.row().displayName())).toList();
    }
}
