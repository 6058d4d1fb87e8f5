package io.scimkit.testkit.store;

import io.scimkit.core.store.ResourceCreate;
import static io.scimkit.testkit.store.ContractFixtures.filter;
import static io.scimkit.testkit.store.ContractFixtures.id;
import static io.scimkit.testkit.store.ContractFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortOrder;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second part of the {@link StoreContract}: Entra's lookups, exact filtering, index paging
 * (digest §5.2), sorting (§5.3) and cursors (RFC 9865, digest §13). Extend {@link StoreContract}.
 */
public abstract class QueryContract extends LifecycleContract {

    QueryContract() {
    }

    /** Three users Entra would look up in different ways, plus noise. */
    void createEntraUsers() {
        createUser("noise1@example.com", "\"externalId\":\"ext-noise\"");
        createUser("bjensen@example.com", "\"externalId\":\"00aa-ext\"",
                "\"emails\":[{\"value\":\"home@example.com\",\"type\":\"home\"},"
                        + "{\"value\":\"Babs.Jensen@Example.com\",\"type\":\"work\",\"primary\":true}]");
        createUser("noise2@example.com", "\"emails\":[{\"value\":\"babs.jensen@example.com\",\"type\":\"home\"}]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "userName eq \"bjensen@example.com\"",
        "userName eq \"BJENSEN@Example.Com\"",
        "externalId eq \"00aa-ext\"",
        "emails[type eq \"work\" and value eq \"babs.jensen@example.com\"]",
        "emails[type eq \"work\"].value eq \"BABS.JENSEN@EXAMPLE.COM\"",
        "userName eq \"bjensen@example.com\" and active pr or userName eq \"bjensen@example.com\"",
        "externalId eq \"00aa-ext\" and userName sw \"bj\""
    })
    void entraLookupsFindExactlyTheUser(String text) {
        createEntraUsers();
        Filter lookup = filter(text);
        assertThat(users.capabilities().evaluates(lookup)).as("the store evaluates Entra's lookup itself").isTrue();
        StorePage page = users.search(userContext(), new StoreQuery(lookup, null, new Paging.Index(1, 100)));
        assertThat(page.totalResults()).isEqualTo(1);
        assertThat(page.resources()).singleElement()
                .satisfies(user -> assertThat(text(user, "userName")).contains("bjensen@example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "userName eq \"nobody@example.com\"",
        "externalId eq \"00AA-EXT\"",
        "emails[type eq \"home\" and value eq \"Babs.Jensen@Example.com\" and primary eq true]",
        "userName eq \"bjensen@example.com\" and externalId eq \"other\""
    })
    void lookupsMatchNothingWhenTheFilterDoesNot(String text) {
        // externalId is caseExact (RFC 7643 §3.1); the other filters fail on a second condition.
        createEntraUsers();
        StorePage page = users.search(userContext(), new StoreQuery(filter(text), null, new Paging.Index(1, 100)));
        assertThat(page.totalResults()).isZero();
        assertThat(page.resources()).isEmpty();
    }

    @Test
    void groupDisplayNameLookupIgnoresCase() {
        groups.create(groupContext(), ResourceCreate.of(fixtures.group("Sales")));
        groups.create(groupContext(), ResourceCreate.of(fixtures.group("Sales EMEA")));
        StorePage page = groups.search(groupContext(), new StoreQuery(filter("displayName eq \"SALES\""), null,
                new Paging.Index(1, 10)));
        assertThat(page.resources()).singleElement()
                .satisfies(group -> assertThat(text(group, "displayName")).contains("Sales"));
    }

    @Test
    void filtersThatNeedAScanAreStillExact() {
        createUser("alice", "\"name\":{\"familyName\":\"Jensen\"}", "\"active\":true");
        createUser("bob", "\"name\":{\"familyName\":\"Jones\"}", "\"active\":false");
        createUser("carol", "\"name\":{\"familyName\":\"Smith\"}");
        assertThat(userNames(users, userContext(), filter("name.familyName sw \"j\" and not (active eq false)"))).containsExactly("alice");
        assertThat(userNames(users, userContext(), filter("active pr"))).containsExactly("alice", "bob");
        assertThat(userNames(users, userContext(), null)).containsExactly("alice", "bob", "carol");
    }

    @Test
    void indexPagingArithmetic() {
        // P-PAG-01..10: totalResults counts every match; pages are 1-based; beyond the end is empty.
        for (int i = 0; i < 7; i++) {
            createUser("user" + i);
        }
        List<String> all = userNames(users, userContext(), null);
        assertThat(all).hasSize(7).doesNotHaveDuplicates();
        StorePage first = indexPage(1, 3);
        assertThat(first.totalResults()).isEqualTo(7);
        assertThat(names(first)).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(names(indexPage(4, 3))).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(names(indexPage(7, 3))).containsExactlyElementsOf(all.subList(6, 7));
        StorePage beyond = indexPage(8, 3);
        assertThat(beyond.resources()).isEmpty();
        assertThat(beyond.totalResults()).isEqualTo(7);
        StorePage none = indexPage(1, 0);
        assertThat(none.resources()).isEmpty();
        assertThat(none.totalResults()).isEqualTo(7);
        assertThat(names(indexPage(0, 2))).as("startIndex < 1 reads as 1").containsExactlyElementsOf(all.subList(0, 2));
    }

    @Test
    void sortingAscendingAndDescendingWithMissingValues() {
        assumeThat(users.capabilities().sorts()).as("store sorts").isTrue();
        createUser("u1", "\"name\":{\"familyName\":\"beta\"}");
        createUser("u2");
        createUser("u3", "\"name\":{\"familyName\":\"Alpha\"}");
        createUser("u4", "\"name\":{\"familyName\":\"gamma\"}");
        // P-SRT-05, P-SRT-07: case-insensitive order; no value last ascending, first descending.
        assertThat(sortedNames("name.familyName", SortOrder.ASCENDING)).containsExactly("u3", "u1", "u4", "u2");
        assertThat(sortedNames("name.familyName", SortOrder.DESCENDING)).containsExactly("u2", "u4", "u1", "u3");
    }

    @Test
    void sortingByAMultiValuedAttributeUsesThePrimaryValue() {
        assumeThat(users.capabilities().sorts()).as("store sorts").isTrue();
        // P-SRT-03: the primary value, else the first.
        createUser("u1", "\"emails\":[{\"value\":\"a@x.com\"},{\"value\":\"z@x.com\",\"primary\":true}]");
        createUser("u2", "\"emails\":[{\"value\":\"m@x.com\"},{\"value\":\"b@x.com\"}]");
        assertThat(sortedNames("emails.value", SortOrder.ASCENDING)).containsExactly("u2", "u1");
    }

    @Test
    void cursorPagingVisitsEveryMatchOnce() {
        assumeThat(users.capabilities().cursors()).as("store pages by cursor").isTrue();
        for (int i = 0; i < 23; i++) {
            createUser(String.format("user%02d", i), i % 3 == 0 ? "\"active\":true" : "\"active\":false");
        }
        assertThat(walk(null, null, 5)).hasSize(23).doesNotHaveDuplicates();
        assertThat(walk(filter("active eq true"), null, 2)).hasSize(8).doesNotHaveDuplicates();
        Sort sort = fixtures.sort(fixtures.userType, "userName", SortOrder.DESCENDING);
        List<String> sorted = walk(null, sort, 4);
        assertThat(sorted).hasSize(23).isSortedAccordingTo((a, b) -> b.compareToIgnoreCase(a));
    }

    @Test
    void cursorsAreUrlSafeAndLastPageHasNoNextCursor() {
        assumeThat(users.capabilities().cursors()).as("store pages by cursor").isTrue();
        for (int i = 0; i < 3; i++) {
            createUser("user" + i);
        }
        StorePage first = users.search(userContext(), new StoreQuery(null, null, new Paging.Cursor(null, 2)));
        assertThat(first.resources()).hasSize(2);
        assertThat(first.totalResults()).isEqualTo(3);
        assertThat(first.previousCursor()).as("C-PAG-05: no previousCursor on the first page").isNull();
        assertThat(first.nextCursor()).as("C-PAG-02: unreserved characters").matches("[A-Za-z0-9._~-]+");
        StorePage last = users.search(userContext(), new StoreQuery(null, null, new Paging.Cursor(first.nextCursor(), 2)));
        assertThat(last.resources()).hasSize(1);
        assertThat(last.nextCursor()).as("C-PAG-04: no nextCursor on the last page").isNull();
    }

    @Test
    void tamperedOrForeignCursorsAreInvalid() {
        assumeThat(users.capabilities().cursors()).as("store pages by cursor").isTrue();
        for (int i = 0; i < 5; i++) {
            createUser("user" + i);
        }
        String cursor = users.search(userContext(), new StoreQuery(null, null, new Paging.Cursor(null, 2))).nextCursor();
        assertThat(cursor).isNotNull();
        // Change the first character: it always carries payload bits (a last one may not).
        String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
        StoreContext otherTenant = fixtures.context("other-" + tenant, fixtures.userType, T0);
        List<Runnable> misuses = List.of(
                () -> users.search(userContext(), new StoreQuery(null, null, new Paging.Cursor(tampered, 2))),
                () -> users.search(userContext(), new StoreQuery(null, null, new Paging.Cursor("not-a-cursor", 2))),
                () -> users.search(userContext(), new StoreQuery(filter("userName pr"), null, new Paging.Cursor(cursor, 2))),
                () -> users.search(otherTenant, new StoreQuery(null, null, new Paging.Cursor(cursor, 2))));
        for (Runnable misuse : misuses) {
            assertScimError(misuse::run, 400, ScimErrorType.INVALID_CURSOR);
        }
    }

    StorePage indexPage(int startIndex, int count) {
        return users.search(userContext(), new StoreQuery(null, null, new Paging.Index(startIndex, count)));
    }

    List<String> sortedNames(String path, SortOrder order) {
        Sort sort = fixtures.sort(fixtures.userType, path, order);
        return names(users.search(userContext(), new StoreQuery(null, sort, new Paging.Index(1, 100))));
    }

    /** Follows nextCursor from the first page to the last; the userNames in the order returned. */
    List<String> walk(@Nullable Filter filter, @Nullable Sort sort, int count) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            StorePage page = users.search(userContext(), new StoreQuery(filter, sort, new Paging.Cursor(cursor, count)));
            assertThat(page.resources().size()).isLessThanOrEqualTo(count);
            seen.addAll(names(page));
            cursor = page.nextCursor();
            if (cursor == null) {
                return seen;
            }
        }
        throw new AssertionError("cursor paging did not end after 1000 pages");
    }

    static List<String> userNames(ResourceStore store, StoreContext context, @Nullable Filter filter) {
        return names(store.search(context, new StoreQuery(filter, null, new Paging.Index(1, 1000))));
    }

    static List<String> names(StorePage page) {
        List<String> names = new ArrayList<>();
        for (ScimResource resource : page.resources()) {
            names.add(text(resource, "userName").orElse("<no userName " + id(resource) + ">"));
        }
        return names;
    }
}
