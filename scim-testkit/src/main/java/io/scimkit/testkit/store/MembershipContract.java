package io.scimkit.testkit.store;

import io.scimkit.core.store.ResourceCreate;
import static io.scimkit.testkit.store.ContractFixtures.id;
import static io.scimkit.testkit.store.ContractFixtures.memberElements;
import static io.scimkit.testkit.store.ContractFixtures.memberIds;
import static io.scimkit.testkit.store.ContractFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.StoreQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The third part of the {@link StoreContract}: group membership (RFC 7643 §4.2, §4.1.2
 * {@code groups}; DESIGN.md §4 deltas; digest K-64). Extend {@link StoreContract}.
 */
public abstract class MembershipContract extends QueryContract {

    MembershipContract() {
    }

    List<String> createUsers(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(id(createUser("member" + i)));
        }
        return ids;
    }

    ScimResource group(String id) {
        return groups.get(groupContext(), id).orElseThrow(() -> new AssertionError("group " + id + " is gone"));
    }

    @Test
    void createStoresTheMembersOfTheBody() {
        List<String> ids = createUsers(2);
        ScimResource created = groups.create(groupContext(), ResourceCreate.of(fixtures.group("team", ids.get(0), ids.get(1))));
        assertThat(memberIds(created)).containsExactlyElementsOf(ids);
        assertThat(memberIds(group(id(created)))).containsExactlyElementsOf(ids);
    }

    @Test
    void memberDeltasAddRemoveAndReplace() {
        List<String> u = createUsers(4);
        String group = id(groups.create(groupContext(), ResourceCreate.of(fixtures.group("team", u.get(0)))));
        groups.addMembers(groupContext(), group, memberElements(List.of(u.get(1), u.get(2))));
        assertThat(memberIds(group(group))).containsExactlyInAnyOrder(u.get(0), u.get(1), u.get(2));
        groups.removeMembers(groupContext(), group, Set.of(u.get(0), "not-a-member"));
        assertThat(memberIds(group(group))).containsExactlyInAnyOrder(u.get(1), u.get(2));
        groups.replaceMembers(groupContext(), group, memberElements(List.of(u.get(3))));
        assertThat(memberIds(group(group))).containsExactly(u.get(3));
        groups.replaceMembers(groupContext(), group, List.of());
        assertThat(memberIds(group(group))).isEmpty();
    }

    @Test
    void addingAnExistingMemberKeepsOneCopy() {
        List<String> u = createUsers(1);
        String group = id(groups.create(groupContext(), ResourceCreate.of(fixtures.group("team", u.get(0)))));
        groups.addMembers(groupContext(), group, memberElements(List.of(u.get(0), u.get(0))));
        assertThat(memberIds(group(group))).containsExactly(u.get(0));
    }

    @Test
    void memberChangesAndBodyApplyInOneUpdate() {
        List<String> u = createUsers(2);
        ScimResource created = groups.create(groupContext(), ResourceCreate.of(fixtures.group("team", u.get(0))));
        ScimResource updated = groups.update(groupContext(), new ResourceUpdate(id(created), version(created),
                fixtures.group("renamed"), new MemberChanges(false, memberElements(List.of(u.get(1))), Set.of(u.get(0)))));
        assertThat(ContractFixtures.text(updated, "displayName")).contains("renamed");
        assertThat(version(updated)).isNotEqualTo(version(created));
        assertThat(memberIds(group(id(created)))).containsExactly(u.get(1));
    }

    @Test
    void groupsOfReflectsMembershipWithTheGroupsDisplayName() {
        List<String> u = createUsers(2);
        String admins = id(groups.create(groupContext(), ResourceCreate.of(fixtures.group("Admins", u.get(0), u.get(1)))));
        String sales = id(groups.create(groupContext(), ResourceCreate.of(fixtures.group("Sales", u.get(0)))));
        assertThat(groups.groupsOf(groupContext(), u.get(0))).containsExactlyInAnyOrder(
                new GroupMembership(admins, "Admins"), new GroupMembership(sales, "Sales"));
        assertThat(groups.groupsOf(groupContext(), u.get(1))).containsExactly(new GroupMembership(admins, "Admins"));
        groups.removeMembers(groupContext(), admins, Set.of(u.get(0)));
        assertThat(groups.groupsOf(groupContext(), u.get(0))).containsExactly(new GroupMembership(sales, "Sales"));
        assertThat(groups.groupsOf(groupContext(), "nobody")).isEmpty();
    }

    @Test
    void deletingAUserRemovesItFromGroups() {
        assumeThat(removesDeletedUsersFromGroups()).as("store removes deleted users from groups (K-64)").isTrue();
        List<String> u = createUsers(2);
        ScimResource created = groups.create(groupContext(), ResourceCreate.of(fixtures.group("team", u.get(0), u.get(1))));
        users.delete(userContext(), ResourceDelete.of(u.get(0)));
        ScimResource after = group(id(created));
        assertThat(memberIds(after)).containsExactly(u.get(1));
        assertThat(version(after)).as("the group's representation changed").isNotEqualTo(version(created));
        assertThat(groups.groupsOf(groupContext(), u.get(0))).isEmpty();
    }

    @Test
    void deletingAGroupForgetsItsMemberships() {
        List<String> u = createUsers(1);
        String group = id(groups.create(groupContext(), ResourceCreate.of(fixtures.group("team", u.get(0)))));
        groups.delete(groupContext(), ResourceDelete.of(group));
        assertThat(groups.get(groupContext(), group)).isEmpty();
        assertThat(groups.groupsOf(groupContext(), u.get(0))).isEmpty();
        assertThat(id(groups.create(groupContext(), ResourceCreate.of(fixtures.group("TEAM"))))).isNotEqualTo(group);
    }

    @Test
    void membersExcludedByTheProjectionAreNotReturned() {
        // DESIGN.md §5: excludedAttributes=members never returns members (Entra's group GET).
        List<String> u = createUsers(3);
        String group = id(groups.create(groupContext(), ResourceCreate.of(fixtures.group("team", u.toArray(String[]::new)))));
        assertThat(groups.get(fixtures.withoutMembers(groupContext()), group).orElseThrow().get("members")).isEmpty();
        assertThat(groups.search(fixtures.withoutMembers(groupContext()),
                new StoreQuery(ContractFixtures.filter("displayName eq \"team\""), null, new Paging.Index(1, 10)))
                .resources()).singleElement().satisfies(found -> assertThat(found.get("members")).isEmpty());
        assertThat(memberIds(group(group))).hasSize(3);
    }
}
