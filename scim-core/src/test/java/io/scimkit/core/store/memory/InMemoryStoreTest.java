package io.scimkit.core.store.memory;

import static io.scimkit.core.store.memory.StoreFixtures.GROUP;
import static io.scimkit.core.store.memory.StoreFixtures.REGISTRY;
import static io.scimkit.core.store.memory.StoreFixtures.context;
import static io.scimkit.core.store.memory.StoreFixtures.group;
import static io.scimkit.core.store.memory.StoreFixtures.groups;
import static io.scimkit.core.store.memory.StoreFixtures.query;
import static io.scimkit.core.store.memory.StoreFixtures.user;
import static io.scimkit.core.store.memory.StoreFixtures.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.value.StringValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory store's own behaviour, beyond the shared store contract (scim-testkit's StoreContract). */
class InMemoryStoreTest {

    @Test
    void createGetUpdateDeleteRoundTrip() {
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        ScimResource created = store.create(users(), user("bjensen"));
        String id = created.id().orElseThrow();
        assertThat(created.meta().orElseThrow().version()).isEqualTo("W/\"1\"");
        assertThat(store.get(users(), id)).contains(created);

        ScimResource updated = store.update(users(), new ResourceUpdate(id, "W/\"1\"", user("bjensen2"),
                MemberChanges.NONE));
        assertThat(updated.get("userName")).contains(StringValue.of("bjensen2"));
        assertThat(updated.id()).contains(id);
        assertThat(updated.meta().orElseThrow().version()).isEqualTo("W/\"2\"");

        store.delete(users(), id, null);
        assertThat(store.get(users(), id)).isEmpty();
    }

    @Test
    void userNameLookupAmong100kUsersUsesTheIndex() {
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        for (int i = 0; i < 100_000; i++) {
            store.create(users(), user("user" + i + "@example.com"));
        }
        StorePage page = store.search(users(), query("userName eq \"USER76543@example.com\"", new Paging.Index(1, 10)));
        assertThat(page.totalResults()).isEqualTo(1);
        assertThat(page.resources()).singleElement()
                .satisfies(found -> assertThat(found.get("userName")).contains(StringValue.of("user76543@example.com")));
    }

    @Test
    void excludedMembersAreNotReturned() {
        InMemoryGroupStore store = InMemoryGroupStore.builder(REGISTRY).build();
        String id = store.create(groups(), group("admins", "u1", "u2")).id().orElseThrow();
        StoreContext withoutMembers = groups().withProjection(Projection.of(REGISTRY, GROUP, null, "members"));
        assertThat(store.get(withoutMembers, id).orElseThrow().get("members")).isEmpty();
        assertThat(store.get(groups(), id).orElseThrow().get("members")).isPresent();
    }

    @Test
    void foreignCursorIsInvalid() {
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        for (int i = 0; i < 5; i++) {
            store.create(users(), user("u" + i));
        }
        StorePage first = store.search(users(), query(null, new Paging.Cursor(null, 2)));
        assertThat(first.nextCursor()).isNotNull().matches("[A-Za-z0-9._~-]+");
        assertThatThrownBy(() -> store.search(context("other", StoreFixtures.USER),
                query(null, new Paging.Cursor(first.nextCursor(), 2))))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_CURSOR));
    }
}
