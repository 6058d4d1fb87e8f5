package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static io.scimkit.core.protocol.ScimTestClient.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.protocol.ScimTestClient.Reply;
import org.junit.jupiter.api.Test;

/** {@code DELETE /{endpoint}/{id}} (RFC 7644 §3.6): the P-DEL rows, K-64 and the soft-delete policy. */
class ResourceDeleteTest {
    private final ScimTestClient client = ScimTestClient.create();

    @Test
    void pDel01_02_deleteIs204WithoutBodyThenEveryOperationIs404() {
        String id = client.createUser("bjensen");

        Reply reply = client.delete("/Users/" + id);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.response().body()).isEmpty();
        client.get("/Users/" + id).assertError(404, null);
        client.put("/Users/" + id, "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"bjensen\"}").assertError(404, null);
        client.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"x\"}"))
                .assertError(404, null);
        client.delete("/Users/" + id).assertError(404, null);
        assertThat(client.stored("User", id)).isEmpty();
    }

    @Test
    void pDel03_deletedResourcesAreNotInQueryResults() {
        String id = client.createUser("bjensen");
        client.delete("/Users/" + id);

        Reply query = client.send("GET", "/Users", "filter=userName+eq+%22bjensen%22", null);

        assertThat(query.status()).isEqualTo(200);
        assertThat(query.json().path("totalResults").asInt(-1)).isZero();
    }

    @Test
    void softDeletedUsersAreStillFoundByFilter() {
        ScimTestClient soft = ScimTestClient.create(builder -> builder.deletePolicy(DeletePolicy.SOFT));
        String id = soft.createUser("bjensen");
        soft.delete("/Users/" + id);

        Reply query = soft.send("GET", "/Users", "filter=userName+eq+%22bjensen%22", null);

        assertThat(query.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(query.json().path("Resources").get(0).path("active").asBoolean(true)).isFalse();
    }

    @Test
    void pDel04_deletedUserNameCanBeCreatedAgain() {
        String id = client.createUser("bjensen");
        client.delete("/Users/" + id);

        assertThat(client.createUser("bjensen")).isNotEqualTo(id);
    }

    @Test
    void pDel05_pVer06_staleIfMatchIs412AndTheResourceStays() {
        String id = client.createUser("bjensen");
        String etag = client.get("/Users/" + id).etag();

        client.send("DELETE", "/Users/" + id, "", null, "If-Match", "W/\"stale\"").assertError(412, null);
        assertThat(client.get("/Users/" + id).status()).isEqualTo(200);

        assertThat(client.send("DELETE", "/Users/" + id, "", null, "If-Match", etag).status()).isEqualTo(204);
        client.get("/Users/" + id).assertError(404, null);
    }

    @Test
    void ifMatchStarDeletesAnyExistingResource() {
        String id = client.createUser("bjensen");
        assertThat(client.send("DELETE", "/Users/" + id, "", null, "If-Match", "*").status()).isEqualTo(204);
        client.send("DELETE", "/Users/" + id, "", null, "If-Match", "*").assertError(404, null);
    }

    @Test
    void pDel06_unknownIdIs404() {
        client.delete("/Users/unknown").assertError(404, null);
        client.delete("/Groups/unknown").assertError(404, null);
    }

    @Test
    void k64_deletedUserLeavesEveryGroup() {
        String alice = client.createUser("alice");
        String bob = client.createUser("bob");
        String group = client.createGroup("Engineering", alice, bob);

        client.delete("/Users/" + alice);

        assertThat(client.get("/Groups/" + group).memberIds()).containsExactly(bob);
    }

    @Test
    void groupDeleteLeavesTheMembers() {
        String alice = client.createUser("alice");
        String group = client.createGroup("Engineering", alice);

        assertThat(client.delete("/Groups/" + group).status()).isEqualTo(204);

        client.get("/Groups/" + group).assertError(404, null);
        assertThat(client.get("/Users/" + alice).json().has("groups")).isFalse();
    }

    @Test
    void softPolicyDeactivatesUsersWhoStayRetrievable() {
        ScimTestClient soft = ScimTestClient.create(builder -> builder.deletePolicy(DeletePolicy.SOFT));
        String id = soft.createUser("bjensen");

        assertThat(soft.delete("/Users/" + id).status()).isEqualTo(204);

        Reply after = soft.get("/Users/" + id);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("active").asBoolean(true)).isFalse();
        String etag = after.etag();
        // Deleting a deactivated user again changes nothing.
        assertThat(soft.delete("/Users/" + id).status()).isEqualTo(204);
        assertThat(soft.get("/Users/" + id).etag()).isEqualTo(etag);
    }

    @Test
    void softPolicyHonoursIfMatch() {
        ScimTestClient soft = ScimTestClient.create(builder -> builder.deletePolicy(DeletePolicy.SOFT));
        String id = soft.createUser("bjensen");

        soft.send("DELETE", "/Users/" + id, "", null, "If-Match", "W/\"stale\"").assertError(412, null);

        assertThat(soft.get("/Users/" + id).json().has("active")).isFalse();
    }

    @Test
    void softPolicyDeletesTypesWithoutActive() {
        ScimTestClient soft = ScimTestClient.create(builder -> builder.deletePolicy(DeletePolicy.SOFT));
        String group = soft.createGroup("G");

        assertThat(soft.delete("/Groups/" + group).status()).isEqualTo(204);

        soft.get("/Groups/" + group).assertError(404, null);
    }

    @Test
    void softPolicyOnACustomTypeWithActive() {
        ScimTestClient devices = Devices.client(builder -> builder.deletePolicy(DeletePolicy.SOFT));
        String id = devices.post("/Devices", Devices.body("Laptop", "SN-1")).id();

        assertThat(devices.delete("/Devices/" + id).status()).isEqualTo(204);

        assertThat(devices.get("/Devices/" + id).json().path("active").asBoolean(true)).isFalse();
    }
}
