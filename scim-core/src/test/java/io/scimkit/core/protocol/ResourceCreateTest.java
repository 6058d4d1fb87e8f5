package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.BASE;
import static io.scimkit.core.protocol.ScimTestClient.ENTERPRISE_URN;
import static io.scimkit.core.protocol.ScimTestClient.GROUP_URN;
import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import io.scimkit.core.value.StringValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /{endpoint}} (RFC 7644 §3.3): the P-CRT rows of the digest, checked through the service. */
class ResourceCreateTest {
    private static final String BJENSEN = """
            {"schemas":["%s","%s"],"userName":"bjensen","externalId":"bj-1",
             "name":{"givenName":"Barbara","familyName":"Jensen"},
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true}],
             "%s":{"employeeNumber":"701984"}}
            """.formatted(USER_URN, ENTERPRISE_URN, ENTERPRISE_URN);

    private final ScimTestClient client = ScimTestClient.create();

    @Test
    void pCrt01_02_05_06_07_14_createdUserHas201LocationMetaAndETag() {
        Reply reply = client.post("/Users", BJENSEN);

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        String id = body.path("id").asText();
        assertThat(id).isNotBlank();
        JsonNode meta = body.path("meta");
        assertThat(meta.path("resourceType").asText()).isEqualTo("User");
        assertThat(meta.path("location").asText()).isEqualTo(BASE + "/Users/" + id);
        assertThat(reply.header("Location")).isEqualTo(meta.path("location").asText());
        assertThat(meta.path("created").asText()).isNotBlank().isEqualTo(meta.path("lastModified").asText());
        assertThat(reply.etag()).isNotBlank().isEqualTo(meta.path("version").asText());
        assertThat(reply.header("Content-Type")).isEqualTo("application/scim+json");
        assertThat(body.path("userName").asText()).isEqualTo("bjensen");
        assertThat(body.path(ENTERPRISE_URN).path("employeeNumber").asText()).isEqualTo("701984");
        // The stored resource is what a later GET returns.
        assertThat(client.get("/Users/" + id).json()).isEqualTo(body);
    }

    @Test
    void pCrt06_groupGetsResourceTypeGroupAndItsMembers() {
        String member = client.createUser("alice");
        Reply reply = client.post("/Groups", """
                {"schemas":["%s"],"displayName":"Engineering","members":[{"value":"%s"}]}""".formatted(GROUP_URN, member));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("meta").path("resourceType").asText()).isEqualTo("Group");
        assertThat(reply.memberIds()).containsExactly(member);
        assertThat(client.get("/Groups/" + reply.id()).memberIds()).containsExactly(member);
    }

    @Test
    void pCrt03_pAtt02_attributesParameterProjectsTheCreatedResource() {
        Reply reply = client.send("POST", "/Users", "attributes=userName", BJENSEN);

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.has("id")).isTrue();
        assertThat(body.has("schemas")).isTrue();
        assertThat(body.path("userName").asText()).isEqualTo("bjensen");
        assertThat(body.has("meta")).isFalse();
        assertThat(body.has("name")).isFalse();
        assertThat(reply.header("Location")).endsWith("/Users/" + reply.id());
        // Projection changes the answer, not what was stored.
        assertThat(client.get("/Users/" + reply.id()).json().path("name").path("givenName").asText()).isEqualTo("Barbara");
    }

    @Test
    void pAtt08_excludedAttributesOnCreate() {
        Reply reply = client.send("POST", "/Users", "excludedAttributes=emails,name", BJENSEN);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().has("emails")).isFalse();
        assertThat(reply.json().has("name")).isFalse();
        assertThat(reply.json().has("meta")).isTrue();
    }

    @Test
    void pCrt04_k32_readOnlyIdMetaAndGroupsInTheBodyAreIgnored() {
        Reply reply = client.post("/Users", """
                {"schemas":["%s"],"userName":"ro","id":"client-chosen",
                 "meta":{"resourceType":"Group","created":"2001-01-01T00:00:00Z","version":"W/\\"x\\""},
                 "groups":[{"value":"g1"}]}""".formatted(USER_URN));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.id()).isNotEqualTo("client-chosen");
        assertThat(reply.json().path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(reply.json().path("meta").path("created").asText()).doesNotStartWith("2001");
        assertThat(reply.json().has("groups")).isFalse();
        client.get("/Users/client-chosen").assertError(404, null);
    }

    @Test
    void pCrt09_nullAndEmptyArrayLeaveAttributesUnassigned() {
        Reply reply = client.post("/Users", """
                {"schemas":["%s"],"userName":"nulls","nickName":null,"emails":[]}""".formatted(USER_URN));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode stored = client.get("/Users/" + reply.id()).json();
        assertThat(stored.has("nickName")).isFalse();
        assertThat(stored.has("emails")).isFalse();
    }

    @Test
    void pCrt10_k01_takenUserNameInAnyCaseIs409UniquenessAndStoresNothing() {
        client.createUser("bjensen");

        client.post("/Users", """
                {"schemas":["%s"],"userName":"BJensen"}""".formatted(USER_URN)).assertError(409, "uniqueness");

        assertThat(client.count("User")).isEqualTo(1);
    }

    @Test
    void pCrt10_takenGroupDisplayNameIs409Uniqueness() {
        client.createGroup("Engineering");

        client.post("/Groups", """
                {"schemas":["%s"],"displayName":"engineering"}""".formatted(GROUP_URN)).assertError(409, "uniqueness");

        assertThat(client.count("Group")).isEqualTo(1);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":         | invalidSyntax
            [1,2,3]                                                                        | invalidSyntax
            ''                                                                             | invalidSyntax
            {"userName":"noschemas"}                                                       | invalidSyntax
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"active":"yes","userName":"x"} | invalidValue
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"displayName":"no userName"}  | invalidValue
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":""}       | invalidValue
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:example:unknown"],"userName":"x"} | invalidValue
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x","emails":[{"value":"a@x","primary":true},{"value":"b@x","primary":true}]} | invalidValue
            """)
    void pCrt11_12_15_k53_k60_invalidBodiesAre400AndStoreNothing(String body, String scimType) {
        ScimTestClient strict = ScimTestClient.create(ClientDialect.strict());

        strict.post("/Users", body).assertError(400, scimType);

        assertThat(strict.count("User")).isZero();
    }

    @Test
    void pCrt16_groupWithoutDisplayNameIs400InvalidValue() {
        client.post("/Groups", "{\"schemas\":[\"" + GROUP_URN + "\"]}").assertError(400, "invalidValue");
        assertThat(client.count("Group")).isZero();
    }

    @Test
    void groupMemberWithoutValueIs400InvalidValue() {
        client.post("/Groups", """
                {"schemas":["%s"],"displayName":"G","members":[{"display":"nobody"}]}""".formatted(GROUP_URN))
                .assertError(400, "invalidValue");
        assertThat(client.count("Group")).isZero();
    }

    @Test
    void pAtt10_pAtt13_passwordIsStoredButNeverReturned() {
        Reply reply = client.post("/Users", """
                {"schemas":["%s"],"userName":"pw","password":"t1meMa$heen"}""".formatted(USER_URN));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().has("password")).isFalse();
        assertThat(client.send("GET", "/Users/" + reply.id(), "attributes=password,userName", null).json().has("password"))
                .isFalse();
        assertThat(client.stored("User", reply.id()).orElseThrow().get("password"))
                .contains(StringValue.of("t1meMa$heen"));
    }

    @Test
    void pGen20_lenientDialectNormalisesTheBodyAndTheResponseShowsWhatWasStored() {
        Reply reply = client.post("/Users", """
                {"schemas":["%s","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/User"],
                 "UserName":"Case@Example.com","active":"True","title":null}""".formatted(USER_URN));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.path("userName").asText()).isEqualTo("Case@Example.com");
        assertThat(body.path("active").isBoolean()).isTrue();
        assertThat(body.path("schemas")).hasSize(1);
        assertThat(body.has("title")).isFalse();
    }

    @Test
    void k44_applicationJsonAndMissingContentTypeAreAccepted() {
        assertThat(client.send("POST", "/Users", "", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"a\"}",
                "Content-Type", "application/json").status()).isEqualTo(201);
        assertThat(client.send("POST", "/Users", "", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"b\"}",
                "Content-Type", "application/scim+json").status()).isEqualTo(201);
        assertThat(client.send("POST", "/Users", "", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"c\"}",
                "Content-Type", "").status()).isEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource({"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void k44_otherMediaTypesAre415WithAnErrorBodyAndStoreNothing(String contentType) {
        client.send("POST", "/Users", "", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"a\"}",
                "Content-Type", contentType).assertError(415, null);
        assertThat(client.count("User")).isZero();
    }

    @Test
    void metaTimesComeFromTheServiceClock() {
        Instant start = Instant.parse("2024-05-06T07:08:09Z");
        ScimTestClient clocked = ScimTestClient.create(builder -> builder.clock(new MutableClock(start)));

        Reply reply = clocked.post("/Users", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"t\"}");

        assertThat(Instant.parse(reply.json().path("meta").path("created").asText())).isEqualTo(start);
    }
}
