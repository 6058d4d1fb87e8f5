package io.scimkit.testkit.store;

import static io.scimkit.testkit.store.ContractFixtures.id;
import static io.scimkit.testkit.store.ContractFixtures.memberElements;
import static io.scimkit.testkit.store.ContractFixtures.memberIds;
import static io.scimkit.testkit.store.ContractFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.testkit.store.ContractClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The third part of the {@link StoreContract}: group members (RFC 7643 §4.2) as deltas,
 * {@code groupsOf} (the source of a User's {@code groups}, RFC 7643 §4.1.2), and what the core does
 * with them: member PATCHes and removing a deleted user from its groups, checked through a
 * {@code ScimService}. Extend {@link StoreContract}, not this class.
 */
public abstract class MembershipContract extends QueryContract {
    private static final String DELTAS = "A group's members change by MemberChanges deltas: with replaceAll the "
            + "current members go first, then the removed ids leave (ids that are not members are ignored) and the "
            + "added elements join (ids already members are kept once); touch only the rows that change.";

    MembershipContract() {
    }

    List<String> createUsers(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(id(createUser("member" + i)));
        }
        return ids;
    }

    List<String> membersNow(String groupId, String rule) {
        return memberIds(storedGroup(groupId, rule));
    }

    @Test
    @DisplayName("create keeps the members it is given next to the body")
    void createKeepsTheInitialMembers() {
        List<String> ids = createUsers(2);
        ScimResource created = createGroup("team", ids);
        String rule = "create() stores the members the core hands over in ResourceCreate.members() (the body never "
                + "holds them) and returns the group with them";
        assertThat(memberIds(created)).as(rule + ": the returned group").containsExactlyElementsOf(ids);
        assertThat(membersNow(id(created), rule)).as(rule + ": get() afterwards").containsExactlyElementsOf(ids);
    }

    @Test
    @DisplayName("member deltas add, remove and replace members")
    void memberDeltasAddRemoveAndReplace() {
        List<String> u = createUsers(4);
        String group = id(createGroup("team", List.of(u.get(0))));
        groups.update(groupContext(), ResourceUpdate.members(group, ContractFixtures.adding(u.get(1), u.get(2))));
        assertThat(membersNow(group, DELTAS)).as(DELTAS + " Adding " + u.subList(1, 3) + " to [" + u.get(0) + "]")
                .containsExactlyInAnyOrder(u.get(0), u.get(1), u.get(2));
        groups.update(groupContext(), ResourceUpdate.members(group, MemberChanges.remove(Set.of(u.get(0), "not-a-member"))));
        assertThat(membersNow(group, DELTAS)).as(DELTAS + " Removing " + u.get(0) + " and 'not-a-member' from "
                + u.subList(0, 3) + " leaves the other two").containsExactlyInAnyOrder(u.get(1), u.get(2));
        groups.update(groupContext(), ResourceUpdate.members(group,
                new MemberChanges(false, memberElements(List.of(u.get(3))), Set.of(u.get(1)))));
        assertThat(membersNow(group, DELTAS)).as(DELTAS + " One delta removing " + u.get(1) + " and adding "
                + u.get(3)).containsExactlyInAnyOrder(u.get(2), u.get(3));
        groups.update(groupContext(), ResourceUpdate.members(group, MemberChanges.replaceWith(memberElements(List.of(u.get(0))))));
        assertThat(membersNow(group, DELTAS)).as(DELTAS + " Replacing the members with [" + u.get(0) + "]")
                .containsExactly(u.get(0));
        groups.update(groupContext(), ResourceUpdate.members(group, MemberChanges.replaceWith(List.of())));
        assertThat(membersNow(group, DELTAS)).as(DELTAS + " Replacing the members with none empties the group")
                .isEmpty();
    }

    @Test
    @DisplayName("adding a member twice keeps one copy")
    void addingAnExistingMemberKeepsOneCopy() {
        List<String> u = createUsers(1);
        String group = id(createGroup("team", u));
        groups.update(groupContext(), ResourceUpdate.members(group, ContractFixtures.adding(u.get(0), u.get(0))));
        assertThat(membersNow(group, DELTAS)).as(DELTAS + " Adding the member " + u.get(0) + " (twice) to a group that "
                + "has it keeps one copy (e.g. a unique key on group and member id)").containsExactly(u.get(0));
    }

    @Test
    @DisplayName("an update applies the body and the member change together, and a body alone keeps the members")
    void bodyAndMembersInOneUpdate() {
        List<String> u = createUsers(2);
        ScimResource created = createGroup("team", List.of(u.get(0)));
        ScimResource renamed = groups.update(groupContext(), ResourceUpdate.replace(id(created), version(created),
                fixtures.group("renamed")));
        String keep = "update() with a body and MemberChanges.NONE replaces the attributes and keeps the members (the "
                + "body never holds members; only the MemberChanges change them)";
        assertThat(ContractFixtures.text(renamed, "displayName")).as(keep).contains("renamed");
        assertThat(membersNow(id(created), keep)).as(keep).containsExactly(u.get(0));
        ScimResource both = groups.update(groupContext(), new ResourceUpdate(id(created), version(renamed),
                fixtures.group("again"), new MemberChanges(false, memberElements(List.of(u.get(1))), Set.of(u.get(0)))));
        String together = "update() with a body and a member change applies both, atomically";
        assertThat(ContractFixtures.text(both, "displayName")).as(together).contains("again");
        assertThat(membersNow(id(created), together)).as(together).containsExactly(u.get(1));
    }

    @Test
    @DisplayName("groupsOf lists the groups of a member with their current displayName")
    void groupsOfListsTheGroupsOfAMember() {
        List<String> u = createUsers(2);
        String admins = id(createGroup("Admins", u));
        String sales = id(createGroup("Sales", List.of(u.get(0))));
        String rule = "groupsOf(member) lists each group the id is a direct member of, with the group's displayName "
                + "(the core builds a User's groups attribute from it, and removes a deleted user from these groups)";
        assertThat(groups.groupsOf(groupContext(), u.get(0))).as(rule + ": " + u.get(0) + " is in Admins and Sales")
                .containsExactlyInAnyOrder(new GroupMembership(admins, "Admins"), new GroupMembership(sales, "Sales"));
        assertThat(groups.groupsOf(groupContext(), u.get(1))).as(rule + ": " + u.get(1) + " is in Admins")
                .containsExactly(new GroupMembership(admins, "Admins"));
        groups.update(groupContext(), ResourceUpdate.members(admins, MemberChanges.remove(Set.of(u.get(0)))));
        assertThat(groups.groupsOf(groupContext(), u.get(0))).as(rule + ": after removing " + u.get(0)
                + " from Admins it is in Sales only").containsExactly(new GroupMembership(sales, "Sales"));
        assertThat(groups.groupsOf(groupContext(), "nobody")).as(rule + ": an id in no group has none").isEmpty();
        groups.update(groupContext(), ResourceUpdate.replace(sales, null, fixtures.group("Sales EMEA")));
        assertThat(groups.groupsOf(groupContext(), u.get(0))).as(rule + ": after renaming Sales to 'Sales EMEA', "
                + "groupsOf() gives the new displayName (read it from the group, do not copy it into member rows)")
                .containsExactly(new GroupMembership(sales, "Sales EMEA"));
        Reply user = scim().get("/Users/" + u.get(1));
        assertThat(user.json().path("groups").findValuesAsText("value")).as(user.explain("through the service, a "
                + "User's groups attribute lists what groupsOf() returns")).containsExactly(admins);
    }

    @Test
    @DisplayName("groupsOfEach gives each member's groups as groupsOf does, and a listed User's groups come from it")
    void groupsOfEachAgreesWithGroupsOf() {
        List<String> u = createUsers(4);
        createGroup("Admins", u.subList(0, 3));
        createGroup("Sales", List.of(u.get(2), u.get(0)));
        List<String> asked = List.of(u.get(0), u.get(1), u.get(2), u.get(3), "nobody");
        Map<String, List<GroupMembership>> each = groups.groupsOfEach(groupContext(), asked);
        for (String id : asked) {
            assertThat(each.getOrDefault(id, List.of())).as("groupsOfEach(ids) gives, for each id, what groupsOf(id) "
                    + "gives (ids in no group may be left out): " + id)
                    .containsExactlyInAnyOrderElementsOf(groups.groupsOf(groupContext(), id));
        }
        Reply page = scim().get("/Users", "sortBy", "userName");
        for (JsonNode user : page.resources()) {
            String id = user.path("id").asText();
            List<String> expected = groups.groupsOf(groupContext(), id).stream().map(GroupMembership::groupId).toList();
            assertThat(user.path("groups").findValuesAsText("value")).as(page.explain("a listed User's groups "
                    + "attribute lists what groupsOf() returns for it (the core reads them for the page with "
                    + "groupsOfEach): " + id)).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(page.resources()).as(page.explain("GET /Users lists the 4 users")).hasSize(4);
    }

    @Test
    @DisplayName("membersAmong tells which of some ids are members")
    void membersAmongTellsWhichIdsAreMembers() {
        List<String> u = createUsers(3);
        String group = id(createGroup("team", u.subList(0, 2)));
        assertThat(groups.membersAmong(groupContext(), group, Set.of(u.get(1), u.get(2), "nobody")))
                .as("membersAmong(group, ids) returns the ids that are members now (the core asks before a member "
                        + "PATCH, so that re-adding or removing a non-member writes nothing)")
                .containsExactly(u.get(1));
    }

    @Test
    @DisplayName("member PATCHes through the service add and remove exactly the members named, and change the ETag")
    void memberPatchesThroughTheService() {
        String a = scim().createUser("alice");
        String b = scim().createUser("bob");
        String c = scim().createUser("carol");
        String group = scim().createGroup("team", a, b);
        String before = scim().get("/Groups/" + group).etag();
        Reply add = scim().patch("/Groups/" + group, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + c + "\"}]}"));
        String addRule = "PATCH add members reaches update() as MemberChanges.add([" + c + "]); the group then has "
                + "alice, bob and carol and a new version. " + DELTAS;
        assertThat(add.status()).as(add.explain(addRule)).isBetween(200, 204);
        Reply afterAdd = scim().get("/Groups/" + group);
        assertThat(afterAdd.memberIds()).as(afterAdd.explain(addRule)).containsExactlyInAnyOrder(a, b, c);
        assertThat(afterAdd.etag()).as(afterAdd.explain(addRule)).isNotNull().isNotEqualTo(before);
        Reply remove = scim().patch("/Groups/" + group, patchOp("{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                + a + "\\\"]\"}"));
        String removeRule = "PATCH remove members[value eq \"" + a + "\"] reaches update() as MemberChanges.remove(["
                + a + "]); the group then has bob and carol and a new version. " + DELTAS;
        assertThat(remove.status()).as(remove.explain(removeRule)).isBetween(200, 204);
        Reply afterRemove = scim().get("/Groups/" + group);
        assertThat(afterRemove.memberIds()).as(afterRemove.explain(removeRule)).containsExactlyInAnyOrder(b, c);
        assertThat(afterRemove.etag()).as(afterRemove.explain(removeRule)).isNotNull().isNotEqualTo(afterAdd.etag());
    }

    static String patchOp(String... operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + String.join(",", operations) + "]}";
    }

    @Test
    @DisplayName("deleting a user through the service removes it from its groups, which get a new ETag")
    void deletingAUserRemovesItFromItsGroups() {
        String a = scim().createUser("alice");
        String b = scim().createUser("bob");
        String team = scim().createGroup("team", a, b);
        String solo = scim().createGroup("solo", a);
        String teamBefore = scim().get("/Groups/" + team).etag();
        String soloBefore = scim().get("/Groups/" + solo).etag();
        Reply deleted = scim().delete("/Users/" + a);
        String rule = "after a user is deleted, the core asks groupsOf(user) and sends each of its groups "
                + "update(ResourceUpdate.members(group, MemberChanges.remove([user]))): that update must remove the "
                + "member and give the group a new meta.version, so the group's ETag changes";
        assertThat(deleted.status()).as(deleted.explain("DELETE /Users/{id} answers 204 once delete() removed the user"))
                .isEqualTo(204);
        Reply gone = scim().get("/Users/" + a);
        assertThat(gone.status()).as(gone.explain("a deleted user is gone: get() finds nothing")).isEqualTo(404);
        Reply teamAfter = scim().get("/Groups/" + team);
        assertThat(teamAfter.memberIds()).as(teamAfter.explain(rule)).containsExactly(b);
        assertThat(teamAfter.etag()).as(teamAfter.explain(rule)).isNotNull().isNotEqualTo(teamBefore);
        Reply soloAfter = scim().get("/Groups/" + solo);
        assertThat(soloAfter.memberIds()).as(soloAfter.explain(rule)).isEmpty();
        assertThat(soloAfter.etag()).as(soloAfter.explain(rule)).isNotNull().isNotEqualTo(soloBefore);
        assertThat(groups.groupsOf(groupContext(), a)).as(rule + "; afterwards groupsOf(user) is empty").isEmpty();
    }

    @Test
    @DisplayName("deleting a group forgets its memberships and frees its displayName")
    void deletingAGroupForgetsItsMemberships() {
        List<String> u = createUsers(1);
        String group = id(createGroup("team", u));
        groups.delete(groupContext(), ResourceDelete.of(group));
        String rule = "delete() of a group removes it for good, with its members";
        assertThat(groups.get(groupContext(), group)).as(rule + ": get() finds nothing").isEmpty();
        assertThat(groups.groupsOf(groupContext(), u.get(0))).as(rule + ": groupsOf() of its former member is empty")
                .isEmpty();
        assertThat(ContractFixtures.text(createGroup("TEAM", List.of()), "displayName"))
                .as(rule + ": its displayName is free again, so 'TEAM' can be created").contains("TEAM");
    }

    @Test
    @DisplayName("a read whose projection excludes members may leave them out, but never returns some of them")
    void aProjectionWithoutMembersMayOmitThem() {
        List<String> u = createUsers(3);
        String group = id(createGroup("team", u));
        StoreContext withoutMembers = fixtures.withoutMembers(groupContext());
        String rule = "when StoreContext.returns(\"members\") is false (Entra reads groups with "
                + "excludedAttributes=members), a store may skip loading the members or return them all; a partial "
                + "list is wrong";
        ScimResource got = groups.get(withoutMembers, group).orElseThrow(() -> new AssertionError(rule
                + ": but get() with that projection found no group '" + group + "'"));
        assertMembersAbsentOrComplete(memberIds(got), got, u, rule + ": get()");
        List<ScimResource> listed = groups.search(withoutMembers, new StoreQuery(null, null, new Paging.Index(1, 10)))
                .resources();
        assertThat(listed).as(rule + ": search(no filter) lists the one group").hasSize(1);
        assertMembersAbsentOrComplete(memberIds(listed.get(0)), listed.get(0), u, rule + ": search()");
        assertThat(membersNow(group, rule)).as(rule + "; get() with the full projection returns all of them")
                .containsExactlyInAnyOrderElementsOf(u);
        Reply excluded = scim().get("/Groups/" + group, "excludedAttributes", "members");
        assertThat(excluded.json().has("members")).as(excluded.explain("through the service, "
                + "excludedAttributes=members answers without members")).isFalse();
    }

    private static void assertMembersAbsentOrComplete(List<String> ids, ScimResource group, List<String> all, String rule) {
        if (group.get("members").isPresent()) {
            assertThat(ids).as(rule + " returned members, so it must return all of them").containsExactlyInAnyOrderElementsOf(all);
        }
    }
}
