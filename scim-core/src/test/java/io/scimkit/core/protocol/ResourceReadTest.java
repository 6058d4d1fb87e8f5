package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.BASE;
import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static io.scimkit.core.protocol.ScimTestClient.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /{endpoint}/{id}} (RFC 7644 §3.4.1, §3.14): the P-GET rows and P-VER-05. */
class ResourceReadTest {
    private final ScimTestClient client = ScimTestClient.create();

    private String createBjensen() {
        Reply created = client.post("/Users", """
                {"schemas":["%s"],"userName":"bjensen","name":{"givenName":"Barbara","familyName":"Jensen"},
                 "password":"secret","emails":[{"value":"b@example.com","type":"work"}]}""".formatted(USER_URN));
        assertThat(created.status()).isEqualTo(201);
        return created.id();
    }

    @Test
    void pGet01_03_04_05_06_existingResourceWithDefaultAttributesHeadersAndETag() {
        String id = createBjensen();

        Reply reply = client.get("/Users/" + id);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("id").asText()).isEqualTo(id);
        assertThat(body.path("userName").asText()).isEqualTo("bjensen");
        assertThat(body.has("password")).isFalse();
        String location = BASE + "/Users/" + id;
        assertThat(body.path("meta").path("location").asText()).isEqualTo(location);
        assertThat(reply.header("Content-Location")).isEqualTo(location);
        assertThat(reply.header("Location")).isEqualTo(location);
        assertThat(reply.etag()).isNotBlank().isEqualTo(body.path("meta").path("version").asText());
        assertThat(reply.etag()).startsWith("W/\"");
        assertThat(reply.header("Content-Type")).isEqualTo("application/scim+json");
    }

    @Test
    void pGet02_unknownIdIs404WithStatusAsString() {
        Reply reply = client.get("/Users/does-not-exist").assertError(404, null);
        assertThat(reply.json().path("detail").asText()).contains("does-not-exist");
    }

    @Test
    void pGet08_deletedResourceIs404() {
        String id = createBjensen();
        assertThat(client.delete("/Users/" + id).status()).isEqualTo(204);
        client.get("/Users/" + id).assertError(404, null);
    }

    @Test
    void pAtt06_attributesReturnsOnlyThoseAndAlwaysAttributes() {
        String id = createBjensen();

        JsonNode body = client.send("GET", "/Users/" + id, "attributes=userName", null).json();

        assertThat(body.has("id")).isTrue();
        assertThat(body.has("schemas")).isTrue();
        assertThat(body.path("userName").asText()).isEqualTo("bjensen");
        assertThat(body.has("meta")).isFalse();
        assertThat(body.has("name")).isFalse();
    }

    @Test
    void pAtt07_subAttributeSelection() {
        String id = createBjensen();

        JsonNode body = client.send("GET", "/Users/" + id, "attributes=name.givenName", null).json();

        assertThat(body.path("name").path("givenName").asText()).isEqualTo("Barbara");
        assertThat(body.path("name").has("familyName")).isFalse();
    }

    @Test
    void pAtt09_excludedAttributesCannotRemoveId() {
        String id = createBjensen();

        JsonNode body = client.send("GET", "/Users/" + id, "excludedAttributes=id,name", null).json();

        assertThat(body.path("id").asText()).isEqualTo(id);
        assertThat(body.has("name")).isFalse();
        assertThat(body.has("emails")).isTrue();
    }

    @Test
    void k46_bothProjectionParametersAre400InvalidValue() {
        String id = createBjensen();
        client.send("GET", "/Users/" + id, "attributes=userName&excludedAttributes=name", null)
                .assertError(400, "invalidValue");
    }

    @Test
    void pGen16_unknownQueryParametersAreIgnored() {
        String id = createBjensen();
        assertThat(client.send("GET", "/Users/" + id, "aadOptscim062020&foo=bar", null).status()).isEqualTo(200);
    }

    @Test
    void groupReadWithoutMembersWhenExcluded() {
        String alice = client.createUser("alice");
        String group = client.createGroup("Engineering", alice);

        assertThat(client.get("/Groups/" + group).memberIds()).containsExactly(alice);
        JsonNode without = client.send("GET", "/Groups/" + group, "excludedAttributes=members", null).json();
        assertThat(without.has("members")).isFalse();
        assertThat(without.path("displayName").asText()).isEqualTo("Engineering");
    }

    @Test
    void usersReadOnlyGroupsComeFromTheGroupStore() {
        String alice = client.createUser("alice");
        String group = client.createGroup("Engineering", alice);

        JsonNode groups = client.get("/Users/" + alice).json().path("groups");

        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).path("value").asText()).isEqualTo(group);
        assertThat(groups.get(0).path("display").asText()).isEqualTo("Engineering");
        assertThat(groups.get(0).path("$ref").asText()).isEqualTo(BASE + "/Groups/" + group);
        assertThat(client.send("GET", "/Users/" + alice, "excludedAttributes=groups", null).json().has("groups"))
                .isFalse();
    }

    @ParameterizedTest(name = "[{index}] If-None-Match: {0}")
    @ValueSource(strings = {"%s", "*", "W/\"nope\", %s", "%s-without-W", "unquoted", "\"W/\\\"escaped\\\"\""})
    void pGet07_pVer05_k43_ifNoneMatchOfTheCurrentVersionIs304WithoutBody(String template) {
        String id = createBjensen();
        String etag = client.get("/Users/" + id).etag();
        String opaque = etag.substring(3, etag.length() - 1);
        String header = switch (template) {
            case "%s-without-W" -> "\"" + opaque + "\"";
            case "unquoted" -> opaque;
            case "\"W/\\\"escaped\\\"\"" -> "\"W/\\\"" + opaque + "\\\"\"";
            default -> template.replace("%s", etag);
        };

        Reply reply = client.send("GET", "/Users/" + id, "", null, "If-None-Match", header);

        assertThat(reply.status()).isEqualTo(304);
        assertThat(reply.response().body()).isEmpty();
        assertThat(reply.etag()).isEqualTo(etag);
    }

    @Test
    void pVer05_nonMatchingIfNoneMatchIs200() {
        String id = createBjensen();
        String etag = client.get("/Users/" + id).etag();
        client.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"Babs\"}"));

        Reply reply = client.send("GET", "/Users/" + id, "", null, "If-None-Match", etag);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("nickName").asText()).isEqualTo("Babs");
    }

    @Test
    void k56_trailingSlashIsTheSameResource() {
        String id = createBjensen();
        assertThat(client.get("/Users/" + id + "/").id()).isEqualTo(id);
    }

    @Test
    void pGen11_anonymousCallersGet401WithWwwAuthenticate() {
        String id = createBjensen();
        ScimResponse response = client.service().handle(ScimRequest.of("GET", "/Users/" + id, null));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isPresent();
    }
}
