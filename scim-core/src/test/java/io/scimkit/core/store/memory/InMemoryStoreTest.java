package io.scimkit.core.store.memory;

import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.IndexKey;
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
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortOrder;
import io.scimkit.core.store.StoreQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-memory store's own behaviour, beyond the shared store contract (scim-testkit's StoreContract). */
class InMemoryStoreTest {

    @Test
    void createGetUpdateDeleteRoundTrip() {
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        ScimResource created = store.create(users(), ResourceCreate.of(user("bjensen")));
        String id = created.id().orElseThrow();
        assertThat(created.meta().orElseThrow().version()).isEqualTo("W/\"1\"");
        assertThat(store.get(users(), id)).contains(created);

        ScimResource updated = store.update(users(), new ResourceUpdate(id, "W/\"1\"", user("bjensen2"),
                MemberChanges.NONE));
        assertThat(updated.get("userName")).contains(StringValue.of("bjensen2"));
        assertThat(updated.id()).contains(id);
        assertThat(updated.meta().orElseThrow().version()).isEqualTo("W/\"2\"");

        store.delete(users(), ResourceDelete.of(id));
        assertThat(store.get(users(), id)).isEmpty();
    }

    @Test
    void userNameLookupAmong100kUsersUsesTheIndex() {
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        for (int i = 0; i < 100_000; i++) {
            store.create(users(), ResourceCreate.of(user("user" + i + "@example.com")));
        }
        StorePage page = store.search(users(), query("userName eq \"USER76543@example.com\"", new Paging.Index(1, 10)));
        assertThat(page.totalResults()).isEqualTo(1);
        assertThat(page.resources()).singleElement()
                .satisfies(found -> assertThat(found.get("userName")).contains(StringValue.of("user76543@example.com")));
    }

    @Test
    void excludedMembersAreNotReturned() {
        InMemoryGroupStore store = InMemoryGroupStore.builder(REGISTRY).build();
        String id = store.create(groups(), ResourceCreate.of(group("admins", "u1", "u2"))).id().orElseThrow();
        StoreContext withoutMembers = groups().withProjection(Projection.of(REGISTRY, GROUP, null, "members"));
        assertThat(store.get(withoutMembers, id).orElseThrow().get("members")).isEmpty();
        assertThat(store.get(groups(), id).orElseThrow().get("members")).isPresent();
    }

    @Test
    void foreignCursorIsInvalid() {
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        for (int i = 0; i < 5; i++) {
            store.create(users(), ResourceCreate.of(user("u" + i)));
        }
        StorePage first = store.search(users(), query(null, new Paging.Cursor(null, 2)));
        assertThat(first.nextCursor()).isNotNull().matches("[A-Za-z0-9._~-]+");
        assertThatThrownBy(() -> store.search(context("other", StoreFixtures.USER),
                query(null, new Paging.Cursor(first.nextCursor(), 2))))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_CURSOR));
    }

    @Test
    void expiredCursorIsRejectedAfterTheTimeout() {
        StoreFixtures.SettableClock clock = new StoreFixtures.SettableClock();
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).clock(clock).cursorTimeout(Duration.ofMinutes(5))
                .build();
        for (int i = 0; i < 5; i++) {
            store.create(users(), ResourceCreate.of(user("u" + i)));
        }
        String cursor = store.search(users(), query(null, new Paging.Cursor(null, 2))).nextCursor();
        clock.advance(Duration.ofMinutes(4));
        assertThat(store.search(users(), query(null, new Paging.Cursor(cursor, 2))).resources()).hasSize(2);
        clock.advance(Duration.ofMinutes(2));
        assertScimType(() -> store.search(users(), query(null, new Paging.Cursor(cursor, 2))),
                ScimErrorType.EXPIRED_CURSOR);
    }

    @Test
    void cursorOfAnotherStoreInstanceOrCountIsRejected() {
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        InMemoryUserStore twin = InMemoryUserStore.builder(REGISTRY).build();
        for (int i = 0; i < 5; i++) {
            store.create(users(), ResourceCreate.of(user("u" + i)));
            twin.create(users(), ResourceCreate.of(user("u" + i)));
        }
        String cursor = store.search(users(), query(null, new Paging.Cursor(null, 2))).nextCursor();
        // Each instance signs with its own random key (no global state).
        assertScimType(() -> twin.search(users(), query(null, new Paging.Cursor(cursor, 2))),
                ScimErrorType.INVALID_CURSOR);
        // C-PAG-09: count must stay what the first request asked for.
        assertScimType(() -> store.search(users(), query(null, new Paging.Cursor(cursor, 3))),
                ScimErrorType.INVALID_COUNT);
        // Sort and filter are part of the signed query.
        assertScimType(() -> store.search(users(), query("userName pr", new Paging.Cursor(cursor, 2))),
                ScimErrorType.INVALID_CURSOR);
    }

    @ParameterizedTest(name = "filter {0}")
    @ValueSource(strings = {"", "userName pr"})
    void previousCursorWalksBack(String filter) {
        // Unfiltered queries page straight from the sequence map; filtered ones from the matches.
        String text = filter.isEmpty() ? null : filter;
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        for (int i = 0; i < 7; i++) {
            store.create(users(), ResourceCreate.of(user("u" + i)));
        }
        StorePage first = store.search(users(), query(text, new Paging.Cursor(null, 3)));
        StorePage second = store.search(users(), query(text, new Paging.Cursor(first.nextCursor(), 3)));
        StorePage third = store.search(users(), query(text, new Paging.Cursor(second.nextCursor(), 3)));
        assertThat(userNames(third)).containsExactly("u6");
        assertThat(third.nextCursor()).isNull();
        assertThat(third.totalResults()).isEqualTo(7);
        StorePage back = store.search(users(), query(text, new Paging.Cursor(third.previousCursor(), 3)));
        assertThat(userNames(back)).containsExactly("u3", "u4", "u5");
        StorePage front = store.search(users(), query(text, new Paging.Cursor(back.previousCursor(), 3)));
        assertThat(userNames(front)).containsExactly("u0", "u1", "u2");
        assertThat(front.previousCursor()).isNull();
        store.delete(users(), ResourceDelete.of(first.resources().get(0).id().orElseThrow()));
        StorePage shifted = store.search(users(), query(text, new Paging.Cursor(back.previousCursor(), 3)));
        assertThat(userNames(shifted)).as("fewer than count before: the first page").containsExactly("u1", "u2", "u3");
    }

    @Test
    void keysetCursorNeitherSkipsNorRepeatsWhenEarlierResourcesChange() {
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(store.create(users(), ResourceCreate.of(user("u" + i))).id().orElseThrow());
        }
        StorePage first = store.search(users(), query(null, new Paging.Cursor(null, 3)));
        store.delete(users(), ResourceDelete.of(ids.get(0)));
        store.delete(users(), ResourceDelete.of(ids.get(1)));
        store.create(users(), ResourceCreate.of(user("u6")));
        StorePage second = store.search(users(), query(null, new Paging.Cursor(first.nextCursor(), 3)));
        assertThat(userNames(first)).containsExactly("u0", "u1", "u2");
        assertThat(userNames(second)).containsExactly("u3", "u4", "u5");
        assertThat(second.totalResults()).isEqualTo(5);
    }

    @Test
    void sortedCursorKeepsItsPositionBySortKey() {
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        for (String name : List.of("delta", "Alpha", "charlie", "bravo", "echo")) {
            store.create(users(), ResourceCreate.of(user(name)));
        }
        Sort sort = new Sort(REGISTRY.resolve(StoreFixtures.USER, AttributePath.of("userName")).orElseThrow(),
                SortOrder.ASCENDING);
        StorePage first = store.search(users(), new StoreQuery(null, sort, new Paging.Cursor(null, 2)));
        assertThat(userNames(first)).containsExactly("Alpha", "bravo");
        store.create(users(), ResourceCreate.of(user("Aardvark")));
        StorePage second = store.search(users(), new StoreQuery(null, sort, new Paging.Cursor(first.nextCursor(), 2)));
        assertThat(userNames(second)).containsExactly("charlie", "delta");
    }

    @Test
    void sortsDateTimesChronologically() {
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        store.create(users().forType(StoreFixtures.USER, Projection.none(REGISTRY, StoreFixtures.USER)), ResourceCreate.of(user("late")));
        StoreContext earlier = new StoreContext("default", "test", StoreFixtures.USER, Projection.none(REGISTRY, StoreFixtures.USER),
                StoreFixtures.T0.minusSeconds(3600));
        store.create(earlier, ResourceCreate.of(user("early")));
        Sort byCreated = new Sort(REGISTRY.resolve(StoreFixtures.USER, AttributePath.parse("meta.created"))
                .orElseThrow(), SortOrder.ASCENDING);
        assertThat(userNames(store.search(users(), new StoreQuery(null, byCreated, new Paging.Index(1, 10)))))
                .containsExactly("early", "late");
    }

    @ParameterizedTest(name = "{0} and {1} collide")
    @CsvSource({
        "bjensen, BJENSEN",
        "İnci, inci",
        "ΟΔΟΣ, οδοσ",
        "ﬁx, FIX",
        "Straße, straße",
        "Ｂjensen, bjensen"
    })
    void userNameUniquenessFoldsCaseAndCompatibilityForms(String first, String second) {
        // K-45: a locale-independent fold plus NFKC (see IndexKey).
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        store.create(users(), ResourceCreate.of(user(first)));
        assertScimType(() -> store.create(users(), ResourceCreate.of(user(second))), ScimErrorType.UNIQUENESS);
    }

    @Test
    void indexKeysAreNeverFinerThanTheEvaluatorsCaseInsensitiveEquality() {
        // Property, seeded: equalsIgnoreCase(a, b) implies fold(a) == fold(b), so an index lookup
        // never misses a match of the evaluator, whatever the alphabet.
        java.util.Random random = new java.util.Random(4242);
        String alphabet = "aAiIİıßsSſkKKσςΣµμΜﬁfFǅǆǄ";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            int length = 1 + random.nextInt(4);
            for (int i = 0; i < length; i++) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                a.append(c);
                char d = random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c);
                b.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : d);
            }
            if (a.toString().equalsIgnoreCase(b.toString())) {
                assertThat(IndexKey.fold(a.toString())).as("%s ~ %s", a, b).isEqualTo(IndexKey.fold(b.toString()));
            }
        }
    }

    @Test
    void indexCandidatesAreCheckedWithTheEvaluator() {
        // "ﬁx" and "fix" share an index key (NFKC) but the filter's eq does not call them equal.
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        store.create(users(), ResourceCreate.of(user("ﬁx")));
        assertThat(store.search(users(), query("userName eq \"fix\"", new Paging.Index(1, 10))).totalResults())
                .isZero();
        assertThat(store.search(users(), query("userName eq \"ﬁX\"", new Paging.Index(1, 10))).totalResults())
                .isEqualTo(1);
    }

    @Test
    void idLookupAndMemberFilter() {
        InMemoryStores stores = InMemoryStores.create(REGISTRY);
        String u1 = stores.users().create(users(), ResourceCreate.of(user("u1"))).id().orElseThrow();
        String g = stores.groups().create(groups(), ResourceCreate.of(group("team", u1))).id().orElseThrow();
        stores.groups().create(groups(), ResourceCreate.of(group("other")));
        assertThat(stores.users().search(users(), query("id eq \"" + u1 + "\"", new Paging.Index(1, 10)))
                .resources()).hasSize(1);
        StorePage byMember = stores.groups().search(groups(), query("members[value eq \"" + u1 + "\"]",
                new Paging.Index(1, 10)));
        assertThat(byMember.resources()).singleElement().satisfies(found -> assertThat(found.id()).contains(g));
    }

    @Test
    void versionsCompareWeakly() {
        // RFC 7232 §2.3.2 weak comparison: an If-Match of "1" names W/"1".
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        String id = store.create(users(), ResourceCreate.of(user("bjensen"))).id().orElseThrow();
        ScimResource updated = store.update(users(), new ResourceUpdate(id, "\"1\"", user("b2"), MemberChanges.NONE));
        assertThat(updated.meta().orElseThrow().version()).isEqualTo("W/\"2\"");
        assertThatThrownBy(() -> store.update(users(), new ResourceUpdate(id, "W/\"1\"", user("b3"), MemberChanges.NONE)))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(412));
    }

    @Test
    void updateBodyWithMembersReplacesThemAndWithoutKeepsThem() {
        InMemoryGroupStore store = InMemoryGroupStore.builder(REGISTRY).build();
        String id = store.create(groups(), ResourceCreate.of(group("team", "a", "b"))).id().orElseThrow();
        ScimResource renamed = store.update(groups(), new ResourceUpdate(id, null,
                group("team").without("members"), MemberChanges.NONE));
        assertThat(memberIds(renamed)).containsExactly("a", "b");
        ScimResource replaced = store.update(groups(), new ResourceUpdate(id, null, group("team", "c"),
                new MemberChanges(false, List.of(member("d")), java.util.Set.of())));
        assertThat(memberIds(replaced)).containsExactly("c", "d");
    }

    @Test
    void invalidMemberChangesChangeNothing() {
        InMemoryGroupStore store = InMemoryGroupStore.builder(REGISTRY).build();
        ScimResource created = store.create(groups(), ResourceCreate.of(group("team", "a")));
        String id = created.id().orElseThrow();
        assertThatThrownBy(() -> store.update(groups(), new ResourceUpdate(id, null, group("renamed"),
                new MemberChanges(false, List.of(member("b"), member("")), java.util.Set.of("a")))))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(400));
        ScimResource after = store.get(groups(), id).orElseThrow();
        assertThat(after).isEqualTo(created);
    }

    @Test
    void unknownFilterAttributeIsAnInvalidFilter() {
        InMemoryUserStore store = InMemoryUserStore.builder(REGISTRY).build();
        assertScimType(() -> store.search(users(), query("nosuch eq \"x\"", new Paging.Index(1, 10))),
                ScimErrorType.INVALID_FILTER);
    }

    private static io.scimkit.core.value.ComplexValue member(String id) {
        return io.scimkit.core.value.ComplexValue.builder().put("value", id).build();
    }

    private static List<String> memberIds(ScimResource group) {
        List<String> ids = new java.util.ArrayList<>();
        group.get("members").ifPresent(members -> ((io.scimkit.core.value.MultiValue) members).values().forEach(
                element -> ids.add(((StringValue) ((io.scimkit.core.value.ComplexValue) element).getOrNull("value")).value())));
        return ids;
    }

    private static List<String> userNames(StorePage page) {
        return page.resources().stream().map(r -> ((StringValue) r.get("userName").orElseThrow()).value()).toList();
    }

    private static void assertScimType(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ScimErrorType type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.scimType()).contains(type));
    }
}
