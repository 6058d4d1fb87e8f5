package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.GROUP_URN;
import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static io.scimkit.core.protocol.ScimTestClient.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Okta's provisioning requests (docs/okta.md), in the shapes of Okta's SCIM 2.0 reference and of
 * real traffic, through the service under both presets. Every request is RFC 7644 form, so the
 * strict preset accepts each one like the lenient one and both end in the same state; the only
 * rule the lenient preset applies is {@code replace-empty-array-removes}, for the empty member list.
 */
class OktaSequenceTest {

    static List<ClientDialect> presets() {
        return List.of(ClientDialect.strict(), ClientDialect.lenient());
    }

    private static String oktaUser(String userName, String givenName, String extra) {
        return "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"" + userName + "\",\"name\":{\"givenName\":\""
                + givenName + "\",\"familyName\":\"Doe\"},\"emails\":[{\"primary\":true,\"value\":\"" + userName
                + "\",\"type\":\"work\"}],\"displayName\":\"" + givenName + " Doe\",\"locale\":\"en-US\","
                + "\"externalId\":\"00u1okta\",\"groups\":[]," + extra + "\"active\":true}";
    }

    private static String members(String... ids) {
        List<String> values = new ArrayList<>();
        for (String id : ids) {
            values.add("{\"value\":\"" + id + "\",\"display\":\"" + id + "@example.com\"}");
        }
        return "[" + String.join(",", values) + "]";
    }

    @ParameterizedTest
    @MethodSource("presets")
    void userProvisioning(ClientDialect dialect) {
        ScimTestClient client = ScimTestClient.create(dialect);
        String lookup = "filter=userName%20eq%20%22JANE.DOE%40EXAMPLE.COM%22&startIndex=1&count=100";
        assertThat(client.send("GET", "/Users", lookup, null).json().path("totalResults").asInt()).isZero();

        // Create with password (writeOnly, never returned) and the readOnly groups as an empty list.
        Reply created = client.post("/Users", oktaUser("jane.doe@example.com", "Jane", "\"password\":\"t1meMa$heen\","));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().has("password")).isFalse();
        String id = created.id();

        // Lookup without regard to case; a create with the userName in another case is 409.
        JsonNode found = client.send("GET", "/Users", lookup, null).json();
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(id);
        client.post("/Users", oktaUser("JANE.DOE@example.com", "Jane", "")).assertError(409, "uniqueness");
        Reply withoutPassword = client.post("/Users", oktaUser("john.roe@example.com", "John", ""));
        assertThat(withoutPassword.status()).isEqualTo(201);

        // Import by pages.
        JsonNode page = client.send("GET", "/Users", "startIndex=2&count=1", null).json();
        assertThat(page.path("totalResults").asInt()).isEqualTo(2);
        assertThat(page.path("startIndex").asInt()).isEqualTo(2);
        assertThat(page.path("itemsPerPage").asInt()).isEqualTo(1);
        client.get("/Users/010101-no-such-user").assertError(404, null);

        // Profile push: PUT of the whole user, id included; the answer is the full resource.
        Reply put = client.put("/Users/" + id, oktaUser("jane.doe@example.com", "Janet", "\"id\":\"" + id + "\","));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().path("name").path("givenName").asText()).isEqualTo("Janet");
        assertThat(put.json().path("emails").get(0).path("value").asText()).isEqualTo("jane.doe@example.com");

        // Deactivation, reactivation and password push: path-less replace, 200 with the full user.
        Reply deactivated = client.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"value\":{\"active\":false}}"));
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        assertThat(deactivated.json().path("userName").asText()).isEqualTo("jane.doe@example.com");
        assertThat(client.send("GET", "/Users", lookup, null).json().path("Resources").get(0).path("active").asBoolean())
                .isFalse();
        assertThat(client.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"value\":{\"active\":true}}")).json()
                .path("active").asBoolean()).isTrue();
        Reply password = client.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"value\":{\"password\":\"n3w-Pa55\"}}"));
        assertThat(password.status()).isEqualTo(200);
        assertThat(password.json().has("password")).isFalse();

        assertThat(dialect.firings()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void groupPush(ClientDialect dialect) {
        ScimTestClient client = ScimTestClient.create(dialect);
        String a = client.createUser("a@example.com");
        String b = client.createUser("b@example.com");
        String c = client.createUser("c@example.com");
        Reply created = client.post("/Groups", "{\"schemas\":[\"" + GROUP_URN + "\"],\"displayName\":\"Test SCIMv2\","
                + "\"members\":[]}");
        assertThat(created.status()).isEqualTo(201);
        String group = created.id();

        // Rename with the group's own id in the path-less value: writing a readOnly attribute's value is no change.
        assertThat(client.patch("/Groups/" + group, patchOp("{\"op\":\"replace\",\"value\":{\"id\":\"" + group
                + "\",\"displayName\":\"Renamed\"}}")).status()).isEqualTo(204);
        assertThat(client.get("/Groups/" + group).json().path("displayName").asText()).isEqualTo("Renamed");
        // Another id is a change of a readOnly attribute (RFC 7644 §3.5.2): 400 mutability, nothing stored.
        client.patch("/Groups/" + group, patchOp("{\"op\":\"replace\",\"value\":{\"id\":\"" + a
                + "\",\"displayName\":\"Other\"}}")).assertError(400, "mutability");
        assertThat(client.get("/Groups/" + group).json().path("displayName").asText()).isEqualTo("Renamed");

        // Member add, remove by a value filter, both in one PATCH, a path-less replace of the members.
        client.patch("/Groups/" + group, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":" + members(a, b) + "}"));
        assertThat(memberIds(client, group)).containsExactlyInAnyOrder(a, b);
        client.patch("/Groups/" + group, patchOp("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\"]\"}",
                "{\"op\":\"add\",\"path\":\"members\",\"value\":" + members(c) + "}"));
        assertThat(memberIds(client, group)).containsExactlyInAnyOrder(b, c);
        client.patch("/Groups/" + group, patchOp("{\"op\":\"replace\",\"value\":{\"members\":" + members(a) + "}}"));
        assertThat(memberIds(client, group)).containsExactly(a);

        // PUT with the full member list, then emptying by replace with [].
        Reply put = client.put("/Groups/" + group, "{\"schemas\":[\"" + GROUP_URN + "\"],\"id\":\"" + group
                + "\",\"displayName\":\"Renamed\",\"members\":" + members(a, c) + "}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("members")).hasSize(2);
        assertThat(client.patch("/Groups/" + group, patchOp("{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}"))
                .status()).isEqualTo(204);
        assertThat(memberIds(client, group)).isEmpty();
        client.patch("/Groups/0000-no-such-group", patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":"
                + members(a) + "}")).assertError(404, null);

        Map<String, Long> expected = dialect.rules().isEmpty() ? Map.of() : Map.of("replace-empty-array-removes", 1L);
        assertThat(dialect.firings()).isEqualTo(expected);
    }

    private static List<String> memberIds(ScimTestClient client, String group) {
        List<String> ids = new ArrayList<>();
        client.get("/Groups/" + group).json().path("members").forEach(member -> ids.add(member.path("value").asText()));
        return ids;
    }
}
