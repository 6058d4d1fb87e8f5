package io.scimkit.testkit.store;

import static io.scimkit.testkit.store.ContractFixtures.filter;
import static io.scimkit.testkit.store.ContractFixtures.id;
import static io.scimkit.testkit.store.ContractFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortOrder;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.testkit.store.ContractClient.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second part of the {@link StoreContract}: queries (RFC 7644 §3.4.2) and cursors (RFC 9865).
 * They go through a {@code ScimService} over the stores, because the core hands a store only the
 * filters, sorts and cursor pages its {@code capabilities()} accept and does the rest itself; a
 * store that declares sorting or cursors also has its own {@code search} checked directly.
 * Extend {@link StoreContract}, not this class.
 */
public abstract class QueryContract extends LifecycleContract {
    private static final String SERVICE_PAGES = "With an index page the core passes the page to search() as it is: "
            + "Paging.Index(startIndex, count) wants the matches from offset startIndex - 1 on (Paging.Index.offset()), "
            + "at most count of them, in the same stable order on every call (e.g. by creation), with totalResults "
            + "counting every match; StorePage.slice(allMatches, page) does exactly this for a list.";

    QueryContract() {
    }

    /** Three users Entra ID tells apart by userName, externalId or work e-mail, created through the service. */
    void createEntraUsers() {
        scim().createUser("noise1@example.com", "\"externalId\":\"ext-noise\"");
        scim().createUser("bjensen@example.com", "\"externalId\":\"00aa-ext\"",
                "\"emails\":[{\"value\":\"home@example.com\",\"type\":\"home\"},"
                        + "{\"value\":\"Babs.Jensen@Example.com\",\"type\":\"work\",\"primary\":true}]");
        scim().createUser("noise2@example.com",
                "\"emails\":[{\"value\":\"babs.jensen@example.com\",\"type\":\"home\"}]");
    }

    /** Who evaluated a user filter behind the service, and so what the store must do: for failure messages. */
    String whoFilters(String filterText) {
        StoreCapabilities capabilities = users.capabilities();
        if (capabilities.evaluates(filter(filterText))) {
            return "The User store's capabilities() accept this filter, so the core passed it to search() and "
                    + "returned its answer unchanged: search() must return exactly the matching users, comparing as "
                    + "each attribute's caseExact says (IndexKey.fold for userName and emails.value, exact for "
                    + "externalId), and count them in totalResults.";
        }
        return "The User store's capabilities() do not accept this filter, so the core read the users with "
                + "search() (no filter, or only the parts of an 'and' the capabilities accept) and filtered them "
                + "itself: search() must list every user of the tenant with every attribute, and answer any part it "
                + "accepts exactly.";
    }

    String whoSorts() {
        return users.capabilities().sorts()
                ? "The User store declares sorting (capabilities().sorts()), so the core passed the sort to search(): "
                        + "order strings that are not caseExact without regard to case, a multi-valued attribute by its "
                        + "primary value (else its first), and users without a value last when ascending, first when "
                        + "descending (RFC 7644 §3.4.2.3)."
                : "The User store does not sort, so the core sorted what search() listed: every user must come back "
                        + "from search(no filter) with every attribute.";
    }

    String whoPagesByCursor() {
        return users.capabilities().cursors()
                ? "The User store pages by cursor itself (capabilities().cursors()): each page's nextCursor leads to "
                        + "the next page of the same query, the last page has none, and totalResults counts every match."
                : "The core pages by cursor over index pages: search(Paging.Index(n, count)) must return the matches "
                        + "from offset n - 1 on, in the same stable order on every call, with totalResults counting them all.";
    }

    @ParameterizedTest(name = "GET /Users?filter={0}")
    @DisplayName("Entra's lookups find exactly the one user, without regard to the case of userName and emails")
    @ValueSource(strings = {
        "userName eq \"bjensen@example.com\"",
        "userName eq \"BJENSEN@Example.Com\"",
        "externalId eq \"00aa-ext\"",
        "emails[type eq \"work\"].value eq \"BABS.JENSEN@EXAMPLE.COM\"",
        "emails[type eq \"work\" and value eq \"babs.jensen@example.com\"]",
        "userName eq \"bjensen@example.com\" and active pr or userName eq \"bjensen@example.com\"",
        "externalId eq \"00aa-ext\" and userName sw \"bj\""
    })
    void entraLookupsFindExactlyTheUser(String filter) {
        createEntraUsers();
        Reply reply = scim().get("/Users", "filter", filter);
        String rule = "The filter " + filter + " matches exactly one of three users, 'bjensen@example.com'. "
                + whoFilters(filter);
        assertThat(reply.status()).as(reply.explain(rule)).isEqualTo(200);
        assertThat(reply.values("userName")).as(reply.explain(rule)).containsExactly("bjensen@example.com");
        assertThat(reply.totalResults()).as(reply.explain(rule)).isEqualTo(1);
    }

    @ParameterizedTest(name = "GET /Users?filter={0}")
    @DisplayName("a lookup that matches nothing finds nothing (externalId is case-exact)")
    @ValueSource(strings = {
        "userName eq \"nobody@example.com\"",
        "externalId eq \"00AA-EXT\"",
        "emails[type eq \"home\" and value eq \"Babs.Jensen@Example.com\" and primary eq true]",
        "userName eq \"bjensen@example.com\" and externalId eq \"other\""
    })
    void lookupsThatMatchNothingFindNothing(String filter) {
        createEntraUsers();
        Reply reply = scim().get("/Users", "filter", filter);
        String rule = "The filter " + filter + " matches none of the users (externalId is caseExact, RFC 7643 §3.1; "
                + "the others fail on a condition), and the answer is 200 with an empty list. " + whoFilters(filter);
        assertThat(reply.status()).as(reply.explain(rule)).isEqualTo(200);
        assertThat(reply.values("userName")).as(reply.explain(rule)).isEmpty();
        assertThat(reply.totalResults()).as(reply.explain(rule)).isZero();
    }

    static Stream<Arguments> otherFilters() {
        return Stream.of(
                Arguments.of("name.familyName sw \"j\" and not (active eq false)", "alice"),
                Arguments.of("active pr", "alice, bob"),
                Arguments.of("active eq false", "bob"),
                Arguments.of("name.familyName co \"ON\"", "bob"),
                Arguments.of("title eq \"Engineer\" or name.familyName eq \"smith\"", "alice, carol"),
                Arguments.of("emails pr", "alice"),
                Arguments.of("userName gt \"b\"", "bob, carol"),
                Arguments.of("not (userName eq \"ALICE\")", "bob, carol"));
    }

    @ParameterizedTest(name = "GET /Users?filter={0} finds {1}")
    @DisplayName("every other filter finds exactly its matches")
    @MethodSource("io.scimkit.testkit.store.QueryContract#otherFilters")
    void otherFiltersFindExactlyTheirMatches(String filter, String expected) {
        scim().createUser("alice", "\"name\":{\"familyName\":\"Jensen\"}", "\"active\":true", "\"title\":\"Engineer\"",
                "\"emails\":[{\"value\":\"alice@example.org\"}]");
        scim().createUser("bob", "\"name\":{\"familyName\":\"Jones\"}", "\"active\":false");
        scim().createUser("carol", "\"name\":{\"familyName\":\"Smith\"}");
        Reply reply = scim().get("/Users", "filter", filter);
        String rule = "The filter " + filter + " matches " + expected + " of alice, bob and carol (RFC 7644 §3.4.2.2). "
                + whoFilters(filter);
        assertThat(reply.status()).as(reply.explain(rule)).isEqualTo(200);
        assertThat(reply.values("userName")).as(reply.explain(rule))
                .containsExactlyInAnyOrder(expected.split(", "));
        assertThat(reply.totalResults()).as(reply.explain(rule)).isEqualTo(expected.split(", ").length);
    }

    @Test
    @DisplayName("Entra's group lookup by displayName ignores case")
    void groupDisplayNameLookupIgnoresCase() {
        scim().createGroup("Sales");
        scim().createGroup("Sales EMEA");
        Reply reply = scim().get("/Groups", "filter", "displayName eq \"SALES\"", "excludedAttributes", "members");
        boolean declared = groups.capabilities().evaluates(filter("displayName eq \"SALES\""));
        String rule = "displayName eq \"SALES\" finds the group 'Sales' and not 'Sales EMEA' (a group's displayName "
                + "is caseExact=false). " + (declared
                        ? "The Group store's capabilities() accept this filter, so search() must answer it exactly "
                                + "(compare IndexKey.fold(displayName))."
                        : "The core filtered what the Group store's search(no filter) listed: it must list every "
                                + "group of the tenant with its displayName.");
        assertThat(reply.status()).as(reply.explain(rule)).isEqualTo(200);
        assertThat(reply.values("displayName")).as(reply.explain(rule)).containsExactly("Sales");
    }

    @Test
    @DisplayName("index pages count every match, start at 1 and list users in a stable order")
    void indexPagingThroughTheService() {
        for (int i = 0; i < 7; i++) {
            scim().createUser("user" + i);
        }
        Reply whole = scim().get("/Users");
        List<String> all = whole.values("userName");
        assertThat(all).as(whole.explain("GET /Users lists every user of the tenant once. " + SERVICE_PAGES))
                .containsExactlyInAnyOrder("user0", "user1", "user2", "user3", "user4", "user5", "user6");
        Reply again = scim().get("/Users");
        assertThat(again.values("userName")).as(again.explain("two listings give the users in the same order, so that "
                + "index pages neither skip nor repeat a user. " + SERVICE_PAGES)).containsExactlyElementsOf(all);
        assertPage(1, 3, all.subList(0, 3), all.size());
        assertPage(4, 3, all.subList(3, 6), all.size());
        assertPage(7, 3, all.subList(6, 7), all.size());
        assertPage(8, 3, List.of(), all.size());
        assertPage(1, 0, List.of(), all.size());
        Reply zero = scim().get("/Users", "startIndex", "0", "count", "2");
        assertThat(zero.values("userName")).as(zero.explain("startIndex below 1 reads as 1 (RFC 7644 §3.4.2.4). "
                + SERVICE_PAGES)).containsExactlyElementsOf(all.subList(0, 2));
    }

    private void assertPage(int startIndex, int count, List<String> expected, int total) {
        Reply page = scim().get("/Users", "startIndex", String.valueOf(startIndex), "count", String.valueOf(count));
        String rule = "startIndex=" + startIndex + "&count=" + count + " of " + total + " users lists " + expected
                + " (positions in the full listing) with totalResults " + total + ". " + SERVICE_PAGES;
        assertThat(page.status()).as(page.explain(rule)).isEqualTo(200);
        assertThat(page.values("userName")).as(page.explain(rule)).containsExactlyElementsOf(expected);
        assertThat(page.totalResults()).as(page.explain(rule)).isEqualTo(total);
    }

    @Test
    @DisplayName("sortBy orders users without regard to case, those without a value last ascending and first descending")
    void sortingThroughTheService() {
        scim().createUser("u1", "\"name\":{\"familyName\":\"beta\"}");
        scim().createUser("u2");
        scim().createUser("u3", "\"name\":{\"familyName\":\"Alpha\"}");
        scim().createUser("u4", "\"name\":{\"familyName\":\"gamma\"}");
        Reply ascending = scim().get("/Users", "sortBy", "name.familyName");
        assertThat(ascending.values("userName")).as(ascending.explain("sortBy=name.familyName orders Alpha, beta, "
                + "gamma, then the user without a familyName. " + whoSorts())).containsExactly("u3", "u1", "u4", "u2");
        Reply descending = scim().get("/Users", "sortBy", "name.familyName", "sortOrder", "descending");
        assertThat(descending.values("userName")).as(descending.explain("sortOrder=descending puts the user without a "
                + "familyName first, then gamma, beta, Alpha. " + whoSorts())).containsExactly("u2", "u4", "u1", "u3");
    }

    @Test
    @DisplayName("sorted pages of a seeded population are a naive stable sort's, also after updates and deletes")
    void sortedPagesAreThoseOfANaiveStableSort() {
        Random random = new Random(12);
        String letters = "aAbBzZ_09";
        List<SeededUser> population = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            StringBuilder name = new StringBuilder();
            for (int k = 0; k < 3; k++) {
                name.append(letters.charAt(random.nextInt(letters.length())));
            }
            String userName = name.append(i).toString();
            // externalId: ties and users without one. One case only: a store may leave the order of a caseExact
            // attribute to its database's collation, which need not be by code point.
            String externalId = i % 7 == 3 ? null : "ext-" + random.nextInt(12);
            String id = externalId == null ? scim().createUser(userName)
                    : scim().createUser(userName, "\"externalId\":\"" + externalId + "\"");
            population.add(new SeededUser(id, userName, externalId));
        }
        for (int i = 0; i < population.size(); i += 9) {
            SeededUser renamed = population.get(i).renamed("rE" + i + "_" + population.get(i).userName());
            Reply patched = scim().patch("/Users/" + renamed.id(), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                    + "PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\""
                    + renamed.userName() + "\"}]}");
            assertThat(patched.status()).as(patched.explain("a PATCH of userName succeeds")).isIn(200, 204);
            population.set(i, renamed);
        }
        for (int i = 4; i < population.size(); i += 11) {
            assertThat(scim().delete("/Users/" + population.get(i).id()).status()).isEqualTo(204);
        }
        List<SeededUser> remaining = new ArrayList<>(population);
        for (int i = 4; i < population.size(); i += 11) {
            remaining.remove(population.get(i));
        }
        Comparator<String> caseInsensitive = String.CASE_INSENSITIVE_ORDER;
        Comparator<String> exact = Comparator.naturalOrder();
        java.util.Map<String, String> externalIds = new java.util.HashMap<>();
        remaining.forEach(user -> externalIds.put(user.userName(), String.valueOf(user.externalId())));
        for (SortOrder order : SortOrder.values()) {
            assertSortedPages("userName", order, sortedNames(remaining, SeededUser::userName, caseInsensitive, order),
                    name -> name);
            // Ties may come in any order the store keeps stable (e.g. by id): compare the keys.
            assertSortedPages("externalId", order, sortedNames(remaining, SeededUser::externalId, exact, order),
                    externalIds::get);
        }
    }

    /** A user of the seeded population, in creation order. */
    private record SeededUser(String id, String userName, @Nullable String externalId) {
        SeededUser renamed(String newName) {
            return new SeededUser(id, newName, externalId);
        }
    }

    /**
     * The userNames in the order of RFC 7644 §3.4.2.3 computed the naive way: a stable sort of the
     * users in creation order by the key, those without one last ascending and first descending.
     */
    private static List<String> sortedNames(List<SeededUser> users, java.util.function.Function<SeededUser, String> key,
            Comparator<String> keys, SortOrder order) {
        Comparator<String> byKey = order == SortOrder.ASCENDING ? Comparator.nullsLast(keys)
                : Comparator.nullsFirst(keys.reversed());
        List<SeededUser> sorted = new ArrayList<>(users);
        sorted.sort((a, b) -> byKey.compare(key.apply(a), key.apply(b)));
        return sorted.stream().map(SeededUser::userName).toList();
    }

    private void assertSortedPages(String sortBy, SortOrder order, List<String> expected,
            java.util.function.UnaryOperator<String> keyOfName) {
        String rule = "sortBy=" + sortBy + "&sortOrder=" + order.token() + " lists the users as a stable sort of them "
                + "in creation order would (ties in a stable order, users without a value last ascending and first "
                + "descending, userName without regard to case), whatever the page. " + whoSorts();
        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= expected.size(); start += 13) {
            Reply page = scim().get("/Users", "sortBy", sortBy, "sortOrder", order.token(), "startIndex",
                    String.valueOf(start), "count", "13");
            assertThat(page.totalResults()).as(page.explain(rule)).isEqualTo(expected.size());
            seen.addAll(page.values("userName"));
        }
        List<String> walked = walk(13, "sortBy", sortBy, "sortOrder", order.token());
        List<String> expectedKeys = expected.stream().map(keyOfName).toList();
        assertThat(seen).as(rule).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(seen.stream().map(keyOfName).toList()).as(rule).containsExactlyElementsOf(expectedKeys);
        assertThat(walked).as("with cursors: " + rule + " " + whoPagesByCursor())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(walked.stream().map(keyOfName).toList()).as("with cursors: " + rule + " " + whoPagesByCursor())
                .containsExactlyElementsOf(expectedKeys);
    }

    @Test
    @DisplayName("sortBy a multi-valued attribute orders by the primary value, else the first")
    void sortingByAMultiValuedAttributeUsesThePrimaryValue() {
        scim().createUser("u1", "\"emails\":[{\"value\":\"a@x.com\"},{\"value\":\"z@x.com\",\"primary\":true}]");
        scim().createUser("u2", "\"emails\":[{\"value\":\"m@x.com\"},{\"value\":\"b@x.com\"}]");
        Reply reply = scim().get("/Users", "sortBy", "emails.value");
        assertThat(reply.values("userName")).as(reply.explain("sortBy=emails.value compares u1's primary 'z@x.com' "
                + "with u2's first 'm@x.com' (RFC 7644 §3.4.2.3). " + whoSorts())).containsExactly("u2", "u1");
    }

    @Test
    @DisplayName("cursor paging visits every match once, filtered and sorted too (RFC 9865)")
    void cursorPagingThroughTheService() {
        for (int i = 0; i < 23; i++) {
            scim().createUser(String.format("user%02d", i), i % 3 == 0 ? "\"active\":true" : "\"active\":false");
        }
        assertThat(walk(5)).as("following nextCursor from cursor= (the first page) with count=5 visits all 23 "
                + "users once. " + whoPagesByCursor()).hasSize(23).doesNotHaveDuplicates();
        assertThat(walk(2, "filter", "active eq true")).as("following nextCursor with filter=active eq true visits "
                + "the 8 active users once. " + whoPagesByCursor()).hasSize(8).doesNotHaveDuplicates();
        assertThat(walk(4, "sortBy", "userName", "sortOrder", "descending")).as("following nextCursor with "
                + "sortBy=userName&sortOrder=descending visits all 23 users once, in descending order. "
                + whoPagesByCursor() + " " + whoSorts()).hasSize(23).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> b.compareToIgnoreCase(a));
    }

    /** Follows nextCursor from the first page to the last; the userNames in the order returned. */
    List<String> walk(int count, String... parameters) {
        List<String> seen = new ArrayList<>();
        String cursor = "";
        for (int pages = 0; pages < 200; pages++) {
            List<String> query = new ArrayList<>(Arrays.asList(parameters));
            query.addAll(List.of("cursor", cursor, "count", String.valueOf(count)));
            Reply page = scim().get("/Users", query.toArray(String[]::new));
            String rule = "every cursor page answers 200 with at most count=" + count + " users. " + whoPagesByCursor();
            assertThat(page.status()).as(page.explain(rule)).isEqualTo(200);
            assertThat(page.resources()).as(page.explain(rule)).hasSizeLessThanOrEqualTo(count);
            seen.addAll(page.values("userName"));
            cursor = page.nextCursor();
            if (cursor == null) {
                return seen;
            }
        }
        throw new AssertionError("cursor paging did not end after 200 pages: the last page must have no nextCursor. "
                + whoPagesByCursor());
    }

    @Test
    @DisplayName("a tampered cursor, or one of another query, is 400 invalidCursor")
    void invalidCursorsAreRefused() {
        for (int i = 0; i < 5; i++) {
            scim().createUser("user" + i);
        }
        String cursor = firstNextCursor();
        // The first character always carries payload bits (a last one may not).
        String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
        assertInvalidCursor(scim(), "a cursor with its first character changed", "cursor", tampered, "count", "2");
        assertInvalidCursor(scim(), "a cursor the service never issued", "cursor", "not-a-cursor", "count", "2");
        assertInvalidCursor(scim(), "a cursor of the query without a filter, sent with filter=userName pr",
                "filter", "userName pr", "cursor", cursor, "count", "2");
    }

    @Test
    @DisplayName("a cursor is valid in its own tenant only")
    void cursorsAreBoundToTheirTenant() {
        requireMultiTenant("that cursors are bound to their tenant");
        for (int i = 0; i < 5; i++) {
            scim().createUser("user" + i);
        }
        assertInvalidCursor(scim().inTenant(otherTenant()), "a cursor of another tenant", "cursor", firstNextCursor(),
                "count", "2");
    }

    private String firstNextCursor() {
        Reply first = scim().get("/Users", "cursor", "", "count", "2");
        String cursor = first.nextCursor();
        assertThat(cursor).as(first.explain("the first cursor page of 5 users with count=2 has a nextCursor. "
                + whoPagesByCursor())).isNotNull();
        return cursor;
    }

    private void assertInvalidCursor(ContractClient client, String what, String... parameters) {
        Reply reply = client.get("/Users", parameters);
        String rule = what + " is refused with 400 invalidCursor (RFC 9865 §2.1). "
                + (users.capabilities().cursors()
                        ? "The User store pages by cursor itself, so its search() must refuse it with "
                                + "ScimException.invalidCursor (CursorSeal binds a cursor to its query and tenant)."
                        : "The core issues the cursors here, so this should not fail because of the store.");
        assertThat(reply.status()).as(reply.explain(rule)).isEqualTo(400);
        assertThat(reply.json().path("scimType").asText()).as(reply.explain(rule)).isEqualTo("invalidCursor");
    }

    @Test
    @DisplayName("a store that declares sorting sorts its own search results")
    void aStoreThatSortsSortsItsOwnSearch() {
        Assumptions.assumeTrue(users.capabilities().sorts(),
                "the User store does not declare sorting: the core sorts, which the tests through the service check");
        createUser("u1", "\"name\":{\"familyName\":\"beta\"}");
        createUser("u2");
        createUser("u3", "\"name\":{\"familyName\":\"Alpha\"}");
        createUser("u4", "\"name\":{\"familyName\":\"gamma\"}");
        createUser("u5", "\"emails\":[{\"value\":\"a@x.com\"},{\"value\":\"z@x.com\",\"primary\":true}]");
        createUser("u6", "\"emails\":[{\"value\":\"m@x.com\"},{\"value\":\"b@x.com\"}]");
        String rule = "capabilities().sorts() is true, so search(Sort) orders the results itself: strings that are not "
                + "caseExact without regard to case, users without a value last ascending and first descending, a "
                + "multi-valued attribute by its primary value, else its first (RFC 7644 §3.4.2.3). ";
        assertThat(sortedNames("name.familyName", SortOrder.ASCENDING)).as(rule + "search(sort name.familyName "
                + "ascending)").startsWith("u3", "u1", "u4");
        assertThat(sortedNames("name.familyName", SortOrder.DESCENDING)).as(rule + "search(sort name.familyName "
                + "descending)").endsWith("u4", "u1", "u3");
        List<String> byEmail = sortedNames("emails.value", SortOrder.ASCENDING);
        assertThat(byEmail.subList(0, 2)).as(rule + "search(sort emails.value ascending)").containsExactly("u6", "u5");
    }

    @Test
    @DisplayName("a store that pages by cursor visits every match once and issues URL-safe cursors")
    void aStoreThatPagesByCursorPagesItsOwnSearch() {
        Assumptions.assumeTrue(users.capabilities().cursors(),
                "the User store does not page by cursor: the core does, which the tests through the service check");
        for (int i = 0; i < 23; i++) {
            createUser(String.format("user%02d", i), i % 3 == 0 ? "\"active\":true" : "\"active\":false");
        }
        String rule = "capabilities().cursors() is true, so search(Paging.Cursor) pages itself (RFC 9865): ";
        assertThat(walkStore(null, null, 5)).as(rule + "following nextCursor with count 5 visits all 23 users once")
                .hasSize(23).doesNotHaveDuplicates();
        Optional<Filter> active = declaredUserFilter("active eq true");
        if (active.isPresent()) {
            assertThat(walkStore(active.get(), null, 2)).as(rule + "with the filter active eq true, which "
                    + "capabilities() accept, following nextCursor visits the 8 active users once").hasSize(8)
                    .doesNotHaveDuplicates();
        }
        if (users.capabilities().sorts()) {
            Sort sort = fixtures.sort(fixtures.userType, "userName", SortOrder.DESCENDING);
            assertThat(walkStore(null, sort, 4)).as(rule + "with a sort by userName descending, the pages follow the "
                    + "sort").hasSize(23).isSortedAccordingTo((a, b) -> b.compareToIgnoreCase(a));
        }
        StorePage first = users.search(userContext(), new StoreQuery(null, null, new Paging.Cursor(null, 20)));
        assertThat(first.previousCursor()).as(rule + "the first page has no previousCursor").isNull();
        assertThat(first.nextCursor()).as(rule + "a cursor holds only unreserved URI characters, so it needs no "
                + "encoding (RFC 9865 §2; CursorSeal does this)").isNotNull().matches("[A-Za-z0-9._~-]+");
        StorePage last = users.search(userContext(), new StoreQuery(null, null, new Paging.Cursor(first.nextCursor(), 20)));
        assertThat(last.resources()).as(rule + "the second page of 23 users by 20 has 3").hasSize(3);
        assertThat(last.nextCursor()).as(rule + "the last page has no nextCursor").isNull();
        assertThat(last.totalResults()).as(rule + "totalResults counts every match on every page").isEqualTo(23);
    }

    @Test
    @DisplayName("a store that pages by cursor refuses tampered and foreign cursors with 400 invalidCursor")
    void aStoreThatPagesByCursorRefusesForeignCursors() {
        Assumptions.assumeTrue(users.capabilities().cursors(),
                "the User store does not page by cursor: the core does, which the tests through the service check");
        for (int i = 0; i < 5; i++) {
            createUser("user" + i);
        }
        String cursor = users.search(userContext(), new StoreQuery(null, null, new Paging.Cursor(null, 2))).nextCursor();
        assertThat(cursor).as("search(Paging.Cursor(null, 2)) of 5 users gives a nextCursor").isNotNull();
        String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
        String rule = "search() refuses a cursor it did not issue for this query and tenant with "
                + "ScimException.invalidCursor (RFC 9865 §2.1; CursorSeal binds a cursor to its query): ";
        assertScimError(rule + "a cursor with its first character changed", 400, ScimErrorType.INVALID_CURSOR,
                () -> users.search(userContext(), new StoreQuery(null, null, new Paging.Cursor(tampered, 2))));
        assertScimError(rule + "'not-a-cursor'", 400, ScimErrorType.INVALID_CURSOR,
                () -> users.search(userContext(), new StoreQuery(null, null, new Paging.Cursor("not-a-cursor", 2))));
        Optional<Filter> other = declaredUserFilter("userName pr");
        if (other.isPresent()) {
            assertScimError(rule + "a cursor of the query without a filter, sent with the filter userName pr", 400,
                    ScimErrorType.INVALID_CURSOR, () -> users.search(userContext(),
                            new StoreQuery(other.get(), null, new Paging.Cursor(cursor, 2))));
        }
        if (multiTenant()) {
            StoreContext otherTenant = fixtures.context(otherTenant(), fixtures.userType, T0);
            assertScimError(rule + "a cursor of another tenant", 400, ScimErrorType.INVALID_CURSOR,
                    () -> users.search(otherTenant, new StoreQuery(null, null, new Paging.Cursor(cursor, 2))));
        }
    }

    /** The filter, if the User store's capabilities accept it: the suite never hands a store a filter it declined. */
    Optional<Filter> declaredUserFilter(String text) {
        Filter parsed = filter(text);
        return users.capabilities().evaluates(parsed) ? Optional.of(parsed) : Optional.empty();
    }

    List<String> sortedNames(String path, SortOrder order) {
        Sort sort = fixtures.sort(fixtures.userType, path, order);
        return names(users.search(userContext(), new StoreQuery(null, sort, new Paging.Index(1, 100))));
    }

    /** Follows the store's own nextCursor from the first page to the last; the userNames in the order returned. */
    List<String> walkStore(@Nullable Filter filter, @Nullable Sort sort, int count) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 200; pages++) {
            StorePage page = users.search(userContext(), new StoreQuery(filter, sort, new Paging.Cursor(cursor, count)));
            assertThat(page.resources()).as("search(Paging.Cursor(cursor, " + count + ")) returns at most " + count
                    + " users").hasSizeLessThanOrEqualTo(count);
            seen.addAll(names(page));
            cursor = page.nextCursor();
            if (cursor == null) {
                return seen;
            }
        }
        throw new AssertionError("the store's cursor paging did not end after 200 pages: the last page has no nextCursor");
    }

    static List<String> names(StorePage page) {
        List<String> names = new ArrayList<>();
        for (ScimResource resource : page.resources()) {
            names.add(text(resource, "userName").orElse("<no userName " + id(resource) + ">"));
        }
        return names;
    }
}
