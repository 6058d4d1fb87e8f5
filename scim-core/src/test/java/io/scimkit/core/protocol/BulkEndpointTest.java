package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.Requests.ALICE;
import static io.scimkit.core.protocol.Requests.get;
import static io.scimkit.core.protocol.Requests.json;
import static io.scimkit.core.protocol.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /Bulk} over the in-memory stores (RFC 7644 §3.7; digest §10.1 P-BLK rows, K-25 to K-27, P-VER-07). */
class BulkEndpointTest {
    private static final String BASE = "https://acme.example.com/scim/v2";
    private static final String BULK = "'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest']";
    private static final String USER = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User']";
    private static final String GROUP = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group']";
    private static final String PATCH_OP = "'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final ScimService scim = service(builder -> builder);

    private static ScimService service(UnaryOperator<ScimService.Builder> settings) {
        InMemoryStores stores = InMemoryStores.create(SchemaRegistry.core());
        return settings.apply(ScimService.builder().baseUri(URI.create(BASE)).userStore(stores.users())
                .groupStore(stores.groups())).build();
    }

    private ScimResponse bulk(String operations) {
        return bulk(scim, ALICE, "{" + BULK + ",'Operations':[" + operations + "]}");
    }

    private static ScimResponse bulk(ScimService service, ScimPrincipal principal, String body) {
        return service.handle(request("POST", "/Bulk", body, principal));
    }

    /** The BulkResponse of an accepted request: 200 (P-BLK-12, K-26) with the BulkResponse URN (P-BLK-02). */
    private static JsonNode operations(ScimResponse response) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("schemas")).isEqualTo(json("['urn:ietf:params:scim:api:messages:2.0:BulkResponse']"));
        return body.get("Operations");
    }

    private static String postUser(String bulkId, String userName) {
        return "{'method':'POST','path':'/Users','bulkId':'" + bulkId + "','data':{" + USER + ",'userName':'" + userName + "'}}";
    }

    private String createUser(String userName) {
        ScimResponse created = scim.handle(request("POST", "/Users", "{" + USER + ",'userName':'" + userName + "'}", ALICE));
        assertThat(created.status()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    private JsonNode read(String location) {
        ScimResponse response = scim.handle(get(location.substring(BASE.length())));
        assertThat(response.status()).as(location).isEqualTo(200);
        return json(response);
    }

    private static List<String> memberValues(JsonNode group) {
        List<String> values = new ArrayList<>();
        group.path("members").forEach(member -> values.add(member.get("value").asText()));
        return values;
    }

    /** RFC 7644 §3.7.2 example: a user and a group whose member is "bulkId:qwerty" (P-BLK-10, P-BLK-13, K-25). */
    @Test
    void rfcExampleCreatesUserAndGroupWithTheNewUserAsMember() {
        JsonNode results = operations(bulk(postUser("qwerty", "Alice") + ","
                + "{'method':'POST','path':'/Groups','bulkId':'ytrewq','data':{" + GROUP + ",'displayName':'Tour Guides',"
                + "'members':[{'type':'User','value':'bulkId:qwerty'}]}}"));

        assertThat(results).hasSize(2);
        JsonNode user = results.get(0);
        assertThat(user.get("method").asText()).isEqualTo("POST");
        assertThat(user.get("bulkId").asText()).isEqualTo("qwerty");
        assertThat(user.get("status").isTextual()).isTrue();
        assertThat(user.get("status").asText()).isEqualTo("201");
        assertThat(user.get("location").asText()).startsWith(BASE + "/Users/");
        assertThat(user.get("version").asText()).startsWith("W/\"");
        assertThat(user.has("response")).isFalse();
        String userId = read(user.get("location").asText()).get("id").asText();
        // P-BLK-18: the SP's ids never contain the bulkId.
        assertThat(userId).doesNotContain("qwerty").doesNotContain("bulkId");

        JsonNode group = results.get(1);
        assertThat(group.get("status").asText()).isEqualTo("201");
        assertThat(memberValues(read(group.get("location").asText()))).containsExactly(userId);
    }

    /** P-BLK-14: an operation that references a later POST runs after it; results keep the request order. */
    @Test
    void operationsAreReorderedSoThatReferencedCreatesRunFirst() {
        JsonNode results = operations(bulk("{'method':'POST','path':'/Groups','bulkId':'g','data':{" + GROUP
                + ",'displayName':'Guides','members':[{'value':'bulkId:u'}]}}," + postUser("u", "bob")));

        assertThat(results.get(0).get("bulkId").asText()).isEqualTo("g");
        assertThat(results.get(1).get("bulkId").asText()).isEqualTo("u");
        String userId = read(results.get(1).get("location").asText()).get("id").asText();
        assertThat(memberValues(read(results.get(0).get("location").asText()))).containsExactly(userId);
    }

    /** P-BLK-15: group A and group B contain each other; both are created and complete. */
    @Test
    void circularReferencesAreResolved() {
        JsonNode results = operations(bulk(
                "{'method':'POST','path':'/Groups','bulkId':'a','data':{" + GROUP + ",'displayName':'A','members':[{'value':'bulkId:b'}]}},"
                + "{'method':'POST','path':'/Groups','bulkId':'b','data':{" + GROUP + ",'displayName':'B','members':[{'value':'bulkId:a'}]}}"));

        assertThat(results.get(0).get("status").asText()).isEqualTo("201");
        assertThat(results.get(1).get("status").asText()).isEqualTo("201");
        JsonNode a = read(results.get(0).get("location").asText());
        JsonNode b = read(results.get(1).get("location").asText());
        assertThat(memberValues(a)).containsExactly(b.get("id").asText());
        assertThat(memberValues(b)).containsExactly(a.get("id").asText());
        // The version reported is that of the completed resource.
        assertThat(results.get(0).get("version").asText()).isEqualTo(a.at("/meta/version").asText());
    }

    /** P-BLK-15, S-ENT-03: a user that is its own manager is a cycle of one, resolved the same way. */
    @Test
    void selfReferenceIsResolved() {
        JsonNode results = operations(bulk("{'method':'POST','path':'/Users','bulkId':'self','data':{" + USER
                + ",'userName':'carol','" + ENTERPRISE + "':{'department':'Tours','manager':{'value':'bulkId:self'}}}}"));

        assertThat(results.get(0).get("status").asText()).isEqualTo("201");
        JsonNode carol = read(results.get(0).get("location").asText());
        assertThat(carol.at("/" + ENTERPRISE + "/manager/value").asText()).isEqualTo(carol.get("id").asText());
        assertThat(carol.at("/" + ENTERPRISE + "/department").asText()).isEqualTo("Tours");
    }

    /** P-BLK-15: a cycle that cannot be broken (the data is no resource body to hold values back from) is 409. */
    @Test
    void unresolvableCycleIsAConflict() {
        JsonNode results = operations(bulk("{'method':'POST','path':'/Users','bulkId':'x','data':['bulkId:y']},"
                + "{'method':'POST','path':'/Users','bulkId':'y','data':{" + USER + ",'userName':'yan','nickName':'bulkId:x'}}"));

        assertThat(results).extracting(result -> result.get("status").asText()).containsExactly("409", "409");
        assertThat(results.get(0).at("/response/detail").asText()).contains("circular");
        assertThat(json(scim.handle(get("/Users?filter=userName+eq+%22yan%22"))).get("totalResults").asInt()).isZero();
    }

    /** S-ENT-03: manager.value "bulkId:m" becomes the new manager's id. */
    @Test
    void enterpriseManagerReferenceIsResolved() {
        JsonNode results = operations(bulk("{'method':'POST','path':'/Users','bulkId':'e','data':{" + USER
                + ",'userName':'erin','" + ENTERPRISE + "':{'manager':{'value':'bulkId:m'}}}}," + postUser("m", "mallory")));

        String managerId = read(results.get(1).get("location").asText()).get("id").asText();
        assertThat(read(results.get(0).get("location").asText()).at("/" + ENTERPRISE + "/manager/value").asText())
                .isEqualTo(managerId);
    }

    /** P-BLK-13 in a PATCH: the member value of an add operation references a user created in the same request. */
    @Test
    void patchWithBulkIdReferenceInMemberValue() {
        String groupId = json(scim.handle(request("POST", "/Groups", "{" + GROUP + ",'displayName':'Existing'}", ALICE)))
                .get("id").asText();

        JsonNode results = operations(bulk("{'method':'PATCH','path':'/Groups/" + groupId + "','data':{" + PATCH_OP
                + ",'Operations':[{'op':'add','path':'members','value':[{'value':'bulkId:u'}]}]}}," + postUser("u", "dave")));

        assertThat(results.get(0).get("method").asText()).isEqualTo("PATCH");
        assertThat(results.get(0).get("status").asText()).isIn("200", "204");
        assertThat(results.get(0).get("location").asText()).isEqualTo(BASE + "/Groups/" + groupId);
        String userId = read(results.get(1).get("location").asText()).get("id").asText();
        assertThat(memberValues(read(BASE + "/Groups/" + groupId))).containsExactly(userId);
    }

    /** P-BLK-13 in a PATCH path filter and a resource path. */
    @Test
    void referencesInPathsAndPatchFiltersAreResolved() {
        JsonNode results = operations(bulk(postUser("u", "frank") + ","
                + "{'method':'POST','path':'/Groups','bulkId':'g','data':{" + GROUP + ",'displayName':'G','members':[{'value':'bulkId:u'}]}},"
                + "{'method':'PATCH','path':'/Groups/bulkId:g','data':{" + PATCH_OP
                + ",'Operations':[{'op':'remove','path':'members[value eq \\'bulkId:u\\']'}]}}"));

        assertThat(results.get(2).get("status").asText()).as(results.toString()).isIn("200", "204");
        assertThat(memberValues(read(results.get(1).get("location").asText()))).isEmpty();
    }

    /** P-BLK-08: failOnErrors=1 stops after the first failure and returns what was processed. */
    @Test
    void failOnErrorsStopsAfterTheGivenNumberOfErrors() {
        createUser("taken");
        JsonNode results = operations(bulk(scim, ALICE, "{" + BULK + ",'failOnErrors':1,'Operations':["
                + postUser("a", "taken") + "," + postUser("b", "fresh") + "]}"));

        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("status").asText()).isEqualTo("409");
        // P-BLK-11, P-BLK-17: the error body with its scimType.
        assertThat(results.get(0).at("/response/scimType").asText()).isEqualTo("uniqueness");
        assertThat(results.get(0).at("/response/status").asText()).isEqualTo("409");
        assertThat(results.get(0).has("location")).isFalse();
        assertThat(json(scim.handle(get("/Users?filter=userName+eq+%22fresh%22"))).get("totalResults").asInt()).isZero();
    }

    /** P-BLK-09: without failOnErrors every operation is attempted. */
    @Test
    void withoutFailOnErrorsEveryOperationIsAttempted() {
        createUser("taken");
        JsonNode results = operations(bulk(postUser("a", "taken") + "," + postUser("b", "fresh") + ","
                + "{'method':'DELETE','path':'/Users/unknown-id'}"));

        assertThat(results).extracting(result -> result.get("status").asText()).containsExactly("409", "201", "404");
        assertThat(results.get(2).get("location").asText()).isEqualTo(BASE + "/Users/unknown-id");
    }

    /** P-BLK-16: more operations than maxOperations, or a larger body, is 413 naming the limit. */
    @Test
    void limitsAreEnforcedWith413() {
        ScimService small = service(builder -> builder.limits(ServiceLimits.defaults().withBulk(2, 600)));
        ScimResponse tooMany = bulk(small, ALICE, "{" + BULK + ",'Operations':[{'method':'DELETE','path':'/Users/1'},"
                + "{'method':'DELETE','path':'/Users/2'},{'method':'DELETE','path':'/Users/3'}]}");
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(json(tooMany).get("status").asText()).isEqualTo("413");
        assertThat(json(tooMany).get("detail").asText()).contains("maxOperations").contains("2");

        ScimResponse tooLarge = bulk(small, ALICE, "{" + BULK + ",'Operations':[" + postUser("u", "x".repeat(600)) + "]}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(json(tooLarge).get("detail").asText()).contains("maxPayloadSize").contains("600");
    }

    /** Issue 11: a PATCH inside Bulk with more operations than maxPatchOperations fails alone, 400 tooMany, nothing applied. */
    @Test
    void patchInBulkWithTooManyOperationsIs400TooMany() {
        ScimService service = service(builder -> builder.limits(ServiceLimits.defaults().withMaxPatchOperations(3)));
        String id = json(service.handle(request("POST", "/Users", "{" + USER + ",'userName':'tess'}", ALICE)))
                .get("id").asText();
        String op = "{'op':'replace','path':'nickName','value':'T'}";
        String patch = "{'method':'PATCH','path':'/Users/" + id + "','data':{" + PATCH_OP + ",'Operations':[";

        JsonNode results = operations(bulk(service, ALICE, "{" + BULK + ",'Operations':["
                + patch + String.join(",", op, op, op, op) + "]}}," + patch + String.join(",", op, op, op) + "]}}]}"));

        assertThat(results.get(0).get("status").asText()).isEqualTo("400");
        assertThat(results.get(0).at("/response/scimType").asText()).isEqualTo("tooMany");
        assertThat(results.get(0).at("/response/detail").asText()).contains("4 operations").contains("3");
        assertThat(results.get(1).get("status").asText()).isIn("200", "204");
    }

    /** The bulk payload limit, not the general one, applies to /Bulk. */
    @Test
    void bulkPayloadLimitReplacesTheGeneralOne() {
        ScimService service = service(builder -> builder.limits(ServiceLimits.defaults().withMaxPayloadSize(300)
                .withBulk(10, 4096)));
        JsonNode results = operations(bulk(service, ALICE, "{" + BULK + ",'Operations':[" + postUser("a", "a".repeat(100))
                + "," + postUser("b", "b".repeat(100)) + "]}"));
        assertThat(results).extracting(result -> result.get("status").asText()).containsExactly("201", "201");
    }

    /** P-BLK-07, P-VER-07: version acts as If-Match; a stale one gives that operation 412. */
    @Test
    void versionActsAsIfMatch() {
        ScimResponse created = scim.handle(request("POST", "/Users", "{" + USER + ",'userName':'vera'}", ALICE));
        String id = json(created).get("id").asText();
        String version = created.header("ETag").orElseThrow();
        String put = "'path':'/Users/" + id + "','data':{" + USER + ",'userName':'vera','displayName':'V'}";

        JsonNode stale = operations(bulk("{'method':'PUT'," + put + ",'version':'W/\\'stale\\''}"));
        assertThat(stale.get(0).get("status").asText()).isEqualTo("412");
        assertThat(stale.get(0).at("/response/status").asText()).isEqualTo("412");

        JsonNode fresh = operations(bulk("{'method':'PUT'," + put + ",'version':'" + version.replace("\"", "\\'") + "'}"));
        assertThat(fresh.get(0).get("status").asText()).isEqualTo("200");
        assertThat(fresh.get(0).get("version").asText()).isNotEqualTo(version).isEqualTo(
                read(BASE + "/Users/" + id).at("/meta/version").asText());
    }

    /** Tenant isolation: tenant B's Bulk cannot PATCH, PUT or DELETE tenant A's resources (404 each). */
    @Test
    void bulkStaysInsideTheCallersTenant() {
        String id = createUser("tenant-a-user");
        ScimPrincipal tenantB = new ScimPrincipal("tenant-b", "b-admin");

        JsonNode results = operations(bulk(scim, tenantB, "{" + BULK + ",'Operations':["
                + "{'method':'PATCH','path':'/Users/" + id + "','data':{" + PATCH_OP
                + ",'Operations':[{'op':'replace','path':'displayName','value':'hijacked'}]}},"
                + "{'method':'PUT','path':'/Users/" + id + "','data':{" + USER + ",'userName':'hijacked'}},"
                + "{'method':'DELETE','path':'/Users/" + id + "'}]}"));

        assertThat(results).extracting(result -> result.get("status").asText()).containsExactly("404", "404", "404");
        JsonNode user = read(BASE + "/Users/" + id);
        assertThat(user.get("userName").asText()).isEqualTo("tenant-a-user");
        assertThat(user.has("displayName")).isFalse();
    }

    /** P-BLK-02, P-BLK-05: failures of the whole request are 400 invalidSyntax. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[]}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest']}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'failOnErrors':0,'Operations':[]}",
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':[{'method':'POST','path':'/Users','bulkId':'x','data':{}},{'method':'POST','path':'/Groups','bulkId':'x','data':{}}]}",
        "not json"})
    void malformedRequestsAreRefusedAsAWhole(String body) {
        ScimResponse response = bulk(scim, ALICE, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("scimType").asText()).isEqualTo("invalidSyntax");
    }

    /** P-BLK-03 to P-BLK-06: a malformed operation fails alone with 400; the others still run. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'method':'GET','path':'/Users/1'}                                       | invalidSyntax",
        "{'method':'POST','data':{'userName':'x'},'bulkId':'p'}                   | invalidSyntax",
        "{'method':'POST','path':'/Users','data':{'userName':'x'}}                | invalidSyntax",
        "{'method':'POST','path':'/Users/1','bulkId':'p','data':{'userName':'x'}} | invalidSyntax",
        "{'method':'PUT','path':'/Users','data':{'userName':'x'}}                 | invalidSyntax",
        "{'method':'PUT','path':'/Users/1'}                                       | invalidSyntax",
        "{'method':'POST','path':'/Bulk','bulkId':'p','data':{}}                  | invalidSyntax",
        "{'method':'DELETE','path':'/Schemas/x'}                                  | invalidSyntax",
        "{'method':'DELETE','path':'/Users/bulkId:nobody'}                        | invalidValue"})
    void malformedOperationsFailAlone(String operation, String scimType) {
        JsonNode results = operations(bulk(operation + "," + postUser("ok", "still-created")));

        assertThat(results.get(0).get("status").asText()).isEqualTo("400");
        assertThat(results.get(0).at("/response/scimType").asText()).isEqualTo(scimType);
        assertThat(results.get(1).get("status").asText()).isEqualTo("201");
    }

    /** A reference to a POST that failed cannot be resolved: 409. */
    @Test
    void referenceToAFailedCreateIsAConflict() {
        createUser("taken");
        JsonNode results = operations(bulk(postUser("u", "taken") + ",{'method':'POST','path':'/Groups','bulkId':'g',"
                + "'data':{" + GROUP + ",'displayName':'G','members':[{'value':'bulkId:u'}]}}"));

        assertThat(results).extracting(result -> result.get("status").asText()).containsExactly("409", "409");
        assertThat(results.get(1).at("/response/detail").asText()).contains("bulkId \"u\"");
    }

    /** K-27: the lenient dialect accepts a bare array of operations as PATCH data; strict refuses it. */
    @Test
    void bareArrayPatchDataIsAcceptedOnlyByTheLenientDialect() {
        String bare = "[{'op':'replace','path':'displayName','value':'Renamed'}]";
        String id = createUser("kim");
        JsonNode lenient = operations(bulk("{'method':'PATCH','path':'/Users/" + id + "','data':" + bare + "}"));
        assertThat(lenient.get(0).get("status").asText()).isEqualTo("200");
        assertThat(read(BASE + "/Users/" + id).get("displayName").asText()).isEqualTo("Renamed");

        ScimService strict = service(builder -> builder.dialect(ClientDialect.strict()));
        String strictId = json(strict.handle(request("POST", "/Users", "{" + USER + ",'userName':'kim'}", ALICE)))
                .get("id").asText();
        JsonNode refused = operations(bulk(strict, ALICE, "{" + BULK + ",'Operations':[{'method':'PATCH','path':'/Users/"
                + strictId + "','data':" + bare + "}]}"));
        assertThat(refused.get(0).get("status").asText()).isEqualTo("400");
        assertThat(refused.get(0).at("/response/scimType").asText()).isEqualTo("invalidSyntax");
    }

    @Test
    void onlyPostIsAllowed() {
        ScimResponse response = scim.handle(get("/Bulk"));
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).contains("POST");
        assertThat(json(response).get("status").asText()).isEqualTo("405");
    }

    @Test
    void emptyOperationsGiveAnEmptyResponse() {
        assertThat(operations(bulk(""))).isEmpty();
    }
}
