package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.ENTERPRISE_URN;
import static io.scimkit.core.protocol.ScimTestClient.GROUP_URN;
import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import io.scimkit.core.value.StringValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code PUT /{endpoint}/{id}} (RFC 7644 §3.5.1): the P-PUT rows of the digest. */
class ResourceReplaceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final ScimTestClient client = ScimTestClient.create(builder -> builder.clock(clock));

    private String createBjensen() {
        Reply created = client.post("/Users", """
                {"schemas":["%s","%s"],"userName":"bjensen","nickName":"Babs","password":"secret",
                 "name":{"givenName":"Barbara","familyName":"Jensen"},
                 "emails":[{"value":"b@example.com","type":"work"}],
                 "%s":{"department":"Sales"}}""".formatted(USER_URN, ENTERPRISE_URN, ENTERPRISE_URN));
        assertThat(created.status()).isEqualTo(201);
        return created.id();
    }

    @Test
    void pPut01_pEp03_putNeverCreates() {
        client.put("/Users/unknown", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"x\"}").assertError(404, null);
        assertThat(client.count("User")).isZero();
    }

    @Test
    void pPut02_03_04_08_k31_valuesReplacedOmittedAndNullCleared() {
        String id = createBjensen();

        Reply reply = client.put("/Users/" + id, """
                {"schemas":["%s"],"userName":"bjensen","displayName":"Barbara J","nickName":null,"emails":[]}"""
                .formatted(USER_URN));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode stored = client.get("/Users/" + id).json();
        assertThat(reply.json()).isEqualTo(stored);
        assertThat(stored.path("displayName").asText()).isEqualTo("Barbara J");
        assertThat(stored.has("nickName")).isFalse();
        assertThat(stored.has("emails")).isFalse();
        assertThat(stored.has("name")).isFalse();
        assertThat(stored.has(ENTERPRISE_URN)).isFalse();
        assertThat(stored.path("schemas")).hasSize(1);
        // writeOnly values are kept when left out (clients never read them back).
        assertThat(client.stored("User", id).orElseThrow().get("password")).contains(StringValue.of("secret"));
    }

    @Test
    void pPut05_immutableValueThatDiffersIs400MutabilityAndEqualOrOmittedIsFine() {
        ScimTestClient devices = Devices.client();
        String id = devices.post("/Devices", Devices.body("Laptop", "SN-1")).id();

        devices.put("/Devices/" + id, Devices.body("Laptop", "SN-2")).assertError(400, "mutability");
        assertThat(devices.get("/Devices/" + id).json().path("serialNumber").asText()).isEqualTo("SN-1");

        assertThat(devices.put("/Devices/" + id, Devices.body("Laptop 2", "SN-1")).status()).isEqualTo(200);
        assertThat(devices.put("/Devices/" + id, "{\"schemas\":[\"" + Devices.URN + "\"],\"displayName\":\"L3\"}")
                .json().path("serialNumber").asText()).isEqualTo("SN-1");
    }

    @Test
    void pPut06_k32_readOnlyValuesAndADifferentBodyIdAreIgnored() {
        String id = createBjensen();
        JsonNode before = client.get("/Users/" + id).json();

        Reply reply = client.put("/Users/" + id, """
                {"schemas":["%s"],"id":"other-id","userName":"bjensen",
                 "meta":{"created":"1999-01-01T00:00:00Z"},"groups":[{"value":"g"}]}""".formatted(USER_URN));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.id()).isEqualTo(id);
        assertThat(reply.json().path("meta").path("created")).isEqualTo(before.path("meta").path("created"));
        assertThat(reply.json().has("groups")).isFalse();
        client.get("/Users/other-id").assertError(404, null);
    }

    @Test
    void pPut07_missingRequiredAttributeIs400InvalidValueAndChangesNothing() {
        String id = createBjensen();
        String etag = client.get("/Users/" + id).etag();

        client.put("/Users/" + id, "{\"schemas\":[\"" + USER_URN + "\"],\"displayName\":\"x\"}")
                .assertError(400, "invalidValue");

        Reply after = client.get("/Users/" + id);
        assertThat(after.etag()).isEqualTo(etag);
        assertThat(after.json().path("userName").asText()).isEqualTo("bjensen");
    }

    @Test
    void pPut09_k01_uniquenessClashIs409AndChangesNothing() {
        String id = createBjensen();
        client.createUser("alice");
        String etag = client.get("/Users/" + id).etag();

        client.put("/Users/" + id, "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"ALICE\"}")
                .assertError(409, "uniqueness");

        assertThat(client.get("/Users/" + id).etag()).isEqualTo(etag);
    }

    @Test
    void pPut10_pVer06_staleIfMatchIs412AndMatchingIfMatchProceeds() {
        String id = createBjensen();
        String etag = client.get("/Users/" + id).etag();
        String body = "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"bjensen\",\"nickName\":\"B\"}";

        client.send("PUT", "/Users/" + id, "", body, "If-Match", "W/\"stale\"").assertError(412, null);
        assertThat(client.get("/Users/" + id).json().path("nickName").asText()).isEqualTo("Babs");

        Reply reply = client.send("PUT", "/Users/" + id, "", body, "If-Match", etag);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("nickName").asText()).isEqualTo("B");
        assertThat(reply.etag()).isNotEqualTo(etag);
    }

    @Test
    void pPut11_pVer09_lastModifiedAdvancesVersionChangesCreatedStays() {
        String id = createBjensen();
        JsonNode before = client.get("/Users/" + id).json();
        clock.advance(Duration.ofMinutes(5));

        Reply reply = client.put("/Users/" + id, "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"bjensen\"}");

        JsonNode meta = reply.json().path("meta");
        assertThat(meta.path("created")).isEqualTo(before.path("meta").path("created"));
        assertThat(Instant.parse(meta.path("lastModified").asText()))
                .isAfter(Instant.parse(before.path("meta").path("lastModified").asText()));
        assertThat(meta.path("version")).isNotEqualTo(before.path("meta").path("version"));
        assertThat(reply.etag()).isEqualTo(meta.path("version").asText());
    }

    @Test
    void pPut12_getThenPutOfTheUnchangedResourceSucceeds() {
        String id = createBjensen();
        String unchanged = client.get("/Users/" + id).text();

        Reply reply = client.put("/Users/" + id, unchanged);

        assertThat(reply.status()).isEqualTo(200);
        ObjectNode expected = (ObjectNode) ScimTestClient.json(unchanged);
        assertThat(reply.json()).isEqualTo(expected);
    }

    @Test
    void groupPutReplacesTheMembers() {
        String alice = client.createUser("alice");
        String bob = client.createUser("bob");
        String group = client.createGroup("Engineering", alice);

        Reply reply = client.put("/Groups/" + group, """
                {"schemas":["%s"],"displayName":"Platform","members":[{"value":"%s"}]}""".formatted(GROUP_URN, bob));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.memberIds()).containsExactly(bob);
        Reply stored = client.get("/Groups/" + group);
        assertThat(stored.memberIds()).containsExactly(bob);
        assertThat(stored.json().path("displayName").asText()).isEqualTo("Platform");
        assertThat(client.get("/Users/" + alice).json().has("groups")).isFalse();
    }

    @Test
    void groupPutWithoutMembersClearsThem() {
        String alice = client.createUser("alice");
        String group = client.createGroup("Engineering", alice);

        client.put("/Groups/" + group, "{\"schemas\":[\"" + GROUP_URN + "\"],\"displayName\":\"Engineering\"}");

        assertThat(client.get("/Groups/" + group).memberIds()).isEmpty();
    }

    @Test
    void pAtt11_returnedRequestAttributeSuppliedInPutIsReturned() {
        ScimTestClient devices = Devices.client();
        String id = devices.post("/Devices", Devices.body("Laptop", "SN-1")).id();

        Reply reply = devices.put("/Devices/" + id, "{\"schemas\":[\"" + Devices.URN
                + "\"],\"displayName\":\"Laptop\",\"secretHint\":\"under the desk\"}");

        assertThat(reply.json().path("secretHint").asText()).isEqualTo("under the desk");
        assertThat(devices.get("/Devices/" + id).json().has("secretHint")).isFalse();
    }
}
