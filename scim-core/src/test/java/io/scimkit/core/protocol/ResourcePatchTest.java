package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.BASE;
import static io.scimkit.core.protocol.ScimTestClient.ENTERPRISE_URN;
import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static io.scimkit.core.protocol.ScimTestClient.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import io.scimkit.core.value.StringValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code PATCH /{endpoint}/{id}} (RFC 7644 §3.5.2) at the protocol level: the P-PAT rows and P-ATT-12. */
class ResourcePatchTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final ScimTestClient client = ScimTestClient.create(builder -> builder.clock(clock));

    private String createBjensen(ScimTestClient on) {
        Reply created = on.post("/Users", """
                {"schemas":["%s"],"userName":"bjensen","nickName":"Babs","password":"secret",
                 "emails":[{"value":"b@example.com","type":"work"}]}""".formatted(USER_URN));
        assertThat(created.status()).isEqualTo(201);
        return created.id();
    }

    @Test
    void pPat15_k29_userPatchAnswers200WithTheWholeResource() {
        String id = createBjensen(client);

        Reply reply = client.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"B\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("nickName").asText()).isEqualTo("B");
        assertThat(reply.json()).isEqualTo(client.get("/Users/" + id).json());
        assertThat(reply.etag()).isEqualTo(reply.json().path("meta").path("version").asText());
    }

    @Test
    void pPat15_pPat17_groupPatchAnswers204WithETagAndLocation() {
        String group = client.createGroup("Engineering");

        Reply reply = client.patch("/Groups/" + group,
                patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Platform\"}"));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.response().body()).isEmpty();
        Reply after = client.get("/Groups/" + group);
        assertThat(reply.etag()).isEqualTo(after.etag());
        assertThat(reply.header("Location")).isEqualTo(BASE + "/Groups/" + group);
        assertThat(after.json().path("displayName").asText()).isEqualTo("Platform");
    }

    @Test
    void pAtt12_patchWithAttributesAnswers200EvenWhen204IsConfigured() {
        String alice = client.createUser("alice");
        String group = client.createGroup("Engineering", alice);

        Reply reply = client.send("PATCH", "/Groups/" + group, "attributes=displayName",
                patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Platform\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("displayName").asText()).isEqualTo("Platform");
        assertThat(reply.json().has("members")).isFalse();
        assertThat(reply.json().has("meta")).isFalse();

        Reply excluded = client.send("PATCH", "/Groups/" + group, "excludedAttributes=members",
                patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Core\"}"));
        assertThat(excluded.status()).isEqualTo(200);
        assertThat(excluded.json().has("members")).isFalse();
        assertThat(excluded.json().path("displayName").asText()).isEqualTo("Core");
    }

    @Test
    void patchResponseIsConfigurablePerResourceType() {
        ScimTestClient configured = ScimTestClient.create(builder -> builder
                .patchResponse("User", PatchResponse.NO_CONTENT).patchResponse("Group", PatchResponse.RESOURCE));
        String id = createBjensen(configured);
        String alice = configured.createUser("alice");
        String group = configured.createGroup("G");

        assertThat(configured.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"B\"}"))
                .status()).isEqualTo(204);
        Reply groupReply = configured.patch("/Groups/" + group,
                patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice + "\"}]}"));
        assertThat(groupReply.status()).isEqualTo(200);
        assertThat(groupReply.memberIds()).containsExactly(alice);
    }

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}                                              | 400 | invalidSyntax
            {"schemas":["urn:wrong"],"Operations":[{"op":"add","path":"nickName","value":"x"}]}                          | 400 | invalidSyntax
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}                               | 400 | invalidSyntax
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"copy","path":"nickName","value":"x"}]} | 400 | invalidSyntax
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"nickName"}]}  | 400 | invalidSyntax
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"emails[type eq","value":"x"}]} | 400 | invalidPath
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"noSuchAttribute","value":"x"}]} | 400 | invalidPath
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"emails[type xx \\"work\\"].value","value":"x"}]} | 400 | invalidFilter
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"id","value":"x"}]} | 400 | mutability
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"userName"}]} | 400 | mutability
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove"}]}                 | 400 | noTarget
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"emails[type eq \\"fax\\"].value","value":"x"}]} | 400 | noTarget
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":"yes"}]} | 400 | invalidValue
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"nickName","value":"ok"},{"op":"replace","path":"id","value":"x"}]} | 400 | mutability
            not json                                                                                                     | 400 | invalidSyntax
            """)
    void pPat02_03_04_06_07_09_10_19_rem01_rep08_errorsChangeNothing(String body, int status, String scimType) {
        ScimTestClient strict = ScimTestClient.create(ClientDialect.strict());
        String id = createBjensen(strict);
        Reply before = strict.get("/Users/" + id);

        strict.patch("/Users/" + id, body).assertError(status, scimType);

        Reply after = strict.get("/Users/" + id);
        assertThat(after.etag()).isEqualTo(before.etag());
        assertThat(after.json()).isEqualTo(before.json());
    }

    @Test
    void pPat18_pVer06_staleIfMatchIs412AndNothingIsApplied() {
        String id = createBjensen(client);
        String etag = client.get("/Users/" + id).etag();
        String op = patchOp("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"B\"}");

        client.send("PATCH", "/Users/" + id, "", op, "If-Match", "W/\"stale\"").assertError(412, null);
        assertThat(client.get("/Users/" + id).json().path("nickName").asText()).isEqualTo("Babs");

        Reply ok = client.send("PATCH", "/Users/" + id, "", op, "If-Match", etag);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("nickName").asText()).isEqualTo("B");
    }

    @Test
    void pPat18_groupMemberPatchWithStaleIfMatchIs412() {
        String alice = client.createUser("alice");
        String group = client.createGroup("G");

        client.send("PATCH", "/Groups/" + group, "", patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + alice + "\"}]}"), "If-Match", "W/\"stale\"").assertError(412, null);

        assertThat(client.get("/Groups/" + group).memberIds()).isEmpty();
    }

    @Test
    void pPatAdd07_08_noOpAddKeepsLastModifiedAndETag() {
        String id = createBjensen(client);
        Reply before = client.get("/Users/" + id);
        clock.advance(Duration.ofMinutes(1));

        Reply reply = client.patch("/Users/" + id, patchOp(
                "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"b@example.com\",\"type\":\"work\"}]}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.etag()).isEqualTo(before.etag());
        assertThat(reply.json().path("meta")).isEqualTo(before.json().path("meta"));
    }

    @Test
    void pPatAdd08_anotherChangingOperationDoesChangeLastModified() {
        String id = createBjensen(client);
        Reply before = client.get("/Users/" + id);
        clock.advance(Duration.ofMinutes(1));

        Reply reply = client.patch("/Users/" + id, patchOp(
                "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"b@example.com\",\"type\":\"work\"}]}",
                "{\"op\":\"add\",\"path\":\"title\",\"value\":\"Boss\"}"));

        assertThat(reply.etag()).isNotEqualTo(before.etag());
        assertThat(reply.json().path("meta").path("lastModified"))
                .isNotEqualTo(before.json().path("meta").path("lastModified"));
    }

    @Test
    void pPat13_extensionAttributeAddsTheExtensionUrn() {
        String id = createBjensen(client);

        Reply reply = client.patch("/Users/" + id, patchOp("{\"op\":\"add\",\"path\":\"" + ENTERPRISE_URN
                + ":employeeNumber\",\"value\":\"42\"}"));

        JsonNode stored = client.get("/Users/" + id).json();
        assertThat(stored.path(ENTERPRISE_URN).path("employeeNumber").asText()).isEqualTo("42");
        assertThat(stored.path("schemas").toString()).contains(ENTERPRISE_URN);
        assertThat(reply.json()).isEqualTo(stored);
    }

    @Test
    void pPat08_operationsApplyInOrder() {
        String id = createBjensen(client);

        client.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"one\"}",
                "{\"op\":\"remove\",\"path\":\"nickName\"}", "{\"op\":\"add\",\"path\":\"nickName\",\"value\":\"three\"}"));

        assertThat(client.get("/Users/" + id).json().path("nickName").asText()).isEqualTo("three");
    }

    @Test
    void unknownIdIs404() {
        client.patch("/Users/missing", patchOp("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"x\"}"))
                .assertError(404, null);
        client.patch("/Groups/missing", patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u\"}]}"))
                .assertError(404, null);
    }

    @Test
    void patchKeepsWriteOnlyPasswordItCannotSee() {
        String id = createBjensen(client);

        client.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"B\"}"));

        assertThat(client.stored("User", id).orElseThrow().get("password")).contains(StringValue.of("secret"));
    }

    @Test
    void pAtt11_returnedRequestAttributeModifiedByPatchIsReturned() {
        ScimTestClient devices = Devices.client();
        String id = devices.post("/Devices", Devices.body("Laptop", "SN-1")).id();

        Reply reply = devices.patch("/Devices/" + id,
                patchOp("{\"op\":\"add\",\"path\":\"secretHint\",\"value\":\"drawer\"}"));

        assertThat(reply.json().path("secretHint").asText()).isEqualTo("drawer");
        assertThat(devices.get("/Devices/" + id).json().has("secretHint")).isFalse();
        assertThat(devices.send("GET", "/Devices/" + id, "attributes=secretHint", null).json().path("secretHint")
                .asText()).isEqualTo("drawer");
    }

    @Test
    void pPat10_readOnlyGroupsOfAUserCannotBePatched() {
        String id = createBjensen(client);
        client.patch("/Users/" + id, patchOp("{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"g\"}]}"))
                .assertError(400, "mutability");
    }

    @Test
    void k44_patchBodyTypedApplicationJsonIsAccepted() {
        String id = createBjensen(client);
        Reply reply = client.send("PATCH", "/Users/" + id, "", patchOp(
                "{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"J\"}"), "Content-Type", "application/json");
        assertThat(reply.status()).isEqualTo(200);
    }

    /** Issue 11: maxPatchOperations bounds one PATCH request; beyond it 400 tooMany, before any operation is applied. */
    @Test
    void moreOperationsThanMaxPatchOperationsIs400TooManyAndChangesNothing() {
        ScimTestClient limited = ScimTestClient.create(builder -> builder.clock(clock)
                .limits(ServiceLimits.defaults().withMaxPatchOperations(2)));
        String id = createBjensen(limited);
        Reply before = limited.get("/Users/" + id);
        String nick = "{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"B\"}";

        Reply refused = limited.patch("/Users/" + id, patchOp(nick, nick, nick)).assertError(400, "tooMany");
        assertThat(refused.json().path("detail").asText()).contains("3 operations").contains("2");
        assertThat(limited.get("/Users/" + id).json()).isEqualTo(before.json());

        assertThat(limited.patch("/Users/" + id, patchOp(nick, nick)).status()).isEqualTo(200);
        assertThat(ServiceLimits.defaults().maxPatchOperations()).isEqualTo(ServiceLimits.DEFAULT_MAX_PATCH_OPERATIONS);
    }

    /**
     * Issue 11: a malformed If-Match or If-None-Match is 400 (no scimType: RFC 7644 §3.12 has none for
     * headers), not 412, and changes nothing; a well-formed stale one stays 412.
     */
    @ParameterizedTest(name = "[{index}] {0} {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            PATCH  | If-Match      | `W/"abc`     | 400
            PATCH  | If-Match      | `"abc`       | 400
            PATCH  | If-Match      | `a b c`      | 400
            PATCH  | If-Match      | `*, W/"1"`   | 400
            PATCH  | If-Match      | `,`          | 400
            PATCH  | If-Match      | `W/"stale"`  | 412
            PUT    | If-Match      | `W/"abc`     | 400
            PUT    | If-Match      | `garbage"`   | 400
            DELETE | If-Match      | `W/"abc`     | 400
            DELETE | If-Match      | `"x"y"`      | 400
            GET    | If-None-Match | `W/"abc`     | 400
            GET    | If-None-Match | `a b`        | 400
            GET    | If-None-Match | `W/"stale"`  | 200
            """)
    void issue11_malformedPreconditionHeadersAre400(String method, String header, String value, int status) {
        String id = createBjensen(client);
        Reply before = client.get("/Users/" + id);
        String body = switch (method) {
            case "PATCH" -> patchOp("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"Changed\"}");
            case "PUT" -> "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"bjensen\",\"nickName\":\"Changed\"}";
            default -> null;
        };

        Reply reply = client.send(method, "/Users/" + id, "", body, header, value);

        if (status == 400) {
            reply.assertError(400, null);
            assertThat(reply.json().path("detail").asText()).contains(header);
        } else if (status == 412) {
            reply.assertError(412, null);
        } else {
            assertThat(reply.status()).isEqualTo(status);
        }
        if (!method.equals("GET")) {
            assertThat(client.get("/Users/" + id).json()).isEqualTo(before.json());
        }
    }
}
