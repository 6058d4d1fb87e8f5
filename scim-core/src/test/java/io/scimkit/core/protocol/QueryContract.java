package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.QueryFixture.OTHER_TENANT;
import static io.scimkit.core.protocol.QueryFixture.TENANT;
import static io.scimkit.core.protocol.QueryFixture.email;
import static io.scimkit.core.protocol.QueryFixture.json;
import static io.scimkit.core.protocol.QueryFixture.searchBody;
import static io.scimkit.core.protocol.QueryFixture.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query endpoints over ScimService (RFC 7644 §3.4.2, §3.4.3; RFC 9865), one test per digest
 * row. Subclasses supply the stores: one that does everything itself, one that makes the core do
 * filtering, sorting and cursor paging; the answers must be the same.
 */
abstract class QueryContract {
    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    QueryFixture fixture;

    /** A new group store; called before {@link #userStore}. */
    abstract GroupStore groupStore(Clock clock);

    /** A new user store, linked to the group store just made if the stores need that. */
    abstract UserStore userStore(Clock clock);

    QueryFixture fixture(ClientDialect dialect, ServiceLimits limits) {
        QueryFixture.StepClock clock = QueryFixture.newClock();
        GroupStore groups = groupStore(clock);
        return new QueryFixture(userStore(clock), groups, dialect, limits, clock);
    }

    @BeforeEach
    void createFixture() {
        fixture = fixture(ClientDialect.lenient(), ServiceLimits.defaults());
    }

    /** Seven users user1..user7, created in this order. */
    List<ScimResource> sevenUsers() {
        List<ScimResource> users = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            users.add(fixture.user("user" + i));
        }
        return users;
    }

    static int status(ScimResponse response) {
        return response.status();
    }

    static String scimType(ScimResponse response) {
        JsonNode type = json(response).get("scimType");
        return type == null ? null : type.asText();
    }

    // ---- 5.1 ListResponse ----

    @Test
    void listResponseSchemas_PLST01() {
        fixture.user("alice");
        ScimResponse response = fixture.get("/Users", "");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).contains("application/scim+json");
        assertThat(json(response).get("schemas").toString()).isEqualTo("[\"" + LIST + "\"]");
    }

    @Test
    void totalResultsCountsEveryMatchNotOnlyThePage_PLST02() {
        sevenUsers();
        JsonNode body = json(fixture.get("/Users", "count=2"));
        assertThat(body.get("totalResults").asInt()).isEqualTo(7);
        assertThat(body.get("Resources")).hasSize(2);
    }

    @Test
    void resourcesPresentWhenThereAreResults_PLST03() {
        fixture.user("alice");
        JsonNode body = json(fixture.get("/Users", ""));
        assertThat(body.get("Resources").isArray()).isTrue();
        assertThat(body.get("Resources").get(0).get("userName").asText()).isEqualTo("alice");
    }

    @Test
    void partialPageHasStartIndexAndItemsPerPage_PLST04() {
        sevenUsers();
        JsonNode body = json(fixture.get("/Users", "startIndex=3&count=2"));
        assertThat(body.get("startIndex").asInt()).isEqualTo(3);
        assertThat(body.get("itemsPerPage").asInt()).isEqualTo(2);
    }

    @Test
    void noMatchIs200WithZeroTotalAndEmptyResources_PLST05_K19() {
        fixture.user("alice");
        ScimResponse response = fixture.get("/Users", "filter=userName+eq+%22nobody%22");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("totalResults").asInt()).isZero();
        assertThat(body.get("itemsPerPage").asInt()).isZero();
        assertThat(body.get("startIndex").asInt()).isEqualTo(1);
        assertThat(body.get("Resources").isArray()).isTrue();
        assertThat(body.get("Resources")).isEmpty();
    }

    @Test
    void rootSearchCoversEveryResourceTypeInTypeOrder_PLST06_PSRCH01() {
        ScimResource alice = fixture.user("alice");
        fixture.group(TENANT, "Admins", alice.id().orElseThrow());
        ScimResponse response = fixture.search("/.search", searchBody(""));
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("totalResults").asInt()).isEqualTo(2);
        assertThat(body.get("Resources").get(0).get("userName").asText()).isEqualTo("alice");
        assertThat(body.get("Resources").get(1).get("displayName").asText()).isEqualTo("Admins");
        assertThat(body.get("Resources").get(1).get("meta").get("location").asText())
                .startsWith("https://example.com/scim/v2/Groups/");
    }

    @Test
    void rootSearchNarrowedByResourceType_PLST06() {
        fixture.user("alice");
        fixture.group(TENANT, "Admins");
        JsonNode body = json(fixture.search("/.search", searchBody("\"filter\":\"meta.resourceType eq \\\"Group\\\"\"")));
        assertThat(body.get("totalResults").asInt()).isEqualTo(1);
        assertThat(body.get("Resources").get(0).get("displayName").asText()).isEqualTo("Admins");
    }

    @Test
    void rootSearchTreatsAttributesATypeLacksAsNoValue_PLST07_K15() {
        ScimResource alice = fixture.user("alice");
        fixture.group(TENANT, "Admins");
        fixture.group(TENANT, "Staff", alice.id().orElseThrow());
        // RFC 7644 §3.4.2.1: an attribute a type does not define has no value for that type.
        assertThat(rootSearch("userName pr")).containsExactly("alice");
        assertThat(rootSearch("userName eq \\\"alice\\\" or members pr")).containsExactly("alice", "Staff");
        assertThat(rootSearch("displayName eq \\\"Admins\\\" or userName eq \\\"alice\\\""))
                .containsExactly("alice", "Admins");
        assertThat(rootSearch("userName ne \\\"alice\\\"")).containsExactly("Admins", "Staff");
        assertThat(rootSearch("not (userName pr)")).containsExactly("Admins", "Staff");
        assertThat(rootSearch("userName eq null")).containsExactly("Admins", "Staff");
        assertThat(rootSearch("members[value pr] and displayName sw \\\"S\\\"")).containsExactly("Staff");
        assertThat(rootSearch("name.nosuch eq \\\"x\\\" or displayName eq \\\"Staff\\\""))
                .containsExactly("Staff");
        assertThat(rootSearch("nosuch eq 1")).isEmpty();
        assertThat(rootSearch("nosuch ne 1")).containsExactly("alice", "Admins", "Staff");
    }

    @Test
    void getAtTheRootIsTheSameQueryAsTheRootSearch_PEP08() {
        ScimResource alice = fixture.user("alice");
        fixture.group(TENANT, "Admins");
        fixture.group(TENANT, "Staff", alice.id().orElseThrow());
        ScimResponse all = fixture.get("/", "");
        assertThat(all.status()).isEqualTo(200);
        assertThat(json(all).get("totalResults").asInt()).isEqualTo(3);
        ScimResponse filtered = fixture.get("/", "filter=userName+eq+%22alice%22+or+displayName+eq+%22Admins%22"
                + "&sortBy=meta.created&sortOrder=descending&count=1");
        assertThat(json(filtered).get("totalResults").asInt()).isEqualTo(2);
        assertThat(json(filtered).get("Resources").get(0).get("displayName").asText()).isEqualTo("Admins");
        assertThat(json(fixture.search("/.search", searchBody("\"filter\":\"userName eq \\\"alice\\\""
                + " or displayName eq \\\"Admins\\\"\""))).get("totalResults").asInt()).isEqualTo(2);
        assertThat(fixture.send("DELETE", "/", "", "", TENANT).status()).isEqualTo(404);
    }

    @Test
    void rootSearchRefusesWhatDoesNotFitAnAttributeATypeHas() {
        // active is a User attribute: a string operand is typed by the lenient dialect, a bare number is not
        assertThat(rootSearchStatus("active eq \\\"true\\\"")).isEqualTo(200);
        fixture.user("alice");
        assertThat(rootSearch("active eq \\\"true\\\"")).isEmpty(); // alice has no active attribute
        ScimResponse wrongType = fixture.search("/.search", searchBody("\"filter\":\"active eq 5\""));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(scimType(wrongType)).isEqualTo("invalidFilter");
        assertThat(rootSearchStatus("nosuch gt null")).isEqualTo(400);
    }

    /** The userName or displayName of each resource a root search with this filter finds, in order. */
    private List<String> rootSearch(String filter) {
        ScimResponse response = fixture.search("/.search", searchBody("\"filter\":\"" + filter + "\""));
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json(response).get("Resources").forEach(resource -> names.add(resource.has("userName")
                ? resource.get("userName").asText() : resource.get("displayName").asText()));
        return names;
    }

    private int rootSearchStatus(String filter) {
        return fixture.search("/.search", searchBody("\"filter\":\"" + filter + "\"")).status();
    }

    @Test
    void rootSearchSyntaxErrorIsStillInvalidFilter() {
        ScimResponse response = fixture.search("/.search", searchBody("\"filter\":\"userName eq\""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidFilter");
    }

    @Test
    void resourcesFollowTheProjection_PLST09() {
        fixture.user(TENANT, ComplexValue.builder().put("userName", "alice")
                .put("name", ComplexValue.builder().put("givenName", "Alice").build()));
        JsonNode resource = json(fixture.get("/Users", "attributes=userName")).get("Resources").get(0);
        assertThat(resource.has("id")).isTrue();
        assertThat(resource.has("schemas")).isTrue();
        assertThat(resource.get("userName").asText()).isEqualTo("alice");
        assertThat(resource.has("name")).isFalse();
        assertThat(resource.has("meta")).isFalse();
        JsonNode excluded = json(fixture.get("/Users", "excludedAttributes=name")).get("Resources").get(0);
        assertThat(excluded.has("name")).isFalse();
        assertThat(excluded.has("meta")).isTrue();
    }

    @Test
    void bothProjectionParametersAreInvalidValue_K46() {
        ScimResponse response = fixture.get("/Users", "attributes=userName&excludedAttributes=name");
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidValue");
    }

    @Test
    void usersInAListCarryTheirGroups() {
        ScimResource alice = fixture.user("alice");
        ScimResource admins = fixture.group(TENANT, "Admins", alice.id().orElseThrow());
        JsonNode user = json(fixture.get("/Users", "")).get("Resources").get(0);
        assertThat(user.get("groups").get(0).get("value").asText()).isEqualTo(admins.id().orElseThrow());
        assertThat(user.get("groups").get(0).get("display").asText()).isEqualTo("Admins");
    }

    // ---- 5.2 Index pagination ----

    @Test
    void startIndexDefaultsToOne_PPAG01() {
        sevenUsers();
        JsonNode body = json(fixture.get("/Users", "count=1"));
        assertThat(body.get("startIndex").asInt()).isEqualTo(1);
        assertThat(body.get("Resources").get(0).get("userName").asText()).isEqualTo("user1");
    }

    @ParameterizedTest(name = "startIndex={0}")
    @ValueSource(strings = {"0", "-1", "-2147483648", "-99999999999"})
    void startIndexBelowOneIsOne_PPAG02(String startIndex) {
        sevenUsers();
        ScimResponse response = fixture.get("/Users", "count=2&startIndex=" + startIndex);
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("startIndex").asInt()).isEqualTo(1);
        assertThat(values(response, "userName")).containsExactly("user1", "user2");
    }

    @Test
    void neverMoreThanCount_PPAG03() {
        sevenUsers();
        assertThat(json(fixture.get("/Users", "count=3")).get("Resources")).hasSize(3);
    }

    @Test
    void countAboveMaxResultsIsClamped_PPAG04_K21() {
        fixture = fixture(ClientDialect.lenient(), ServiceLimits.defaults().withMaxResults(3));
        sevenUsers();
        ScimResponse response = fixture.get("/Users", "count=1000");
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("itemsPerPage").asInt()).isEqualTo(3);
        assertThat(json(response).get("totalResults").asInt()).isEqualTo(7);
    }

    @Test
    void negativeCountIsZero_PPAG05() {
        sevenUsers();
        JsonNode body = json(fixture.get("/Users", "count=-5"));
        assertThat(body.get("Resources")).isEmpty();
        assertThat(body.get("totalResults").asInt()).isEqualTo(7);
    }

    @Test
    void countZeroReturnsOnlyTheTotal_PPAG06_K19() {
        sevenUsers();
        JsonNode body = json(fixture.get("/Users", "count=0"));
        assertThat(body.get("totalResults").asInt()).isEqualTo(7);
        assertThat(body.get("itemsPerPage").asInt()).isZero();
        assertThat(body.get("Resources")).isEmpty();
    }

    @Test
    void withoutCountThePageIsDefaultPageSize_PPAG07() {
        ServiceLimits limits = new ServiceLimits(1 << 20, 4096, 32, 10, 4, 10, 1 << 20, Duration.ofMinutes(10));
        fixture = fixture(ClientDialect.lenient(), limits);
        sevenUsers();
        JsonNode body = json(fixture.get("/Users", ""));
        assertThat(body.get("itemsPerPage").asInt()).isEqualTo(4);
        assertThat(body.get("totalResults").asInt()).isEqualTo(7);
    }

    /** Seven users; startIndex and count against the users returned (P-PAG-08, P-PAG-10, K-20). */
    @ParameterizedTest(name = "startIndex={0} count={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "1|7|1,2,3,4,5,6,7",
        "1|3|1,2,3",
        "3|3|3,4,5",
        "6|3|6,7",
        "7|1|7",
        "7|5|7",
        "8|3|''",
        "100|1|''",
        "2|0|''",
        "2147483647|5|''",
        "1|2147483647|1,2,3,4,5,6,7"
    })
    void pagingArithmetic_PPAG08_PPAG10(int startIndex, int count, String expected) {
        sevenUsers();
        ScimResponse response = fixture.get("/Users", "startIndex=" + startIndex + "&count=" + count);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = json(response);
        List<String> names = expected.isEmpty() ? List.of()
                : java.util.Arrays.stream(expected.split(",")).map(n -> "user" + n).toList();
        assertThat(values(response, "userName")).containsExactlyElementsOf(names);
        assertThat(body.get("startIndex").asInt()).isEqualTo(startIndex);
        assertThat(body.get("itemsPerPage").asInt()).isEqualTo(names.size());
        assertThat(body.get("totalResults").asInt()).isEqualTo(7);
    }

    @Test
    void walkingPagesByStartIndexPlusItemsPerPageVisitsEachOnce_PPAG09() {
        for (int i = 0; i < 23; i++) {
            fixture.user(String.format("walker%02d", i));
        }
        Set<String> seen = new HashSet<>();
        int startIndex = 1;
        int pages = 0;
        while (true) {
            JsonNode body = json(fixture.get("/Users", "count=5&startIndex=" + startIndex));
            for (JsonNode resource : body.get("Resources")) {
                assertThat(seen.add(resource.get("id").asText())).isTrue();
            }
            pages++;
            startIndex += body.get("itemsPerPage").asInt();
            if (startIndex > body.get("totalResults").asInt()) {
                break;
            }
        }
        assertThat(seen).hasSize(23);
        assertThat(pages).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"count=abc", "count=1.5", "startIndex=x", "startIndex=-", "count=1e3"})
    void nonIntegerPagingParameterIsInvalidValue(String query) {
        ScimResponse response = fixture.get("/Users", query);
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidValue");
    }

    // ---- 5.3 Sorting ----

    @Test
    void sortByOrdersThenPages_PSRT02() {
        for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
            fixture.user(name);
        }
        assertThat(values(fixture.get("/Users", "sortBy=userName"), "userName"))
                .containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(values(fixture.get("/Users", "sortBy=userName&startIndex=2&count=2"), "userName"))
                .containsExactly("bravo", "charlie");
    }

    @Test
    void multiValuedSortsByPrimaryElseFirst_PSRT03() {
        fixture.user(TENANT, ComplexValue.builder().put("userName", "u1").put("emails", MultiValue.of(
                email("a@x.com", "home", false), email("z@x.com", "work", true))));
        fixture.user(TENANT, ComplexValue.builder().put("userName", "u2").put("emails", MultiValue.of(
                email("m@x.com", "home", false), email("b@x.com", "work", false))));
        fixture.user(TENANT, ComplexValue.builder().put("userName", "u3").put("emails", MultiValue.of(
                email("c@x.com", "work", false))));
        // keys: u1 -> z (primary), u2 -> m (first), u3 -> c
        assertThat(values(fixture.get("/Users", "sortBy=emails.value"), "userName"))
                .containsExactly("u3", "u2", "u1");
    }

    @Test
    void missingValuesSortLastAscendingAndFirstDescending_PSRT05() {
        fixture.user(TENANT, ComplexValue.builder().put("userName", "u1").put("title", "b"));
        fixture.user(TENANT, ComplexValue.builder().put("userName", "u2"));
        fixture.user(TENANT, ComplexValue.builder().put("userName", "u3").put("title", "a"));
        assertThat(values(fixture.get("/Users", "sortBy=title"), "userName")).containsExactly("u3", "u1", "u2");
        assertThat(values(fixture.get("/Users", "sortBy=title&sortOrder=descending"), "userName"))
                .containsExactly("u2", "u1", "u3");
    }

    @Test
    void sortOrderDefaultsToAscendingAndIgnoresCase_PSRT06() {
        for (String name : List.of("b", "c", "a")) {
            fixture.user(name);
        }
        assertThat(values(fixture.get("/Users", "sortBy=userName"), "userName")).containsExactly("a", "b", "c");
        assertThat(values(fixture.get("/Users", "sortBy=userName&sortOrder=DESCENDING"), "userName"))
                .containsExactly("c", "b", "a");
    }

    @Test
    void caseExactDecidesHowStringsSort_PSRT07() {
        fixture.user(TENANT, ComplexValue.builder().put("userName", "bob").put("externalId", "b"));
        fixture.user(TENANT, ComplexValue.builder().put("userName", "Alice").put("externalId", "B"));
        fixture.user(TENANT, ComplexValue.builder().put("userName", "carol").put("externalId", "a"));
        // userName is caseExact=false: Alice < bob < carol.
        assertThat(values(fixture.get("/Users", "sortBy=userName"), "userName"))
                .containsExactly("Alice", "bob", "carol");
        // externalId is caseExact=true: "B" < "a" < "b" in code point order.
        assertThat(values(fixture.get("/Users", "sortBy=externalId"), "externalId")).containsExactly("B", "a", "b");
    }

    @Test
    void dateTimesSortChronologically_PSRT08() {
        sevenUsers();
        assertThat(values(fixture.get("/Users", "sortBy=meta.created&sortOrder=descending&count=3"), "userName"))
                .containsExactly("user7", "user6", "user5");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sortBy=nosuch", "sortBy=name", "sortBy=emails", "sortBy=password",
        "sortBy=userName&sortOrder=sideways", "sortBy=a.b.c", "sortBy=%3A%3A"})
    void badSortIsInvalidValue_K48(String query) {
        ScimResponse response = fixture.get("/Users", query);
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidValue");
    }

    @Test
    void sortOrderAloneIsIgnored_K48() {
        sevenUsers();
        ScimResponse response = fixture.get("/Users", "sortOrder=sideways&count=2");
        assertThat(response.status()).isEqualTo(200);
        assertThat(values(response, "userName")).containsExactly("user1", "user2");
    }

    // ---- 5.4 POST .search ----

    @Test
    void searchOnAnEndpointRunsTheQuery_PSRCH01_PSRCH03_PSRCH04() {
        sevenUsers();
        fixture.group(TENANT, "Admins");
        ScimResponse response = fixture.search("/Users/.search", searchBody("\"filter\":\"userName sw \\\"user\\\"\","
                + "\"sortBy\":\"userName\",\"sortOrder\":\"descending\",\"startIndex\":2,\"count\":2,"
                + "\"attributes\":[\"userName\"]"));
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("schemas").get(0).asText()).isEqualTo(LIST);
        assertThat(body.get("totalResults").asInt()).isEqualTo(7);
        assertThat(body.get("startIndex").asInt()).isEqualTo(2);
        assertThat(values(response, "userName")).containsExactly("user6", "user5");
        assertThat(body.get("Resources").get(0).has("meta")).isFalse();
        // The same query by GET gives the same body (P-SRCH-04).
        ScimResponse get = fixture.get("/Users", "filter=userName+sw+%22user%22&sortBy=userName"
                + "&sortOrder=descending&startIndex=2&count=2&attributes=userName");
        assertThat(json(get)).isEqualTo(body);
    }

    @Test
    void searchWithoutTheSearchRequestSchemaIsInvalidSyntax_PSRCH02() {
        ScimResponse response = fixture.search("/Users/.search", "{\"filter\":\"userName pr\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidSyntax");
    }

    @Test
    void searchWithAnInvalidFilterIsInvalidFilter_PSRCH05_PSRCH06_PFLT26() {
        ScimResponse response = fixture.search("/Users/.search", searchBody("\"filter\":\"userName regex \\\"x\\\"\""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidFilter");
        ScimResponse get = fixture.get("/Users", "filter=userName+regex+%22x%22");
        assertThat(scimType(get)).isEqualTo("invalidFilter");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET,/Users/.search", "PUT,/Users/.search", "DELETE,/.search", "GET,/.search", "PATCH,/Groups/.search"})
    void otherMethodsOnSearchAre405WithAllow_K08(String method, String path) {
        ScimResponse response = fixture.send(method, path, "", "", TENANT);
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).contains("POST");
        assertThat(json(response).get("status").asText()).isEqualTo("405");
    }

    @Test
    void searchOnAnUnknownEndpointIsNotServedHere() {
        ScimResponse response = fixture.search("/Widgets/.search", searchBody(""));
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void withoutAPrincipalQueriesAre401() {
        ScimResponse response = fixture.service.handle(ScimRequest.of("GET", "/Users", null));
        assertThat(response.status()).isEqualTo(401);
    }

    // ---- 6. Filtering ----

    @Test
    void filterReturnsOnlyMatches_PFLT02() {
        sevenUsers();
        assertThat(values(fixture.get("/Users", "filter=userName+eq+%22user3%22"), "userName"))
                .containsExactly("user3");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"userName eq", "userName \"x\"", "(userName eq \"x\"", "emails[type eq \"work\"",
        "userName eq \"x\" and", "userName regex \"x\""})
    void malformedFilterIsInvalidFilter_PFLT03_PFLT09(String filter) {
        ScimResponse response = fixture.get("/Users", "filter=" + encode(filter));
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidFilter");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"userName eq \"user3\"", "USERNAME EQ \"USER3\"", "Username Eq \"User3\"",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"user3\"", "userName  eq\t\"user3\""})
    void attributeNamesOperatorsAndUrnPrefixesIgnoreCase_PFLT04_PFLT05_PFLT15_K09(String filter) {
        sevenUsers();
        assertThat(values(fixture.get("/Users", "filter=" + encode(filter)), "userName")).containsExactly("user3");
    }

    @Test
    void multiValuedMatchesIfAnyValueDoes_PFLT11() {
        fixture.user(TENANT, ComplexValue.builder().put("userName", "two").put("emails", MultiValue.of(
                email("a@y.com", "work", false), email("b@x.com", "home", false))));
        fixture.user("none");
        assertThat(values(fixture.get("/Users", "filter=" + encode("emails.value ew \"@x.com\"")), "userName"))
                .containsExactly("two");
    }

    @Test
    void valuePathConditionsHoldOnTheSameElement_PFLT13() {
        fixture.user(TENANT, ComplexValue.builder().put("userName", "mixed").put("emails", MultiValue.of(
                email("a@y.com", "work", false), email("b@x.com", "home", false))));
        assertThat(json(fixture.get("/Users", "filter=" + encode("emails[type eq \"work\" and value ew \"@x.com\"]")))
                .get("totalResults").asInt()).isZero();
        assertThat(json(fixture.get("/Users", "filter="
                + encode("emails.type eq \"work\" and emails.value ew \"@x.com\""))).get("totalResults").asInt())
                .isEqualTo(1);
    }

    @Test
    void stringComparisonsFollowCaseExact_PFLT17() {
        fixture.user(TENANT, ComplexValue.builder().put("userName", "Alice").put("externalId", "Ext"));
        assertThat(json(fixture.get("/Users", "filter=" + encode("userName eq \"alice\""))).get("totalResults")
                .asInt()).isEqualTo(1);
        assertThat(json(fixture.get("/Users", "filter=" + encode("externalId eq \"ext\""))).get("totalResults")
                .asInt()).isZero();
    }

    @Test
    void unknownAttributeOnATypedEndpointIsInvalidFilterNamingIt_K15() {
        fixture.user("alice");
        ScimResponse response = fixture.get("/Users", "filter=" + encode("nickname2 eq \"x\""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidFilter");
        assertThat(json(response).get("detail").asText()).contains("nickname2");
    }

    @Test
    void blankFilterIsNoFilter() {
        sevenUsers();
        assertThat(json(fixture.get("/Users", "filter=")).get("totalResults").asInt()).isEqualTo(7);
    }

    @Test
    void filterLongerThanMaxFilterLengthIsInvalidFilter() {
        ServiceLimits limits = new ServiceLimits(1 << 20, 40, 32, 100, 10, 10, 1 << 20, Duration.ofMinutes(10));
        fixture = fixture(ClientDialect.lenient(), limits);
        String filter = "userName eq \"" + "x".repeat(30) + "\"";
        ScimResponse response = fixture.get("/Users", "filter=" + encode(filter));
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidFilter");
        assertThat(fixture.get("/Users", "filter=" + encode("userName eq \"x\"")).status()).isEqualTo(200);
    }

    @Test
    void filterNestedDeeperThanMaxFilterDepthIsInvalidFilter() {
        ServiceLimits limits = new ServiceLimits(1 << 20, 4096, 3, 100, 10, 10, 1 << 20, Duration.ofMinutes(10));
        fixture = fixture(ClientDialect.lenient(), limits);
        String deep = "((((userName eq \"x\"))))";
        ScimResponse response = fixture.search("/Users/.search", searchBody("\"filter\":\"" + deep.replace("\"", "\\\"")
                + "\""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidFilter");
        assertThat(fixture.get("/Users", "filter=" + encode("((userName eq \"x\"))")).status()).isEqualTo(200);
    }

    // ---- Entra ID (ENTRA-PROVISIONING §2.1-§2.3, Q20) ----

    @Test
    void entraTestConnectionOnUsers() {
        fixture.user("someone@contoso.com");
        ScimResponse response = fixture.get("/Users",
                "filter=userName+eq+%225a0f2c7e-0d8b-4e43-a1a6-5b0b4d6f3c11%22");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("totalResults").asInt()).isZero();
        assertThat(body.get("Resources").isArray()).isTrue();
        assertThat(body.get("Resources")).isEmpty();
    }

    @Test
    void entraTestConnectionOnGroups() {
        ScimResponse response = fixture.get("/Groups", "excludedAttributes=members&filter=displayName+eq+%22x%22");
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("totalResults").asInt()).isZero();
        assertThat(json(response).get("Resources")).isEmpty();
    }

    @Test
    void entraMatchesByUserNameAndExternalIdAndIgnoresItsFlagParameter() {
        fixture.user(TENANT, ComplexValue.builder().put("userName", "alice@contoso.com").put("externalId", "alice"));
        fixture.user("bob@contoso.com");
        assertThat(values(fixture.get("/Users", "aadOptscim062020&filter=userName+eq+%22alice%40contoso.com%22"),
                "externalId")).containsExactly("alice");
        assertThat(values(fixture.get("/Users", "filter=externalId+eq+%22alice%22&aadOptscim062020="),
                "userName")).containsExactly("alice@contoso.com");
    }

    @Test
    void entraWorkEmailLookupInLenientDialect_Q20_K66() {
        fixture.user(TENANT, ComplexValue.builder().put("userName", "alice").put("emails", MultiValue.of(
                email("alice@contoso.com", "work", true))));
        fixture.user(TENANT, ComplexValue.builder().put("userName", "bob").put("emails", MultiValue.of(
                email("alice@contoso.com", "home", true))));
        ScimResponse response = fixture.get("/Users",
                "filter=emails%5Btype+eq+%22work%22%5D.value+eq+%22alice%40contoso.com%22");
        assertThat(response.status()).isEqualTo(200);
        assertThat(values(response, "userName")).containsExactly("alice");
    }

    @Test
    void entraWorkEmailLookupInStrictDialectIsInvalidFilter_Q20() {
        fixture = fixture(ClientDialect.strict(), ServiceLimits.defaults());
        ScimResponse response = fixture.get("/Users",
                "filter=emails%5Btype+eq+%22work%22%5D.value+eq+%22alice%40contoso.com%22");
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidFilter");
    }

    @Test
    void entraGroupLookupWithoutMembers() {
        ScimResource alice = fixture.user("alice");
        fixture.group(TENANT, "Engineering", alice.id().orElseThrow());
        ScimResponse response = fixture.get("/Groups", "excludedAttributes=members&filter=displayName+eq+%22Engineering%22");
        JsonNode group = json(response).get("Resources").get(0);
        assertThat(group.get("displayName").asText()).isEqualTo("Engineering");
        assertThat(group.has("members")).isFalse();
        // Without the exclusion the members are there.
        assertThat(json(fixture.get("/Groups", "")).get("Resources").get(0).get("members")).hasSize(1);
    }

    // ---- Cursor paging (RFC 9865) ----

    @Test
    void cursorWalkVisitsEachResourceOnce_CPAG01_CPAG04_CPAG05() {
        for (int i = 0; i < 250; i++) {
            fixture.user(String.format("c%03d", i));
        }
        Set<String> seen = new HashSet<>();
        String cursor = "";
        int pages = 0;
        while (true) {
            ScimResponse response = fixture.get("/Users", "count=40&cursor=" + cursor);
            assertThat(response.status()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("totalResults").asInt()).isEqualTo(250);
            assertThat(body.has("startIndex")).isFalse();
            if (pages == 0) {
                assertThat(body.has("previousCursor")).isFalse();
            }
            for (JsonNode resource : body.get("Resources")) {
                assertThat(seen.add(resource.get("id").asText())).isTrue();
            }
            assertThat(body.get("itemsPerPage").asInt()).isEqualTo(body.get("Resources").size());
            pages++;
            if (!body.has("nextCursor")) {
                break;
            }
            cursor = body.get("nextCursor").asText();
            assertThat(cursor).matches("[A-Za-z0-9._~-]+");
            assertThat(pages).isLessThan(10);
        }
        assertThat(seen).hasSize(250);
        assertThat(pages).isEqualTo(7);
    }

    @Test
    void cursorParameterWithoutValueStartsCursorPaging_CPAG01_CPAG20() {
        sevenUsers();
        for (String query : List.of("cursor&count=3", "cursor=&count=3")) {
            JsonNode body = json(fixture.get("/Users", query));
            assertThat(body.has("startIndex")).isFalse();
            assertThat(body.get("itemsPerPage").asInt()).isEqualTo(3);
            assertThat(body.get("totalResults").asInt()).isEqualTo(7);
            assertThat(body.get("nextCursor").asText()).matches("[A-Za-z0-9._~-]+");
        }
    }

    @Test
    void cursorPagesRespectCountRules_CPAG03() {
        fixture = fixture(ClientDialect.lenient(), ServiceLimits.defaults().withMaxResults(3));
        sevenUsers();
        assertThat(json(fixture.get("/Users", "cursor&count=50")).get("itemsPerPage").asInt()).isEqualTo(3);
        JsonNode zero = json(fixture.get("/Users", "cursor&count=-1"));
        assertThat(zero.get("Resources")).isEmpty();
        assertThat(zero.get("totalResults").asInt()).isEqualTo(7);
    }

    @Test
    void cursorPagesComeSortedAndFollowUpsKeepTheSort_CPAG10() {
        for (String name : List.of("e", "b", "d", "a", "c")) {
            fixture.user(name);
        }
        JsonNode first = json(fixture.get("/Users", "sortBy=userName&count=2&cursor"));
        JsonNode second = json(fixture.get("/Users", "sortBy=userName&count=2&cursor="
                + first.get("nextCursor").asText()));
        JsonNode third = json(fixture.get("/Users", "sortBy=userName&count=2&cursor="
                + second.get("nextCursor").asText()));
        List<String> names = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.get("Resources").forEach(resource -> names.add(resource.get("userName").asText()));
        }
        assertThat(names).containsExactly("a", "b", "c", "d", "e");
        assertThat(third.has("nextCursor")).isFalse();
        assertThat(second.has("previousCursor")).isTrue();
    }

    @Test
    void withNeitherCursorNorStartIndexPagingIsByIndex_CPAG12_CPAG13() {
        sevenUsers();
        JsonNode body = json(fixture.get("/Users", "count=2"));
        assertThat(body.get("startIndex").asInt()).isEqualTo(1);
        assertThat(body.has("nextCursor")).isFalse();
    }

    @Test
    void searchRequestCarriesTheCursor_CPAG14() {
        sevenUsers();
        JsonNode first = json(fixture.search("/Users/.search", searchBody("\"cursor\":\"\",\"count\":4")));
        assertThat(first.get("itemsPerPage").asInt()).isEqualTo(4);
        JsonNode second = json(fixture.search("/Users/.search",
                searchBody("\"cursor\":\"" + first.get("nextCursor").asText() + "\",\"count\":4")));
        assertThat(second.get("itemsPerPage").asInt()).isEqualTo(3);
        assertThat(second.has("nextCursor")).isFalse();
    }

    @Test
    void tamperedCursorIsInvalidCursor_CPAG07() {
        sevenUsers();
        String cursor = json(fixture.get("/Users", "count=2&cursor")).get("nextCursor").asText();
        // Change one character in the middle: it carries whole bits of the payload or the signature.
        int middle = cursor.length() / 2;
        char flipped = cursor.charAt(middle) == 'A' ? 'B' : 'A';
        String tampered = cursor.substring(0, middle) + flipped + cursor.substring(middle + 1);
        for (String bad : List.of(tampered, "garbage", "AAAA", "%21%21")) {
            ScimResponse response = fixture.get("/Users", "count=2&cursor=" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(scimType(response)).as(bad).isEqualTo("invalidCursor");
        }
    }

    @Test
    void cursorOfAnotherFilterIsInvalidCursor_CPAG09() {
        sevenUsers();
        String cursor = json(fixture.get("/Users", "filter=userName+sw+%22user%22&count=2&cursor"))
                .get("nextCursor").asText();
        ScimResponse response = fixture.get("/Users", "filter=userName+sw+%22use%22&count=2&cursor=" + cursor);
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidCursor");
    }

    @Test
    void cursorOfAnotherTenantIsInvalidCursor_CPAG17() {
        sevenUsers();
        for (int i = 0; i < 7; i++) {
            fixture.user(OTHER_TENANT, ComplexValue.builder().put("userName", "other" + i));
        }
        String cursor = json(fixture.get("/Users", "count=2&cursor")).get("nextCursor").asText();
        ScimResponse response = fixture.send("GET", "/Users", "count=2&cursor=" + cursor, "", OTHER_TENANT);
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidCursor");
    }

    @Test
    void cursorTogetherWithStartIndexIsInvalidValue_K61() {
        ScimResponse response = fixture.get("/Users", "cursor&startIndex=1");
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("invalidValue");
        ScimResponse search = fixture.search("/Users/.search", searchBody("\"cursor\":\"\",\"startIndex\":1"));
        assertThat(scimType(search)).isEqualTo("invalidValue");
    }

    @Test
    void rootSearchPagesByCursorAcrossTypes() {
        for (int i = 0; i < 3; i++) {
            fixture.user("u" + i);
            fixture.group(TENANT, "g" + i);
        }
        List<String> kinds = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 5; page++) {
            JsonNode body = json(fixture.search("/.search", searchBody("\"cursor\":\"" + cursor + "\",\"count\":4")));
            body.get("Resources").forEach(r -> kinds.add(r.get("meta").get("resourceType").asText()));
            if (!body.has("nextCursor")) {
                break;
            }
            cursor = body.get("nextCursor").asText();
        }
        assertThat(kinds).containsExactly("User", "User", "User", "Group", "Group", "Group");
    }

    @Test
    void rootSearchSortsAcrossTypes() {
        fixture.user("m-user");
        fixture.group(TENANT, "z-group");
        fixture.user("a-user");
        JsonNode body = json(fixture.search("/.search", searchBody("\"sortBy\":\"userName\"")));
        List<String> order = new ArrayList<>();
        body.get("Resources").forEach(r -> order.add(r.has("userName") ? r.get("userName").asText()
                : r.get("displayName").asText()));
        // Groups have no userName: they sort last.
        assertThat(order).containsExactly("a-user", "m-user", "z-group");
        ScimResponse unknown = fixture.search("/.search", searchBody("\"sortBy\":\"nosuch\""));
        assertThat(scimType(unknown)).isEqualTo("invalidValue");
    }

    // ---- Tenant isolation ----

    @Test
    void tenantsNeverSeeEachOthersResources() {
        ScimResource alice = fixture.user("alice");
        fixture.group(TENANT, "Admins", alice.id().orElseThrow());
        fixture.user(OTHER_TENANT, ComplexValue.builder().put("userName", "bob"));
        assertThat(json(fixture.send("GET", "/Users", "filter=userName+eq+%22alice%22", "", OTHER_TENANT))
                .get("totalResults").asInt()).isZero();
        for (ScimResponse response : List.of(
                fixture.send("GET", "/Users", "", "", OTHER_TENANT),
                fixture.send("POST", "/Users/.search", "", searchBody(""), OTHER_TENANT),
                fixture.send("POST", "/.search", "", searchBody(""), OTHER_TENANT))) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(json(response).get("totalResults").asInt()).isEqualTo(
                    json(response).get("Resources").size());
            assertThat(values(response, "userName")).containsOnly("bob");
        }
        assertThat(json(fixture.send("GET", "/Groups", "", "", OTHER_TENANT)).get("totalResults").asInt()).isZero();
        assertThat(json(fixture.get("/Users", "")).get("totalResults").asInt()).isEqualTo(1);
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }
}
