package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.Requests.get;
import static io.scimkit.core.protocol.Requests.json;
import static io.scimkit.core.protocol.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.core.ScimService;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The discovery endpoints (RFC 7644 §4, RFC 7643 §5-§7; digest §10.3 P-DSC rows, K-22, K-23, C-PAG-15). */
class DiscoveryEndpointsTest {
    private static final String BASE = "https://acme.example.com/scim/v2";
    private static final String SPC_URN = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private static final String LIST_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private static ScimService service(UnaryOperator<ScimService.Builder> settings) {
        UntouchedStore store = new UntouchedStore();
        return settings.apply(ScimService.builder().baseUri(URI.create(BASE + "/")).userStore(store).groupStore(store))
                .build();
    }

    private static final ScimService SCIM = service(builder -> builder);

    @Test
    void serviceProviderConfigIsOneResourceWithEveryRequiredAttribute() {
        ScimResponse response = SCIM.handle(get("/ServiceProviderConfig"));

        // P-DSC-01: 200 with one object, not a ListResponse.
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).contains("application/scim+json");
        JsonNode spc = json(response);
        assertThat(spc.get("schemas")).isEqualTo(json("['" + SPC_URN + "']"));
        assertThat(spc.has("Resources")).isFalse();
        // P-DSC-02, K-38: every required attribute, etag and authenticationSchemes[].type included.
        assertThat(spc.at("/patch/supported").asBoolean()).isTrue();
        assertThat(spc.at("/bulk/supported").asBoolean()).isTrue();
        assertThat(spc.at("/bulk/maxOperations").asInt()).isEqualTo(1000);
        assertThat(spc.at("/bulk/maxPayloadSize").asInt()).isEqualTo(1 << 20);
        assertThat(spc.at("/filter/supported").asBoolean()).isTrue();
        assertThat(spc.at("/filter/maxResults").asInt()).isEqualTo(1000);
        assertThat(spc.at("/changePassword/supported").isBoolean()).isTrue();
        assertThat(spc.at("/changePassword/supported").asBoolean()).isFalse();
        assertThat(spc.at("/sort/supported").asBoolean()).isTrue();
        assertThat(spc.at("/etag/supported").asBoolean()).isTrue();
        JsonNode scheme = spc.at("/authenticationSchemes/0");
        assertThat(scheme.get("type").asText()).isEqualTo("oauthbearertoken");
        assertThat(scheme.get("name").asText()).isNotBlank();
        assertThat(scheme.get("description").asText()).isNotBlank();
        // P-DSC-13: meta names the resource type and the absolute discovery URL (K-40).
        assertThat(spc.get("meta")).isEqualTo(json("{'resourceType':'ServiceProviderConfig','location':'" + BASE
                + "/ServiceProviderConfig'}"));
    }

    /** C-PAG-15: RFC 9865 pagination members, index the default (C-PAG-13). */
    @Test
    void serviceProviderConfigAdvertisesPagination() {
        JsonNode pagination = json(SCIM.handle(get("/ServiceProviderConfig"))).get("pagination");
        assertThat(pagination).isEqualTo(json("{'cursor':true,'index':true,'defaultPaginationMethod':'index',"
                + "'defaultPageSize':100,'maxPageSize':1000,'cursorTimeout':600}"));
    }

    /** P-DSC-12, P-BLK-01: what the SPC advertises follows the configured limits. */
    @Test
    void serviceProviderConfigReflectsTheConfiguredLimits() {
        ServiceLimits limits = new ServiceLimits(4096, 200, 8, 50, 20, 7, 2048, Duration.ofSeconds(90));
        JsonNode spc = json(service(builder -> builder.limits(limits)).handle(get("/ServiceProviderConfig")));

        assertThat(spc.get("bulk")).isEqualTo(json("{'supported':true,'maxOperations':7,'maxPayloadSize':2048}"));
        assertThat(spc.get("filter")).isEqualTo(json("{'supported':true,'maxResults':50}"));
        assertThat(spc.at("/pagination/defaultPageSize").asInt()).isEqualTo(20);
        assertThat(spc.at("/pagination/maxPageSize").asInt()).isEqualTo(50);
        assertThat(spc.at("/pagination/cursorTimeout").asInt()).isEqualTo(90);
    }

    /** P-DSC-12: what the SPC advertises is what the service does (page size, PATCH, ETags). */
    @Test
    void advertisedFeaturesMatchBehaviour() {
        InMemoryStores stores = InMemoryStores.create(SchemaRegistry.core());
        ScimService scim = ScimService.builder().baseUri(URI.create(BASE)).userStore(stores.users())
                .groupStore(stores.groups()).limits(ServiceLimits.defaults().withMaxResults(2)).build();
        JsonNode spc = json(scim.handle(get("/ServiceProviderConfig")));
        String id = null;
        for (String name : List.of("a", "b", "c")) {
            ScimResponse created = scim.handle(request("POST", "/Users",
                    "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'" + name + "'}", Requests.ALICE));
            assertThat(created.header("ETag")).as("etag.supported").isPresent();
            id = json(created).get("id").asText();
        }

        JsonNode page = json(scim.handle(get("/Users?count=10")));
        assertThat(page.get("Resources").size()).isLessThanOrEqualTo(spc.at("/filter/maxResults").asInt()).isEqualTo(2);
        assertThat(page.get("totalResults").asInt()).isEqualTo(3);
        assertThat(spc.at("/patch/supported").asBoolean()).isTrue();
        assertThat(scim.handle(request("PATCH", "/Users/" + id, "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':[{'op':'replace','path':'nickName','value':'C'}]}", Requests.ALICE)).status()).isEqualTo(200);
    }

    /** P-BLK-01: Bulk switched off is advertised as unsupported and answers 501. */
    @Test
    void bulkSwitchedOffIsAdvertisedAndAnswers501() {
        ScimService noBulk = service(builder -> builder.limits(ServiceLimits.defaults().withBulk(0, 1024)));
        assertThat(json(noBulk.handle(get("/ServiceProviderConfig"))).at("/bulk/supported").asBoolean()).isFalse();

        ScimResponse bulk = noBulk.handle(request("POST", "/Bulk",
                "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':[]}", Requests.ALICE));
        assertThat(bulk.status()).isEqualTo(501);
        assertThat(json(bulk).get("status").asText()).isEqualTo("501");
    }

    /** P-DSC-03, K-23: discovery is open to anonymous callers unless configured otherwise; nothing else is. */
    @ParameterizedTest
    @ValueSource(strings = {"/ServiceProviderConfig", "/ResourceTypes", "/ResourceTypes/User", "/Schemas",
        "/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group"})
    void anonymousDiscoveryFollowsTheConfiguration(String path) {
        assertThat(SCIM.handle(request("GET", path, null, null)).status()).isEqualTo(200);

        ScimResponse closed = service(builder -> builder.anonymousDiscovery(false)).handle(request("GET", path, null, null));
        assertThat(closed.status()).isEqualTo(401);
        assertThat(closed.header("WWW-Authenticate")).isPresent();
        assertThat(service(builder -> builder.anonymousDiscovery(false)).handle(get(path)).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Bulk", "/Me", "/Users"})
    void anonymousCallersReachNothingButDiscovery(String path) {
        assertThat(SCIM.handle(request("POST", path, "{}", null)).status()).isEqualTo(401);
        assertThat(SCIM.handle(request("GET", path, null, null)).status()).isEqualTo(401);
    }

    /** P-DSC-04, P-DSC-08, P-DSC-09: every resource schema, no message URN, each with meta. */
    @Test
    void schemasListsEverySchemaAndNoMessageUrn() {
        JsonNode list = json(SCIM.handle(get("/Schemas")));

        assertThat(list.get("schemas")).isEqualTo(json("['" + LIST_URN + "']"));
        assertThat(list.get("totalResults").asInt()).isEqualTo(3);
        assertThat(list.get("itemsPerPage").asInt()).isEqualTo(3);
        assertThat(list.get("startIndex").asInt()).isEqualTo(1);
        List<String> ids = new ArrayList<>();
        list.get("Resources").forEach(schema -> {
            ids.add(schema.get("id").asText());
            assertThat(schema.get("schemas")).isEqualTo(json("['urn:ietf:params:scim:schemas:core:2.0:Schema']"));
            assertThat(schema.get("meta")).isEqualTo(json("{'resourceType':'Schema','location':'" + BASE + "/Schemas/"
                    + schema.get("id").asText() + "'}"));
            assertThat(schema.get("attributes").size()).isPositive();
        });
        assertThat(ids).containsExactly(CoreSchemas.USER_URN, CoreSchemas.GROUP_URN, CoreSchemas.ENTERPRISE_USER_URN);
        assertThat(ids).noneMatch(id -> id.startsWith("urn:ietf:params:scim:api:"));
    }

    /** P-DSC-05, P-DSC-10, K-39: resource types with their extensions as a list, each schema listed in /Schemas. */
    @Test
    void resourceTypesListsEachTypeWhoseSchemasAreAllPublished() {
        JsonNode list = json(SCIM.handle(get("/ResourceTypes")));
        List<String> published = new ArrayList<>();
        json(SCIM.handle(get("/Schemas"))).get("Resources").forEach(schema -> published.add(schema.get("id").asText()));

        assertThat(list.get("totalResults").asInt()).isEqualTo(2);
        JsonNode user = list.at("/Resources/0");
        assertThat(user).isEqualTo(json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],"
                + "'id':'User','name':'User','description':'User Account','endpoint':'/Users',"
                + "'schema':'urn:ietf:params:scim:schemas:core:2.0:User','schemaExtensions':[{'schema':"
                + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User','required':false}],"
                + "'meta':{'resourceType':'ResourceType','location':'" + BASE + "/ResourceTypes/User'}}"));
        list.get("Resources").forEach(type -> {
            assertThat(published).contains(type.get("schema").asText());
            type.path("schemaExtensions").forEach(extension -> assertThat(published).contains(extension.get("schema").asText()));
        });
        assertThat(json(SCIM.handle(get("/ResourceTypes/Group")))).isEqualTo(list.at("/Resources/1"));
        assertThat(json(SCIM.handle(get("/ResourceTypes/User")))).isEqualTo(user);
    }

    /** P-DSC-04, P-DSC-05: single resources by id, ignoring case and percent-encoding; unknown ones are 404. */
    @Test
    void singleDiscoveryResourcesAndUnknownOnes() {
        JsonNode group = json(SCIM.handle(get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group")));
        assertThat(group.get("id").asText()).isEqualTo(CoreSchemas.GROUP_URN);
        assertThat(group.has("Resources")).isFalse();
        assertThat(json(SCIM.handle(get("/Schemas/URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:GROUP")))).isEqualTo(group);
        assertThat(json(SCIM.handle(get("/Schemas/urn%3Aietf%3Aparams%3Ascim%3Aschemas%3Acore%3A2.0%3AGroup"))))
                .isEqualTo(group);
        assertThat(json(SCIM.handle(get("/resourcetypes/user/"))).get("id").asText()).isEqualTo("User");

        for (String unknown : List.of("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Device", "/ResourceTypes/Device",
                "/Schemas/urn:ietf:params:scim:api:messages:2.0:ListResponse", "/Schemas/%zz", "/ServiceProviderConfig/x",
                "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User/name")) {
            ScimResponse response = SCIM.handle(get(unknown));
            assertThat(response.status()).as(unknown).isEqualTo(404);
            assertThat(json(response).get("status").asText()).isEqualTo("404");
        }
    }

    /** P-DSC-06: paging, sorting and attribute parameters are ignored. */
    @Test
    void pagingAndSortingParametersAreIgnored() {
        for (String path : List.of("/Schemas", "/ResourceTypes", "/ServiceProviderConfig")) {
            assertThat(SCIM.handle(get(path + "?startIndex=2&count=1&sortBy=id&sortOrder=descending&attributes=id")))
                    .as(path).isEqualTo(SCIM.handle(get(path)));
        }
    }

    /** P-DSC-07, K-22: a filter is refused with 403 so that nobody believes it was applied. */
    @ParameterizedTest
    @ValueSource(strings = {"/Schemas", "/ResourceTypes", "/ServiceProviderConfig", "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"})
    void filterIsForbidden(String path) {
        ScimResponse response = SCIM.handle(get(path + "?filter=id+eq+%22User%22"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(json(response).get("status").asText()).isEqualTo("403");
    }

    /** P-DSC-11, K-08: read-only resources: other methods get 405 with Allow and an error body. */
    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void writesAreMethodNotAllowed(String method) {
        for (String path : List.of("/Schemas", "/ResourceTypes/User", "/ServiceProviderConfig")) {
            ScimResponse response = SCIM.handle(request(method, path, "{}", Requests.ALICE));
            assertThat(response.status()).as(path).isEqualTo(405);
            assertThat(response.header("Allow")).contains("GET");
            assertThat(json(response).get("schemas")).isEqualTo(json("['urn:ietf:params:scim:api:messages:2.0:Error']"));
            assertThat(json(response).get("status").asText()).isEqualTo("405");
        }
    }

    /** The request's own base URI, when given, is the one meta.location uses (K-40). */
    @Test
    void locationsUseTheRequestsBaseUri() {
        ScimResponse response = SCIM.handle(get("/ResourceTypes/Group").withBaseUri(URI.create("https://other.example/scim")));
        assertThat(json(response).at("/meta/location").asText()).isEqualTo("https://other.example/scim/ResourceTypes/Group");
    }

    /**
     * Golden: {@code /Schemas/<User URN>} is RFC 7643 §8.7.1's User schema, apart from the deliberate
     * departures CoreSchemasTest lists (K-35 addresses.primary, K-37 binary caseExact), the figure's
     * relative meta.location, and characteristics the figure leaves to their RFC 7643 §2.2 defaults
     * (we write every characteristic).
     */
    @Test
    void userSchemaMatchesRfc7643Figure9() throws Exception {
        JsonNode ours = json(SCIM.handle(get("/Schemas/" + CoreSchemas.USER_URN)));
        JsonNode rfc;
        try (InputStream in = getClass().getResourceAsStream("/io/scimkit/core/schema/rfc7643-8.7.1-schemas.json")) {
            rfc = Requests.JSON.readTree(in).get(0).deepCopy();
        }

        assertThat(ours.get("meta")).isEqualTo(json("{'resourceType':'Schema','location':'" + BASE + "/Schemas/"
                + CoreSchemas.USER_URN + "'}"));
        ObjectNode expected = (ObjectNode) rfc;
        expected.remove("meta");
        withDefaults(expected.get("attributes"));
        // K-37: binary values are case exact.
        ((ObjectNode) attribute(attribute(expected, "x509Certificates"), "value")).put("caseExact", true);
        ObjectNode actual = (ObjectNode) ours.deepCopy();
        actual.remove("meta");
        actual.remove("schemas");
        // K-35: the figure forgot addresses.primary.
        ArrayNode addresses = (ArrayNode) attribute(actual, "addresses").get("subAttributes");
        ObjectNode primary = (ObjectNode) attribute(attribute(actual, "addresses"), "primary").deepCopy();
        assertThat(primary.remove("description").asText()).isNotBlank();
        assertThat(primary).isEqualTo(json("{'name':'primary','type':'boolean','multiValued':false,'required':false,"
                + "'caseExact':false,'mutability':'readWrite','returned':'default','uniqueness':'none'}"));
        addresses.remove(indexOf(addresses, "primary"));

        assertThat(actual).isEqualTo(expected);
    }

    /** Fills the RFC 7643 §2.2 defaults the figure leaves out and drops its empty canonicalValues. */
    private static void withDefaults(JsonNode attributes) {
        for (JsonNode node : attributes) {
            ObjectNode attribute = (ObjectNode) node;
            if (!attribute.has("caseExact")) {
                attribute.put("caseExact", false);
            }
            if (!attribute.has("uniqueness")) {
                attribute.put("uniqueness", "none");
            }
            if (attribute.has("canonicalValues") && attribute.get("canonicalValues").isEmpty()) {
                attribute.remove("canonicalValues");
            }
            if (attribute.has("subAttributes")) {
                withDefaults(attribute.get("subAttributes"));
            }
        }
    }

    private static JsonNode attribute(JsonNode parent, String name) {
        JsonNode attributes = parent.has("attributes") ? parent.get("attributes") : parent.get("subAttributes");
        return attributes.get(indexOf(attributes, name));
    }

    private static int indexOf(JsonNode attributes, String name) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).get("name").asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no attribute " + name);
    }
}
